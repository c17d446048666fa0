// A trail that proves itself (issue 10, item 4), end to end: the engine over HTTP, the evidence downloaded with
// `npm run evidence`'s program and proved with `npm run verify-evidence`'s, then one item changed in storage.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { EvidencePageSchema, pagesOfFile } from '../../shared/domain/evidence-pack.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { SubmissionNoteSchema } from '../../shared/domain/signature-record.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { type ItemKey, keys } from '../../shared/storage/keys.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
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
import { withoutIds } from '../support/without-ids.ts';

const E = '195230100-2026-03-15';
const TABLE = 'akim-nominations';
const DOWNLOAD = new URL('../../infra/evidence/download-evidence.ts', import.meta.url).pathname;
const VERIFY = new URL('../../infra/evidence/verify-evidence.ts', import.meta.url).pathname;
const voters = voterRows(1200); // 12 signatures needed
const self = aSelfFiling(41);
const candidate = candidateCaller(self.candidate.iin);
const CaseSchema = z.object({ caseId: z.string() });
const PageSchema = z.looseObject({ next: z.string().nullable() });
const IssuesSchema = z.object({
  error: z.object({
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  }),
});

let engine: EngineProcess;
let dataDir: string;
let api: ReturnType<typeof apiClient>;
let caseId: string;
let partyCase: string;

/** The engine's table, through its Unix socket: where the tampering happens. */
function storage() {
  const socket = readdirSync(dataDir).find((name) => name.endsWith('.sock'));
  if (socket === undefined) throw new Error('no storage socket');
  return createDocumentClient({ endpoint: `unix:${join(dataDir, socket)}` });
}

async function storageSnapshot(): Promise<string> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await storage().send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor !== undefined);
  return JSON.stringify(items.map((i) => JSON.stringify(i)).sort());
}

/** Sets one attribute of a stored item behind the engine's back: the tampering a verifier must catch. */
function setStored(key: ItemKey, path: readonly string[], value: unknown) {
  return storage().send(
    new UpdateCommand({
      TableName: TABLE,
      Key: key,
      UpdateExpression: `SET ${path.map((_, i) => `#n${i}`).join('.')} = :value`,
      ExpressionAttributeNames: Object.fromEntries(path.map((name, i) => [`#n${i}`, name])),
      ExpressionAttributeValues: { ':value': value },
    }),
  );
}

/** One of the two command-line programs, as npm runs it, on this engine. */
function run(program: string, args: string[]) {
  const done = spawnSync(process.execPath, [program, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: done.status, stdout: done.stdout, stderr: done.stderr };
}

/** The commission's download of the case's evidence into `name`, and what it holds. */
async function download(name: string) {
  const out = join(dataDir, name);
  if (commission.role !== 'commission') throw new Error('fixture');
  const token = await LocalTokens.inDataDir(dataDir).issue(commission);
  const done = run(DOWNLOAD, [
    '--url',
    engine.url,
    '--token',
    token,
    '--election',
    E,
    '--case',
    caseId,
    '--out',
    out,
  ]);
  expect(done.code, done.stderr).toBe(0);
  const text = readFileSync(out, 'utf8');
  return { out, done, text, verdict: verifyEvidence(pagesOfFile(text)) };
}

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  await api(commission, 'POST', '/elections', newElectionInput());
  await api(commission, 'POST', `/elections/${E}/voter-register`, { source: 'list', voters });
  caseId = CaseSchema.parse((await api(candidate, 'POST', `/elections/${E}/cases`, self)).body).caseId;
  partyCase = CaseSchema.parse(
    (await api(partyCaller('amanat'), 'POST', `/elections/${E}/cases`, aPartyFiling('amanat', 42))).body,
  ).caseId;
  // Two submissions of 1,101 lines in all, most signed before nomination opened: the first short by one.
  const early = (lines: ReturnType<typeof linesFrom>, valid: number) =>
    lines.map((line, i) => (i < valid ? line : { ...line, signedOn: '2026-02-01' }));
  const signatures = `/elections/${E}/cases/${caseId}/signatures`;
  const first = await api(candidate, 'POST', signatures, {
    lines: early(linesFrom(voters.slice(0, 600)), 11),
  });
  expect(first.body).toMatchObject({ validCount: 11, sufficient: false });
  const second = await api(candidate, 'POST', signatures, {
    lines: early(linesFrom(voters.slice(600, 1101), '2026-02-09', 100), 20),
  });
  expect(second.body).toMatchObject({ validCount: 31, sufficient: true });
  await waitForStatus(api, commission, E, caseId, 'AwaitingRegistrationDecision');
  await api(commission, 'POST', `/elections/${E}/cases/${caseId}/registration-decision`, {
    decision: 'register',
    checks: checksPassed,
  });
}, 120_000);
afterAll(() => engine.kill('SIGTERM'));

describe('the evidence of a case, downloaded and proved offline', () => {
  it('downloads every page into a file only its owner may read, and the file proves itself', async () => {
    // A file already there, open to everyone, is replaced by one that is not.
    writeFileSync(join(dataDir, 'evidence.ndjson'), 'old', { mode: 0o644 });
    const { out, done, text, verdict } = await download('evidence.ndjson');

    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((name) => name.includes('.partial'))).toEqual([]);
    const pages = text.trimEnd().split('\n');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(Buffer.byteLength(page)).toBeLessThan(6 * 1024 * 1024);
    expect(done.stderr).toContain('page 2:');
    expect(done.stderr).toContain('1101 signature lines');
    // Progress says how much, never whose.
    expect(withoutIds(done.stderr)).not.toMatch(/\d{12}|Voter \d/);

    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({
      ok: true,
      warnings: [],
      summary: { lines: 1101, submissions: 2, status: 'Registered' },
    });

    const proved = run(VERIFY, [out, '--lang', 'en']);
    expect(proved.code, proved.stdout + proved.stderr).toBe(0);
    expect(proved.stdout).toContain('1101 signature lines, 2 submissions; case status: Registered.');
    expect(proved.stdout).toContain('The pack is whole');
    expect(run(VERIFY, [out, '--lang', 'kk']).stdout).toContain('Жинақ бүтін');
  });

  it('fails once one event is changed in storage, and names it as the first broken link', async () => {
    const { verdict: before, text } = await download('before-event.ndjson');
    const event = z
      .array(EvidencePageSchema)
      .parse(pagesOfFile(text))
      .flatMap((p) => p.events)
      .find((e) => e.seq === 2);
    if (event === undefined) throw new Error('the trail has a second event');
    expect(event.event).toBe('SignaturesVerified');
    expect(before.ok).toBe(true);
    const setActor = (id: string) =>
      setStored(keys.trailEvent(caseId, 2, event.eventId), ['actor', 'id'], id);

    await setActor('1952/someone-else');
    try {
      const { out, verdict } = await download('after-event.ndjson');
      expect(verdict.ok).toBe(false);
      expect(verdict.firstBrokenLink).toEqual({ seq: 2, eventId: event.eventId });
      expect(verdict.problems[0]).toMatchObject({ code: 'EVENT_HASH_MISMATCH', seq: 2 });
      const proved = run(VERIFY, [out, '--lang', 'en']);
      expect(proved.code).toBe(1);
      expect(proved.stdout).toContain(`First broken link: event 2 (${event.eventId}).`);
    } finally {
      await setActor(event.actor.id);
    }
    expect((await download('restored-event.ndjson')).verdict.ok).toBe(true);
  });

  it('fails once one signature verdict is changed in storage, and names the submission', async () => {
    const text = readFileSync((await download('before-line.ndjson')).out, 'utf8');
    const pages = z.array(EvidencePageSchema).parse(pagesOfFile(text));
    const counted = pages.flatMap((p) => p.events).find((e) => e.seq === 2);
    const { submissionId } = SubmissionNoteSchema.parse(counted?.note);
    const rejected = pages
      .flatMap((p) => p.signatureLines)
      .find((l) => l.submissionId === submissionId && !l.valid);
    if (rejected === undefined) throw new Error('the first submission has rejected lines');
    const key = keys.signatureLine(caseId, submissionId, rejected.sheet, rejected.line);
    const setValid = (valid: boolean) => setStored(key, ['valid'], valid);

    await setValid(true);
    try {
      const { out, verdict } = await download('after-line.ndjson');
      expect(verdict.ok).toBe(false);
      expect(verdict.firstBrokenLink).toBeNull();
      expect(verdict.problems).toMatchObject([{ code: 'SUBMISSION_LINES_ALTERED', seq: 2, submissionId }]);
      const proved = run(VERIFY, [out, '--lang', 'ru']);
      expect(proved.code).toBe(1);
      expect(proved.stdout).toContain(`подача ${submissionId}`);
      expect(proved.stdout).toContain('Звенья цепочки целы');
    } finally {
      await setValid(false);
    }
  });

  it('tells a file that is not a pack from a broken pack', () => {
    const garbage = join(dataDir, 'garbage.ndjson');
    writeFileSync(garbage, '{"page": 1}\nnot json\n', { mode: 0o600 });
    expect(run(VERIFY, [garbage]).code).toBe(2);
    expect(run(VERIFY, [join(dataDir, 'no-such-file')]).code).toBe(2);
    expect(run(VERIFY, []).code).toBe(2);
    writeFileSync(garbage, '{"page": 1}\n', { mode: 0o600 });
    expect(run(VERIFY, [garbage]).code).toBe(1);
  });
});

describe('who may read the evidence, and with which cursor', () => {
  const path = () => `/elections/${E}/cases/${caseId}/evidence`;

  it('gives it to the candidate for their own case, and refuses everyone else', async () => {
    expect((await api(candidate, 'GET', path())).status).toBe(200);
    const refused: [Caller, number][] = [
      [akimat, 403],
      [partyCaller('amanat'), 403],
      [{ role: 'commission', subject: 'tec-2', district: '2710' }, 403],
      [candidateCaller(aSelfFiling(43).candidate.iin), 403],
      [{ role: 'public' }, 401],
    ];
    for (const [caller, status] of refused) {
      const response = await api(caller, 'GET', path());
      expect(response.status, caller.role).toBe(status);
      expect(withoutIds(JSON.stringify(response.body))).not.toMatch(/fullName|\d{12}/);
    }
  });

  it('refuses a forged or foreign cursor as a bad `cursor`, in the caller’s language, and changes nothing', async () => {
    const next = PageSchema.parse((await api(commission, 'GET', path())).body).next ?? '';
    const before = await storageSnapshot();
    for (const target of [
      `${path()}?cursor=${encodeURIComponent('Zm9yZ2Vk')}`,
      `/elections/${E}/cases/${partyCase}/evidence?cursor=${encodeURIComponent(next)}`,
    ]) {
      const response = await api(commission, 'GET', target, undefined, { 'accept-language': 'ru' });
      expect(response.status).toBe(400);
      expect(IssuesSchema.parse(response.body).error.issues).toEqual([
        {
          field: 'cursor',
          code: 'EVIDENCE_CURSOR_INVALID',
          message: expect.stringContaining('Указатель страницы'),
        },
      ]);
    }
    expect(await storageSnapshot()).toBe(before);
  });
});
