import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiRoutes } from '../../functions/api-routes.ts';
import { requestJsonSchema } from '../../functions/support/openapi-document.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const DocumentSchema = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(z.string(), z.object({ operationId: z.string(), requestBody: z.unknown().optional() })),
  ),
});
const IssuesSchema = z.object({
  error: z.object({ issues: z.array(z.object({ field: z.string(), code: z.string() })) }),
});
const E = '195230100-2026-03-15';

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;
let document: unknown;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  document = (await api({ role: 'public' }, 'GET', '/openapi.json')).body;
});
afterAll(() => engine.kill('SIGTERM'));

describe('the OpenAPI document at /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(
      z.record(z.string(), z.unknown()).parse(structuredClone(document)),
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(DocumentSchema.parse(document).openapi).toBe('3.1.0');
  });

  it('lists exactly the API’s operations: the route table’s, the engine’s clock among them', () => {
    const { paths } = DocumentSchema.parse(document);
    const operationIds = Object.values(paths).flatMap((methods) =>
      Object.values(methods).map((o) => o.operationId),
    );
    expect(operationIds.sort()).toEqual(apiRoutes.map((r) => r.operationId).sort());
    expect(operationIds).toEqual(
      expect.arrayContaining([
        'getTime',
        'createElection',
        'getElection',
        'importVoterRegister',
        'fileNomination',
        'getCase',
        'getCaseTimeline',
        'getCaseEvidence',
        'listCases',
        'submitSignatures',
        'confirmPartyNomination',
        'recordCommunityConsent',
        'decideRegistration',
        'withdrawNomination',
        'cancelRegistration',
        'reinstateCase',
        'listCandidates',
        'createUpload',
        'getJob',
      ]),
    );
  });

  it('describes each body with the very schema its handler parses with', async () => {
    await api(commission, 'POST', '/elections', newElectionInput());
    const { caseId } = z
      .object({ caseId: z.string() })
      .parse(
        (await api(partyCaller('amanat'), 'POST', `/elections/${E}/cases`, aPartyFiling('amanat', 1))).body,
      );
    const callers = { commission, party: partyCaller('amanat'), akimat };
    const callerOf: Record<string, keyof typeof callers> = {
      confirmPartyNomination: 'party',
      recordCommunityConsent: 'akimat',
    };
    const { paths } = DocumentSchema.parse(document);

    // The election's own routes; the accounts' are held to the same by their own tests.
    for (const route of apiRoutes.filter(
      (r) => r.requestSchema !== undefined && r.path.startsWith('/elections'),
    )) {
      const described = paths[route.path]?.post?.requestBody;
      expect(described, route.operationId).toMatchObject({
        content: { 'application/json': { schema: requestJsonSchema(route.requestSchema ?? z.never()) } },
      });

      // What the document says is required is what the handler refuses when it is missing. A union (filing
      // routes, register or refuse) first needs its discriminator; the others list every field at once.
      const schema = z
        .object({
          required: z.array(z.string()).optional(),
          oneOf: z.array(z.unknown()).optional(),
          anyOf: z.array(z.object({ required: z.array(z.string()).optional() }).loose()).optional(),
        })
        .loose()
        .parse(requestJsonSchema(route.requestSchema ?? z.never()));
      const path = route.path.replace('{electionId}', E).replace('{caseId}', caseId);
      const response = await api(callers[callerOf[route.operationId] ?? 'commission'], 'POST', path, {
        unexpected: true,
      });
      expect(response.status, route.operationId).toBe(400);
      const { issues } = IssuesSchema.parse(response.body).error;
      const required = issues
        .filter((i) => i.code === 'REQUIRED')
        .map((i) => i.field)
        .sort();
      if (schema.oneOf !== undefined) {
        expect(required, route.operationId).toHaveLength(1);
        continue;
      }
      // Rows, or `{"upload": …}` (bulk routes): a body without `upload` is read as rows.
      const expected = schema.anyOf?.[0]?.required ?? schema.required ?? [];
      expect(required, route.operationId).toEqual([...expected].sort());
      expect(
        issues.find((i) => i.field === 'unexpected'),
        route.operationId,
      ).toMatchObject({ code: 'UNKNOWN_FIELD' });
    }
  });

  it('lists the files the two bulk operations take, and only they', () => {
    const { paths } = DocumentSchema.parse(document);
    const ContentSchema = z.object({ content: z.record(z.string(), z.unknown()) });
    for (const route of apiRoutes.filter((r) => r.requestSchema !== undefined)) {
      const described = ContentSchema.parse(paths[route.path]?.post?.requestBody);
      const bulk = ['importVoterRegister', 'submitSignatures'].includes(route.operationId);
      expect(Object.keys(described.content).sort(), route.operationId).toEqual(
        bulk
          ? [
              'application/json',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'application/x-ndjson',
              'text/csv',
            ]
          : ['application/json'],
      );
    }
  });
});
