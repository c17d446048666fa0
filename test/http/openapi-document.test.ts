// What the OpenAPI document tells a client beyond the shapes: every operation's refusals, throttling and faults;
// where the API is; the patterns of IINs and KATO codes; each query parameter's real schema; the files the bulk
// routes take, column by column; and the upload flow.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiRoutes } from '../../functions/api-routes.ts';
import { openApiDocument } from '../../functions/support/openapi-document.ts';

const OperationSchema = z.object({
  operationId: z.string(),
  tags: z.array(z.string()).length(1),
  description: z.string().min(1),
  parameters: z.array(
    z.object({ name: z.string(), in: z.string(), schema: z.record(z.string(), z.unknown()) }).loose(),
  ),
  requestBody: z.object({ content: z.record(z.string(), z.object({ schema: z.unknown() })) }).optional(),
  responses: z.record(
    z.string(),
    z.object({ headers: z.record(z.string(), z.unknown()).optional(), content: z.unknown() }).loose(),
  ),
});
const DocumentSchema = z.object({
  servers: z.array(z.object({ url: z.string() }).loose()),
  tags: z.array(z.object({ name: z.string(), description: z.string() })),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
  paths: z.record(z.string(), z.record(z.string(), OperationSchema)),
});

const document = DocumentSchema.parse(openApiDocument());
const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
const operation = (id: string) => {
  const found = operations.find((o) => o.operationId === id);
  if (found === undefined) throw new Error(`no operation ${id}`);
  return found;
};
const text = (value: unknown) => JSON.stringify(value);

describe('the OpenAPI document, for a client’s writer', () => {
  it('says on every operation what throttling (429, with Retry-After) and a fault (500) look like', () => {
    for (const o of operations) {
      expect(o.responses['429']?.headers, o.operationId).toHaveProperty('Retry-After');
      expect(text(o.responses['500']?.content), o.operationId).toContain('#/components/schemas/Error');
    }
  });

  it('names where the API is, locally and on AWS, and lists each operation under a tag it describes', () => {
    expect(document.servers.map((s) => s.url)).toEqual([
      'http://127.0.0.1:3000',
      'https://{apiId}.execute-api.{region}.amazonaws.com',
    ]);
    const tags = new Set(document.tags.map((t) => t.name));
    for (const o of operations) expect(tags, o.operationId).toContain(o.tags[0]);
    expect(operation('getTime').tags).toEqual(['time']);
    expect(operation('listCandidates').tags).toEqual(['public']);
  });

  it('carries the IIN’s and the KATO code’s patterns in requests and answers', () => {
    const filing = text(operation('fileNomination').requestBody);
    expect(filing).toContain('"iin":{"type":"string","pattern":"^\\\\d{12}$"');
    expect(text(operation('createElection').requestBody)).toContain(
      '"kato":{"type":"string","pattern":"^\\\\d{9}$"',
    );
    expect(text(document.components.schemas.Case)).toContain('"pattern":"^\\\\d{12}$"');
    expect(text(document.components.schemas.Election)).toContain('"pattern":"^\\\\d{9}$"');
  });

  it('gives each query parameter its real schema, and each path parameter the pattern it must match', () => {
    const cursor = operation('getCaseEvidence').parameters.find((p) => p.name === 'cursor');
    expect(cursor?.schema).toMatchObject({ type: 'string', maxLength: 2000, pattern: '^[A-Za-z0-9_-]+$' });
    const source = operation('importVoterRegister').parameters.find((p) => p.name === 'source');
    expect(source?.schema).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    const electionId = operation('getElection').parameters.find((p) => p.name === 'electionId');
    expect(electionId?.schema).toEqual({ type: 'string', pattern: '^\\d{9}-\\d{4}-\\d{2}-\\d{2}$' });
  });

  it('describes the files the bulk routes take, column by column, and the upload flow that ends in a 202 job', () => {
    const sheets = operation('submitSignatures');
    const csv = text(sheets.requestBody?.content['text/csv']);
    for (const column of ['`sheet` (required)', '`iin` (required)', '`sex`', '`collector` (required)']) {
      expect(csv).toContain(column);
    }
    expect(csv).not.toContain('`sex` (required)');
    expect(text(operation('importVoterRegister').requestBody?.content['application/x-ndjson'])).toContain(
      '`address` (required)',
    );
    for (const id of ['submitSignatures', 'importVoterRegister']) {
      expect(text(operation(id).responses['202']?.content), id).toContain('#/components/schemas/JobAccepted');
      expect(operation(id).description).toMatch(/createUpload[\s\S]*PUT[\s\S]*upload[\s\S]*202[\s\S]*getJob/);
    }
  });

  it('answers each route with a named or its own schema, never a bare object', () => {
    for (const route of apiRoutes) {
      const success = text(operation(route.operationId).responses[String(route.successStatus)]?.content);
      expect(success, route.operationId).toMatch(/"\$ref":"#\/components\/schemas\/\w+"/);
    }
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(text(schema), name).not.toBe('{"type":"object"}');
    }
  });
});
