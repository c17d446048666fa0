import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cdkJsonContext } from '../../infra/aws/app.ts';

/** What the installed aws-cdk-lib recommends for a new app (what `cdk init` writes, and `cdk flags` compares to). */
const recommended = z
  .record(z.string(), z.unknown())
  .parse(
    JSON.parse(
      readFileSync(
        createRequire(import.meta.url).resolve('aws-cdk-lib/recommended-feature-flags.json'),
        'utf8',
      ),
    ),
  );

/**
 * The flags cdk.json sets otherwise than recommended, each with its reason. Every other flag takes the recommended
 * value: none of those changes a deployed resource's identity (only the order and grouping of policy statements,
 * and a log group of its own for the CDK's desk-deployment function).
 */
const deliberateChoices: Readonly<Record<string, { value: unknown; reason: string }>> = {
  '@aws-cdk/core:target-partitions': {
    value: ['aws'],
    reason: 'The product is deployed to the commercial AWS partition only; China’s needs no region facts',
  },
  '@aws-cdk/aws-kms:applyImportedAliasPermissionsToPrincipal': {
    value: false,
    reason:
      'The only key alias imported by name is SNS’s AWS-managed key (the notice topic), whose own policy lets SNS use it for the account: a grant of kms:GenerateDataKey* on key/* would only widen the publisher’s role',
  },
};

describe('the CDK feature flags (cdk.json)', () => {
  const context = cdkJsonContext();

  it('sets every flag the installed aws-cdk-lib knows of, so that none is left to a default (`cdk flags` lists none)', () => {
    expect(Object.keys(recommended).filter((flag) => !(flag in context))).toEqual([]);
  });

  it('gives each the recommended value, but for the choices made here with their reason', () => {
    const differing = Object.keys(recommended).filter(
      (flag) => JSON.stringify(context[flag]) !== JSON.stringify(recommended[flag]),
    );
    expect(differing.sort()).toEqual(Object.keys(deliberateChoices).sort());
    for (const [flag, choice] of Object.entries(deliberateChoices)) {
      expect(context[flag], flag).toEqual(choice.value);
    }
  });
});
