// Every answer the engine gives, held to the schema the OpenAPI document (and so the desk's generated client)
// describes for it: a journey through every operation, each success parsed by its route's response schema, each
// job's result by the job result's, each refusal by the Error schema. A field a handler adds, drops or retypes
// without its schema fails here (strict schemas), and the type check catches what it can before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiRoutes, matchRoute } from '../../functions/api-routes.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { CaseFindingsSchema } from '../../shared/http/responses/case-findings.ts';
import { ErrorBodySchema } from '../../shared/http/responses/error.ts';
import { JobAnswerSchema, JobResultSchema } from '../../shared/http/responses/job.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { agreedMeeting, checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const unitB = { kato: '195240100', kind: 'village' as const, nameKk: 'Жалтыр', nameRu: 'Жалтыр' };
const A = '195230100-2026-03-15';
const B = '195240100-2026-03-15';
const anyone: Caller = { role: 'public' };
const voters = voterRows(900);
const IdSchema = z.object({ caseId: z.string() });
const LocationSchema = z.object({ location: z.string() });

/**
 * Operations whose answers other tests hold to their schemas (added with the desk, each with its own tests of
 * the same kind); every other operation must be seen answering here.
 */
const coveredElsewhere = new Set([
  'listElections',
  'listNotices',
  'markNoticesRead',
  'listAccounts',
  'createAccount',
  'disableAccount',
]);

let engine: EngineProcess;
let raw: ReturnType<typeof apiClient>;
const answered = new Set<string>();
const problems: string[] = [];

/** The API client, holding every answer of an API route to what the document says that route answers. */
async function api(caller: Caller, method: 'GET' | 'POST', path: string, body?: unknown, headers = {}) {
  const response = await raw(caller, method, path, body, headers);
  const matched = matchRoute(method, path.split('?')[0] ?? path);
  if (matched === null) return response;
  const { route } = matched;
  const schema =
    response.status === route.successStatus
      ? route.responseSchema
      : response.status === 202 && route.bulk !== undefined
        ? JobAnswerSchema
        : ErrorBodySchema;
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    problems.push(`${route.operationId} ${response.status}: ${z.prettifyError(parsed.error)}`);
  } else if (response.status === route.successStatus) {
    answered.add(route.operationId);
    // A case's findings are typed loosely and documented as CaseFindings: held to that too.
    for (const c of casesIn(response.body)) {
      const findings = CaseFindingsSchema.safeParse(c.findings);
      if (!findings.success)
        problems.push(`${route.operationId} findings: ${z.prettifyError(findings.error)}`);
    }
  }
  return response;
}

const CaseViewsSchema = z.union([
  z.object({ findings: z.unknown() }).transform((c) => [c]),
  z.object({ cases: z.array(z.object({ findings: z.unknown() })) }).transform((list) => list.cases),
]);

/** The case views an answer holds: itself (a case), or its cases (a list). */
function casesIn(body: unknown): { findings: unknown }[] {
  const views = CaseViewsSchema.safeParse(body);
  return views.success ? views.data : [];
}

async function created(caller: Caller, electionId: string, filing: unknown): Promise<string> {
  const response = await api(caller, 'POST', `/elections/${electionId}/cases`, filing);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return IdSchema.parse(response.body).caseId;
}

/** Polls a job at `location` until it ends; its result is held to the job result's schema. */
async function jobResult(caller: Caller, location: string): Promise<unknown> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const { body } = await api(caller, 'GET', location);
    const job = z.object({ state: z.string(), result: z.unknown().optional() }).parse(body);
    if (job.state === 'succeeded') return JobResultSchema.parse(job.result);
    if (job.state !== 'queued' && job.state !== 'running') throw new Error(JSON.stringify(body));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${location} did not end`);
}

/** createUpload, the PUT a client makes to its URL, and the bulk route given the upload: the job's location. */
async function uploaded(
  caller: Caller,
  upload: { for: 'voter-register' | 'signatures'; caseId?: string },
  route: string,
  file: string,
): Promise<string> {
  const bytes = new TextEncoder().encode(file);
  const asked = await api(caller, 'POST', `/elections/${A}/uploads`, {
    ...upload,
    contentType: 'application/x-ndjson',
    bytes: bytes.byteLength,
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const { uploadId, url, headers } = z
    .object({ uploadId: z.string(), url: z.string(), headers: z.record(z.string(), z.string()) })
    .parse(asked.body);
  const put = await fetch(new URL(url, engine.url), { method: 'PUT', headers, body: bytes });
  expect(put.status).toBe(200);
  const accepted = await api(caller, 'POST', route, { upload: uploadId });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  return LocationSchema.parse(accepted.body).location;
}

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  raw = apiClient(engine.url, dataDir);
});
afterAll(() => engine.kill('SIGTERM'));

describe('every answer is what the OpenAPI document says it is', () => {
  it('holds a whole election’s answers, every operation’s, to their schemas', async () => {
    const path = (electionId: string, caseId: string, action = '') =>
      `/elections/${electionId}/cases/${caseId}${action}`;
    expect((await api(anyone, 'GET', '/time')).status).toBe(200);
    expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
    expect((await api(commission, 'POST', '/elections', { ...newElectionInput(), unit: unitB })).status).toBe(
      201,
    );
    expect((await api(anyone, 'GET', `/elections/${A}`)).status).toBe(200);

    // The register as a request, then the same list again as an upload, read by a job.
    const register = await api(commission, 'POST', `/elections/${A}/voter-register`, {
      source: 'district-list',
      voters,
    });
    expect(register.status, JSON.stringify(register.body)).toBe(201);
    const registerJob = await uploaded(
      commission,
      { for: 'voter-register' },
      `/elections/${A}/voter-register`,
      voters.map((v) => JSON.stringify(v)).join('\n'),
    );
    expect(await jobResult(commission, registerJob)).toMatchObject({ voterRegister: { voters: 900 } });

    // A party nominee registered, cancelled and reinstated by a court; another party's refused.
    const amanat = partyCaller('amanat');
    const kept = await created(amanat, A, aPartyFiling('amanat', 1));
    const auyl = partyCaller('auyl');
    const refused = await created(auyl, A, aPartyFiling('auyl', 4));
    for (const [caller, caseId] of [
      [amanat, kept],
      [auyl, refused],
    ] as const) {
      const confirmed = await api(caller, 'POST', path(A, caseId, '/party-confirmation'), {
        decision: 'confirm',
      });
      expect(confirmed.status).toBe(200);
      await waitForStatus(raw, commission, A, caseId, 'AwaitingRegistrationDecision');
    }
    const decide = (caseId: string, decision: object) =>
      api(commission, 'POST', path(A, caseId, '/registration-decision'), decision);
    expect((await decide(kept, { decision: 'register', checks: checksPassed })).status).toBe(200);
    expect(
      (
        await decide(refused, {
          decision: 'refuse',
          grounds: ['documents-incomplete'],
          reasons: 'No diploma.',
        })
      ).status,
    ).toBe(200);
    const cancelled = await api(commission, 'POST', path(A, kept, '/registration-cancellation'), {
      grounds: ['false-information'],
      reasons: 'The declaration of assets omitted a flat.',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const reinstated = await api(commission, 'POST', path(A, kept, '/reinstatement'), {
      decision: { body: 'court', bodyName: 'Abai regional court', date: '2026-02-05', number: '2-114/2026' },
      to: 'registered',
    });
    expect(reinstated.status, JSON.stringify(reinstated.body)).toBe(200);

    // A self-nominee's sheets: a few lines by an upload (a job), one of them bad; the rest in a request.
    const selfFiling = aSelfFiling(2);
    const candidate = candidateCaller(selfFiling.candidate.iin);
    const self = await created(candidate, A, selfFiling);
    const [first, ...rest] = linesFrom(voters.slice(0, 3), '2026-02-08', 1);
    const sheetsJob = await uploaded(
      candidate,
      { for: 'signatures', caseId: self },
      path(A, self, '/signatures'),
      [{ ...first, iin: '000000000000' }, ...rest].map((l) => JSON.stringify(l)).join('\n'),
    );
    expect(await jobResult(candidate, sheetsJob)).toMatchObject({
      validCount: 2,
      rejectedCount: 1,
      rejectedLines: 1,
    });
    const sheets = await api(candidate, 'POST', path(A, self, '/signatures'), {
      lines: linesFrom(voters.slice(3, 12), '2026-02-08', 2),
    });
    expect(sheets.body).toMatchObject({ sufficient: true });

    // A self-nominee who withdraws.
    const leaving = aSelfFiling(5);
    const withdrawn = await created(candidateCaller(leaving.candidate.iin), A, leaving);
    expect(
      (await api(candidateCaller(leaving.candidate.iin), 'POST', path(A, withdrawn, '/withdrawal'), {}))
        .status,
    ).toBe(200);

    for (const caseId of [kept, refused, self]) {
      expect((await api(commission, 'GET', path(A, caseId))).status).toBe(200);
      expect((await api(commission, 'GET', path(A, caseId, '/timeline'))).status).toBe(200);
      const evidence = await api(commission, 'GET', path(A, caseId, '/evidence'));
      expect(evidence.status).toBe(200);
    }
    const listed = await api(commission, 'GET', `/elections/${A}/cases`);
    // The findings checked are real ones: eligibility judged, signatures counted.
    expect(listed.body).toMatchObject({
      cases: expect.arrayContaining([
        expect.objectContaining({
          caseId: self,
          findings: expect.objectContaining({ signatures: expect.anything() }),
        }),
        expect.objectContaining({
          caseId: kept,
          findings: expect.objectContaining({ eligibility: expect.anything() }),
        }),
      ]),
    });
    expect((await api(amanat, 'GET', `/elections/${A}/cases`)).status).toBe(200);

    // Unit B: nobody files, the akimat's window opens, the community meeting agrees.
    expect((await raw(anyone, 'POST', '/admin/clock', { to: fixtureCalendar.extendedClose })).status).toBe(
      200,
    );
    const additional = await created(akimat, B, {
      ...anAkimatFiling(3),
      akimat: { district: '1952', proposalNumber: 'P-7', proposedOn: '2026-02-20' },
    });
    const consent = await api(akimat, 'POST', path(B, additional, '/community-consent'), agreedMeeting);
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);

    // Their own cases across elections: the party's nominees (a page, then the next), the self-nominee's.
    const firstOwn = await api(amanat, 'GET', '/my-cases?limit=1');
    const next = z.object({ next: z.string() }).parse(firstOwn.body).next;
    expect((await api(amanat, 'GET', `/my-cases?cursor=${next}`)).status).toBe(200);
    expect((await api(candidate, 'GET', '/my-cases')).body).toMatchObject({ cases: [{ caseId: self }] });
    await raw(anyone, 'POST', '/admin/clock', { to: fixtureCalendar.registrationClose });
    const list = await api(anyone, 'GET', `/elections/${A}/candidates`);
    expect(list.body).toMatchObject({ refusedOrCancelled: [{ caseId: refused, decision: 'refused' }] });
    expect((await api(anyone, 'GET', `/elections/${A}`)).body).toMatchObject({ phase: 'RegistrationClosed' });

    // Refusals too are what the document says: bad input, no such case, no token.
    expect((await api(commission, 'POST', '/elections', { unexpected: true })).status).toBe(400);
    expect((await api(commission, 'GET', path(A, 'no-such-case'))).status).toBe(404);
    expect((await api(anyone, 'GET', `/elections/${A}/cases`)).status).toBe(401);

    expect(problems).toEqual([]);
    const expected = apiRoutes.map((r) => r.operationId).filter((id) => !coveredElsewhere.has(id));
    expect([...answered].sort()).toEqual(expected.sort());
  });
});
