import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import * as z from 'zod';

/** A built desk as `npm run desk` leaves it, in miniature (a real synthesis takes web/dist). */
export function stubDesk(): string {
  const directory = mkdtempSync(join(tmpdir(), 'desk-'));
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'export {};');
  writeFileSync(join(directory, '.desk-build.json'), '{"sources":{}}');
  return directory;
}

const ResourcesSchema = z.record(
  z.string(),
  z.looseObject({ Type: z.string(), Properties: z.looseObject({}).optional() }),
);

/** A synthesised template's resources by logical id. */
export const resourcesIn = (template: Template) => ResourcesSchema.parse(template.toJSON().Resources);

/** A synthesised template's resources of one CloudFormation type, as [logical id, resource]. */
export const resourcesOf = (template: Template, type: string) =>
  Object.entries(resourcesIn(template)).filter(([, r]) => r.Type === type);

/** What a bucket's properties hold when nobody outside may read it and it is encrypted at rest (S3's keys). */
export const privateEncryptedBucket = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  },
} as const;
