// Probes of the local engine's surface over HTTP (issue 9, items 5–8 and 10): each hostile request gets a
// 4xx with a bounded body, decided before work is spent, and writes nothing.
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { SYNCHRONOUS_ROWS } from '../../shared/domain/bulk-job.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { keys } from '../../shared/storage/keys.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { AcceptedSchema, pollJob } from '../support/jobs-over-http.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const E = '195230100-2026-03-15';
const TABLE = 'akim-nominations';
const ISSUE_TOKEN = new URL('../../infra/local/issue-token.ts', import.meta.url).pathname;
/** No refusal needs more: an error with its issues and details, cut to size. */
const MAX_ERROR_BYTES = 64 * 1024;
const ErrorSchema = z.object({
  error: z.object({ code: z.string(), issues: z.array(z.unknown()).optional() }),
});
const CaseSchema = z.object({ caseId: z.string() });

let engine: EngineProcess;
let dataDir: string;
let api: ReturnType<typeof apiClient>;
let tokens: LocalTokens;
let selfCase: string;
const voters = voterRows(200);
const self = aSelfFiling(31);

/** The engine's table, read through its Unix socket: what storage holds, in a comparable form. */
async function storageSnapshot(): Promise<string> {
  const socket = readdirSync(dataDir).find((name) => name.endsWith('.sock'));
  if (socket === undefined) throw new Error('no storage socket');
  const db = createDocumentClient({ endpoint: `unix:${join(dataDir, socket)}` });
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor !== undefined);
  return JSON.stringify(items.map((i) => JSON.stringify(i)).sort());
}

interface RawAnswer {
  readonly status: number;
  readonly bytes: number;
  readonly code: string | undefined;
}

/** One request as a hostile client sends it: any host, headers and bytes; the answer even if the body was not read. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer | string,
): Promise<RawAnswer> {
  const url = new URL(engine.url);
  return new Promise((resolve, reject) => {
    // Framed as a client would frame it: a body without a declared length gets one (Node sends none for a GET).
    const framed =
      body === undefined || 'content-length' in headers || 'transfer-encoding' in headers
        ? headers
        : { ...headers, 'content-length': Buffer.byteLength(body) };
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: framed, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let code: string | undefined;
          try {
            code = ErrorSchema.safeParse(JSON.parse(text)).data?.error.code;
          } catch {
            code = text === '' ? 'EMPTY' : 'NOT_JSON';
          }
          resolve({ status: res.statusCode ?? 0, bytes: Buffer.byteLength(text), code });
        });
      },
    );
    // The engine may answer and close before it has read what we send: that is the point.
    req.on('error', (error) =>
      'code' in error && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
        ? resolve({ status: 0, bytes: 0, code: 'RESET' })
        : reject(error),
    );
    if (body !== undefined) req.write(body, () => undefined);
    req.end();
  });
}

const bearer = async (caller: Caller) =>
  caller.role === 'public' ? '' : `Bearer ${await tokens.issue(caller)}`;
const json = { 'content-type': 'application/json' };

/** Sends a probe, and checks what every probe must: its status and code, a bounded body, nothing written. */
async function probe(expected: { status: number; code?: string }, send: () => Promise<RawAnswer>) {
  const before = await storageSnapshot();
  const answer = await send();
  expect({ status: answer.status, code: answer.code }).toEqual({
    status: expected.status,
    code: expected.code ?? answer.code,
  });
  expect(answer.bytes).toBeLessThan(MAX_ERROR_BYTES);
  expect(await storageSnapshot(), 'nothing written').toBe(before);
  return answer;
}

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  tokens = LocalTokens.inDataDir(dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  expect(
    (await api(commission, 'POST', `/elections/${E}/voter-register`, { source: 'list', voters })).status,
  ).toBe(201);
  const filed = await api(candidateCaller(self.candidate.iin), 'POST', `/elections/${E}/cases`, self);
  selfCase = CaseSchema.parse(filed.body).caseId;
});
afterAll(() => engine.kill('SIGTERM'));

/** The engine's own signing key (a P-256 JWK in its data folder), for tokens no command would issue. */
const engineSigningKey = () =>
  createPrivateKey({
    key: JSON.parse(readFileSync(join(dataDir, 'token-signing.key'), 'utf8')),
    format: 'jwk',
  });

describe('one bad input hurts nobody else (item 5)', () => {
  it('refuses a token whose subject is 300 characters, and the election goes on being listed', async () => {
    const long = { ...partyCaller('nur'), subject: 'x'.repeat(300) };
    const token = await new SignJWT({ sub: long.subject, 'cognito:groups': ['party'], 'custom:party': 'nur' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('akim-nominations-local')
      .setAudience('akim-nominations')
      .setExpirationTime('1h')
      .sign(engineSigningKey());
    await probe({ status: 401, code: 'UNAUTHORIZED' }, () =>
      raw(
        'POST',
        `/elections/${E}/cases`,
        { ...json, authorization: `Bearer ${token}` },
        JSON.stringify(aPartyFiling('nur', 32)),
      ),
    );
    expect((await api(commission, 'GET', `/elections/${E}/cases`)).status).toBe(200);
  });

  it('lists, publishes and closes an election around a damaged case, naming it to the commission', async () => {
    const other = aPartyFiling('auyl', 33);
    const filed = CaseSchema.parse(
      (await api(partyCaller('auyl'), 'POST', `/elections/${E}/cases`, other)).body,
    );
    // Once its workflow has stored its task token (version 2), nothing else writes the case on its own.
    for (let v = 0; v !== 2; ) {
      v = z
        .object({ version: z.number() })
        .parse((await api(commission, 'GET', `/elections/${E}/cases/${filed.caseId}`)).body).version;
    }
    const socket = readdirSync(dataDir).find((name) => name.endsWith('.sock')) ?? '';
    await createDocumentClient({ endpoint: `unix:${join(dataDir, socket)}` }).send(
      new UpdateCommand({
        TableName: TABLE,
        Key: keys.case(E, filed.caseId),
        UpdateExpression: 'SET #status = :bad',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':bad': 'NoSuchStatus' },
      }),
    );
    const listed = await api(commission, 'GET', `/elections/${E}/cases`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ unreadable: [{ caseId: filed.caseId, fields: ['status'] }] });
    expect((await api(akimat, 'GET', `/elections/${E}/cases`)).status).toBe(200);
    expect((await api({ role: 'public' }, 'GET', `/elections/${E}/candidates`)).body).toMatchObject({
      unreadableCases: 1,
    });
    await probe({ status: 409, code: 'RECORD_UNREADABLE' }, async () =>
      raw('GET', `/elections/${E}/cases/${filed.caseId}`, { authorization: await bearer(commission) }),
    );
  });
});

describe('signature sheets (item 6)', () => {
  it('refuses the same sheet and line twice in one submission, naming both, before anything is counted', async () => {
    const lines = linesFrom(voters.slice(0, 10));
    const repeated = [...lines, { ...linesFrom(voters.slice(10, 11))[0], sheet: 1, line: 3 }];
    const answer = await probe({ status: 400, code: 'VALIDATION_FAILED' }, async () =>
      raw(
        'POST',
        `/elections/${E}/cases/${selfCase}/signatures`,
        { ...json, authorization: await bearer(candidateCaller(self.candidate.iin)) },
        JSON.stringify({ lines: repeated }),
      ),
    );
    expect(answer.code).toBe('VALIDATION_FAILED');
    const again = await api(
      candidateCaller(self.candidate.iin),
      'POST',
      `/elections/${E}/cases/${selfCase}/signatures`,
      {
        lines: repeated,
      },
    );
    expect(again.body).toMatchObject({
      error: { issues: [{ field: 'lines.10', code: 'SIGNATURE_POSITION_REPEATED' }] },
    });
  });
});

describe('input edges (item 7)', () => {
  it('answers an anonymous 16 MiB body with 401 without reading it', async () => {
    await probe({ status: 401, code: 'UNAUTHORIZED' }, () =>
      raw(
        'POST',
        `/elections/${E}/cases`,
        { ...json, 'content-length': 16 * 1024 * 1024 },
        Buffer.alloc(1024 * 1024),
      ),
    );
  });

  it('keeps its memory when 64 anonymous 16 MiB bodies arrive at once', async () => {
    const rss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${engine.child.pid}/status`, 'utf8'))?.[1]);
    const before = rss();
    const body = Buffer.alloc(16 * 1024 * 1024, 0x20);
    const answers = await Promise.all(
      Array.from({ length: 64 }, () => raw('POST', `/elections/${E}/voter-register`, { ...json }, body)),
    );
    // Each is refused at once; a client still sending may see the connection closed under it instead.
    expect(answers.every((a) => a.status === 401 || a.code === 'RESET')).toBe(true);
    expect(answers.some((a) => a.status === 401)).toBe(true);
    expect((rss() - before) / 1024, 'MiB more after the bodies').toBeLessThan(128);
  });

  it('refuses unread a body sent to a route that takes none, public or not: 64 of 6 MB cost no memory', async () => {
    const rss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${engine.child.pid}/status`, 'utf8'))?.[1]);
    const before = rss();
    const body = Buffer.alloc(6 * 1024 * 1024, 0x20);
    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        raw('GET', i % 2 ? '/openapi.json' : `/elections/${E}/candidates`, {}, body),
      ),
    );
    // Refused at once: a client still sending sees the connection closed under it, or reads the 413.
    expect(answers.filter((a) => a.status !== 413 && a.code !== 'RESET')).toEqual([]);
    expect((rss() - before) / 1024, 'MiB more after the bodies').toBeLessThan(128);
    expect((await raw('GET', '/health', {})).status).toBe(200);
    await probe({ status: 413, code: 'PAYLOAD_TOO_LARGE' }, () =>
      raw('GET', '/openapi.json', { 'content-type': 'text/plain' }, 'a small body all the same'),
    );
  });

  it('takes no token on a public route, as API Gateway without an authorizer: a bad one does not matter', async () => {
    const answer = await raw('GET', `/elections/${E}/candidates`, { authorization: 'Bearer not-a-token' });
    expect(answer.status).toBe(200);
  });

  it('refuses a signed-in body over the 6 MB Lambda limit by its declared size, with 413', async () => {
    await probe({ status: 413, code: 'PAYLOAD_TOO_LARGE' }, async () =>
      raw(
        'POST',
        `/elections/${E}/voter-register`,
        { ...json, authorization: await bearer(commission), 'content-length': 7 * 1024 * 1024 },
        Buffer.alloc(64 * 1024, 0x20),
      ),
    );
  });

  it.each([
    ['bad percent-encoding', `/elections/%E0%A4%A/cases`],
    ['a 5,000-character id', `/elections/${'9'.repeat(5000)}/cases`],
    ['a 5,000-character case id', `/elections/${E}/cases/${'a'.repeat(5000)}`],
  ])('answers %s with 404', async (_what, path) => {
    await probe({ status: 404, code: 'ROUTE_NOT_FOUND' }, async () =>
      raw('GET', path, { authorization: await bearer(commission) }),
    );
  });

  it('refuses a 100,000-deep JSON body with an Idempotency-Key, with 400', async () => {
    await probe({ status: 400, code: 'VALIDATION_FAILED' }, async () =>
      raw(
        'POST',
        `/elections/${E}/cases`,
        { ...json, authorization: await bearer(commission), 'idempotency-key': 'deep-1' },
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ),
    );
  });

  it('refuses a body that is not UTF-8 instead of storing replacement characters', async () => {
    const filing = JSON.stringify(aSelfFiling(34)).replace('Candidate Test', 'Cand\u0000');
    const bytes = Buffer.from(filing, 'utf8');
    const bad = Buffer.concat([
      bytes.subarray(0, bytes.indexOf(0)),
      Buffer.from([0xc3, 0x28]),
      bytes.subarray(bytes.indexOf(0) + 1),
    ]);
    await probe({ status: 400, code: 'VALIDATION_FAILED' }, async () =>
      raw('POST', `/elections/${E}/cases`, { ...json, authorization: await bearer(commission) }, bad),
    );
  });

  it('refuses a token without an expiry', async () => {
    const forever = await new SignJWT({
      sub: 'tec-forever',
      'cognito:groups': ['commission'],
      'custom:district': '1952',
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('akim-nominations-local')
      .setAudience('akim-nominations')
      .sign(engineSigningKey());
    await probe({ status: 401, code: 'UNAUTHORIZED' }, () =>
      raw('GET', `/elections/${E}/cases`, { authorization: `Bearer ${forever}` }),
    );
  });

  it('keeps a validation error small whatever the body holds', async () => {
    const manyKeys = Object.fromEntries(
      Array.from({ length: 50_000 }, (_, i) => [`k${i}${'z'.repeat(80)}`, i]),
    );
    const answer = await probe({ status: 400, code: 'VALIDATION_FAILED' }, async () =>
      raw(
        'POST',
        `/elections/${E}/cases`,
        { ...json, authorization: await bearer(commission) },
        JSON.stringify(manyKeys),
      ),
    );
    expect(answer.bytes).toBeLessThan(MAX_ERROR_BYTES);
  });
});

describe('the local engine’s admin routes (item 8)', () => {
  const clockMove = JSON.stringify({ to: fixtureCalendar.registrationClose });
  const operator = () => tokens.issueOperator('probe-operator');
  const now = async () =>
    z.object({ now: z.string() }).parse((await api({ role: 'public' }, 'GET', '/health')).body).now;

  it('moves legal time only for an operator, on a loopback host, with a JSON body', async () => {
    const start = await now();
    await probe({ status: 401, code: 'OPERATOR_TOKEN_REQUIRED' }, () =>
      raw('POST', '/admin/clock', json, clockMove),
    );
    await probe({ status: 401, code: 'OPERATOR_TOKEN_REQUIRED' }, async () =>
      raw('POST', '/admin/clock', { ...json, authorization: await bearer(commission) }, clockMove),
    );
    await probe({ status: 403, code: 'HOST_NOT_ALLOWED' }, async () =>
      raw(
        'POST',
        '/admin/clock',
        { ...json, host: 'rebound.example:3000', authorization: `Bearer ${await operator()}` },
        clockMove,
      ),
    );
    await probe({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, async () =>
      raw(
        'POST',
        '/admin/clock',
        { 'content-type': 'text/plain', authorization: `Bearer ${await operator()}` },
        clockMove,
      ),
    );
    await probe({ status: 401, code: 'OPERATOR_TOKEN_REQUIRED' }, () => raw('GET', '/admin/executions', {}));
    expect(await now()).toBe(start);
  });

  it('answers /health to anyone, at any loopback name, and 404 for an execution it does not have', async () => {
    expect((await raw('GET', '/health?probe=1', { host: 'LOCALHOST.' })).status).toBe(200);
    await probe({ status: 404, code: 'NOT_FOUND' }, async () =>
      raw('GET', '/admin/executions/no-such-execution', { authorization: `Bearer ${await operator()}` }),
    );
    expect(
      (await raw('GET', '/admin/executionsXYZ', { authorization: `Bearer ${await operator()}` })).status,
    ).toBe(404);
  });

  it('lets an operator reconcile one election on demand, and nobody else', async () => {
    await probe({ status: 401, code: 'OPERATOR_TOKEN_REQUIRED' }, async () =>
      raw(
        'POST',
        '/admin/reconcile',
        { ...json, authorization: await bearer(commission) },
        JSON.stringify({ electionId: E }),
      ),
    );
    const answer = await api({ role: 'public' }, 'POST', '/admin/reconcile', { electionId: E });
    expect(answer).toEqual({ status: 200, body: { repaired: [] } });
  });

  it('takes no operator token for the API', async () => {
    await probe({ status: 401, code: 'UNAUTHORIZED' }, async () =>
      raw('GET', `/elections/${E}/cases`, { authorization: `Bearer ${await operator()}` }),
    );
  });
});

describe('personal data (item 10)', () => {
  it('gives a candidate a token whose subject is not their IIN, so no audit trail shows it', async () => {
    const iin = self.candidate.iin;
    const run = spawnSync(process.execPath, [ISSUE_TOKEN, '--role', 'candidate', '--scope', iin], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir },
    });
    const caller = await tokens.verify(run.stdout.trim());
    expect(caller).toMatchObject({ role: 'candidate', iin });
    // The same person is the same account in every token: one name in the audit trail, one idempotency scope.
    const again = spawnSync(process.execPath, [ISSUE_TOKEN, '--role', 'candidate', '--scope', iin], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(await tokens.verify(again.stdout.trim())).toEqual(caller);
    expect(JSON.stringify(caller)).toContain(iin);
    expect('subject' in caller ? caller.subject : '').not.toContain(iin);
  });

  it('replays an answer only to the same scope, and keeps no personal data in what it stores', async () => {
    const filing = aPartyFiling('amanat', 35);
    const headers = { 'idempotency-key': 'party-filing-35' };
    const first = await api(partyCaller('amanat'), 'POST', `/elections/${E}/cases`, filing, headers);
    expect(first.status).toBe(201);
    // The same account (subject) after its party changed: not the first answer, but its own scope's refusal.
    const moved = { role: 'party' as const, subject: 'amanat-secretary', partyId: 'auyl' };
    const replay = await api(moved, 'POST', `/elections/${E}/cases`, filing, headers);
    expect(replay.status).toBe(403);
    const commissionFiling = aSelfFiling(36);
    const filedByCommission = await api(commission, 'POST', `/elections/${E}/cases`, commissionFiling, {
      'idempotency-key': 'self-36',
    });
    expect(filedByCommission.body).toMatchObject({ candidate: { iin: commissionFiling.candidate.iin } });
    const repeated = await api(commission, 'POST', `/elections/${E}/cases`, commissionFiling, {
      'idempotency-key': 'self-36',
    });
    expect(repeated.status).toBe(201);
    expect(repeated.body).toMatchObject({ caseId: CaseSchema.parse(filedByCommission.body).caseId });
    const stored = await storageSnapshot();
    const idempotencyRecords = JSON.parse(stored)
      .map((item: string) => item)
      .filter((item: string) => item.includes(keys.idempotencyPartition('fileNomination')));
    expect(idempotencyRecords.length).toBeGreaterThan(0);
    for (const record of idempotencyRecords) {
      expect(record).not.toContain(commissionFiling.candidate.iin);
      expect(record).not.toContain(commissionFiling.candidate.birthDate);
    }
  });
});

describe('answers too large to keep whole (item 10)', () => {
  it('counts rejected signature lines over the request size as a job, and answers a retry with the same job', async () => {
    // A job of three chunks: each is counted, and their rejections summed (the job keeps counts, not the lines).
    const count = SYNCHRONOUS_ROWS.signatures + 1;
    const strangers = linesFrom(voterRows(count, 10_000)).map((line, i) => ({
      ...line,
      sheet: 1 + Math.floor(i / 999),
      line: 1 + (i % 999),
    }));
    const caller = candidateCaller(self.candidate.iin);
    const path = `/elections/${E}/cases/${selfCase}/signatures`;
    const headers = { 'idempotency-key': 'over-the-request-size' };
    const first = await api(caller, 'POST', path, { lines: strangers }, headers);
    expect(first.status).toBe(202);
    const replay = await api(caller, 'POST', path, { lines: strangers }, headers);
    expect(replay.status).toBe(202);
    const { job, location } = AcceptedSchema.parse(first.body);
    expect(AcceptedSchema.parse(replay.body).job.jobId).toBe(job.jobId);
    const done = (await pollJob(api, caller, location, 300_000)).at(-1);
    expect(done).toMatchObject({
      state: 'succeeded',
      errorsSoFar: count,
      result: { rejectedCount: count },
    });
  }, 300_000);
});

describe('finally, the close: a damaged case does not stop the election (item 5)', () => {
  it('publishes the registered list at registration close, saying a case could not be read', async () => {
    const moved = await api({ role: 'public' }, 'POST', '/admin/clock', {
      to: fixtureCalendar.registrationClose,
    });
    expect(moved.status).toBe(200);
    const list = await api({ role: 'public' }, 'GET', `/elections/${E}/candidates`);
    expect(list.body).toMatchObject({ final: false, unreadableCases: 1 });
    const election = z
      .object({
        notices: z.array(z.object({ code: z.string(), details: z.record(z.string(), z.unknown()) })),
      })
      .parse((await api({ role: 'public' }, 'GET', `/elections/${E}`)).body);
    expect(election.notices.at(-1)).toMatchObject({
      code: 'REGISTERED_LIST_PUBLISHED',
      details: { unreadableCases: 1 },
    });
  });
});
