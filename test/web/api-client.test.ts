// The desk's API types are made from the document the engine serves; committed, so the desk type-checks without
// running anything. If a route or a schema changes and the file is not made again, this fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_TYPES_FILE, schemaTypes } from '../../web/api-client-generator/generate.ts';

describe('web/src/api/schema.d.ts, the types of the desk’s API client', () => {
  it('is what openapi-typescript makes of the OpenAPI document now', async () => {
    const committed = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
    const fresh = await schemaTypes();
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run npm run api-client').toBe(true);
  }, 60_000);

  it('names the shapes the desk works with and types every operation’s answer by its schema', async () => {
    const types = await schemaTypes();
    for (const name of ['Case', 'Election', 'Job', 'JobAccepted', 'SignatureVerdict', 'Error', 'Time']) {
      expect(types, name).toContain(`        ${name}: {`);
    }
    // The answer of getCase is the named Case, not a bare object.
    expect(types).toMatch(
      /getCase: \{[\s\S]*?200: \{[\s\S]*?"application\/json": components\["schemas"\]\["Case"\]/,
    );
  }, 60_000);
});
