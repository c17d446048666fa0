// The OpenAPI document as two well-kept linters judge it: Spectral's `spectral:oas` ruleset and Redocly's
// `recommended` rules. Any error fails; warnings are listed by the lead's report, not here.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore, { type RulesetDefinition } from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRulesets from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/support/openapi-document.ts';

// CommonJS packages: their named exports are on the default one.
const { Document, Spectral } = spectralCore;
const { Json } = spectralParsers;
const { oas } = spectralRulesets;
const ERROR = 0;

async function spectralErrors(document: unknown): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'all']] });
  const results = await spectral.run(new Document(JSON.stringify(document, null, 2), Json, 'openapi.json'));
  return results
    .filter((r) => r.severity === ERROR)
    .map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
}

async function redoclyErrors(document: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document, null, 2),
    absoluteRef: 'openapi.json',
    config,
  });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
}

describe('the OpenAPI document under Spectral (spectral:oas) and Redocly (recommended)', () => {
  it('has no error under either', async () => {
    const document = openApiDocument();
    expect(await spectralErrors(document)).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  }, 60_000);

  it('would be caught by both: an operation naming a schema that is not there, a duplicate operationId', async () => {
    // The linters really judge this document: a broken copy of it fails both.
    const broken = structuredClone(openApiDocument());
    const paths = broken.paths as Record<
      string,
      Record<string, { operationId?: string; responses?: object }>
    >;
    const getCase = paths['/elections/{electionId}/cases/{caseId}']?.get;
    const getElection = paths['/elections/{electionId}']?.get;
    if (getCase === undefined || getElection === undefined) throw new Error('the document lost its routes');
    getCase.operationId = 'getElection';
    getElection.responses = {
      '200': {
        description: 'Done',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
      },
    };
    expect((await spectralErrors(broken)).join('\n')).toMatch(/operationId/);
    expect((await redoclyErrors(broken)).join('\n')).toMatch(
      /operation-operationId-unique|no-unresolved-refs/,
    );
  }, 60_000);
});
