import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { startStorageServer } from '../../infra/local/storage-server.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { queryCount, queryItems } from '../../shared/storage/query-all.ts';
import { csvOf, VOTER_COLUMNS, voterCells } from '../support/bulk-files.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { anElection, newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { AcceptedSchema, pollJob, uploadFile } from '../support/jobs-over-http.ts';
import { rounds } from '../support/reliability.ts';
import { linesFrom, onePassVerdict, voterRows } from '../support/signers.ts';

const E = '195230100-2026-03-15';
const LinesPageSchema = z.object({
  signatureLines: z.array(
    z.object({ sheet: z.int(), line: z.int(), valid: z.boolean(), reason: z.string().nullable() }).loose(),
  ),
  next: z.string().nullable(),
});

let engine: EngineProcess | null = null;
afterEach(async () => {
  await engine?.kill('SIGKILL');
  engine = null;
});

/** A seeded generator, so that a failing run can be replayed from the seed it prints. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** 20,000 lines: every 50th signed before nomination opened, every 89th repeating a signer 3,000 lines before. */
function sheets(voters: ReturnType<typeof voterRows>): SignatureLine[] {
  return linesFrom(voters.slice(0, 20_000)).map((line, i) => {
    if (i % 50 === 0) return { ...line, signedOn: '2026-01-20' };
    const first = voters[i - 3_000];
    if (i < 3_000 || i % 89 !== 0 || first === undefined) return line;
    return {
      ...line,
      iin: first.iin,
      fullName: first.fullName,
      birthDate: first.birthDate,
      address: first.address,
    };
  });
}

/** Starts (or restarts) the job of a request, the same Idempotency-Key each time; retried while the first is held. */
async function startJob(
  api: ReturnType<typeof apiClient>,
  caller: Caller,
  path: string,
  body: unknown,
  key: string,
) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const answer = await api(caller, 'POST', path, body, { 'idempotency-key': key });
    if (answer.status === 202) return AcceptedSchema.parse(answer.body);
    if (answer.status !== 409)
      throw new Error(`start answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the start was held too long');
}

/** Kills the engine `atMs` after now, SIGKILL, and starts it again over the same data. */
async function crashAndRestart(dataDir: string, atMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, atMs));
  await engine?.kill('SIGKILL');
  engine = await startEngineProcess(dataDir);
}

describe('bulk jobs killed at random points', () => {
  it('end as an uninterrupted run would: one snapshot, no chunk left over, the verdicts of one pass', async () => {
    for (let round = 0; round < rounds(2, 1); round += 1) {
      const seed = Date.now() + round;
      const next = random(seed);
      console.log(`bulk crash round ${round}, seed ${seed}`);
      const dataDir = newDataDir();
      engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
      let api = apiClient(engine.url, dataDir);
      expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);

      // A register of 100,000 voters, uploaded, killed somewhere in its job.
      const voters = voterRows(100_000);
      const csv = Buffer.from(csvOf(VOTER_COLUMNS, voterCells(voters)));
      const upload = await uploadFile(
        api,
        engine.url,
        commission,
        E,
        { for: 'voter-register' },
        csv,
        'text/csv',
      );
      const registerKey = randomUUID();
      const registerPath = `/elections/${E}/voter-register`;
      const first = await startJob(api, commission, registerPath, { upload }, registerKey);
      await crashAndRestart(dataDir, 200 + next() * 4_000);
      api = apiClient(engine.url, dataDir);
      const retried = await startJob(api, commission, registerPath, { upload }, registerKey);
      expect(retried.job.jobId).toBe(first.job.jobId);
      expect((await pollJob(api, commission, retried.location, 300_000)).at(-1)?.state).toBe('succeeded');

      // 20,000 sheet lines, uploaded, killed twice in their job.
      const filing = aSelfFiling(1);
      const candidate = candidateCaller(filing.candidate.iin);
      const filed = await api(candidate, 'POST', `/elections/${E}/cases`, filing);
      const { caseId } = z.object({ caseId: z.string() }).parse(filed.body);
      const lines = sheets(voters);
      const file = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'));
      const sheetsUpload = await uploadFile(
        api,
        engine.url,
        candidate,
        E,
        { for: 'signatures', caseId },
        file,
        'application/x-ndjson',
      );
      const sheetsKey = randomUUID();
      const sheetsPath = `/elections/${E}/cases/${caseId}/signatures`;
      const counting = await startJob(api, candidate, sheetsPath, { upload: sheetsUpload }, sheetsKey);
      await crashAndRestart(dataDir, 500 + next() * 6_000);
      await crashAndRestart(dataDir, 500 + next() * 6_000);
      api = apiClient(engine.url, dataDir);
      const again = await startJob(api, candidate, sheetsPath, { upload: sheetsUpload }, sheetsKey);
      expect(again.job.jobId).toBe(counting.job.jobId);
      const done = (await pollJob(api, candidate, again.location, 600_000)).at(-1);

      // What one pass over the lines gives, every signer on the register and nobody else's.
      const election = anElection();
      const onePass = onePassVerdict(lines, election, 100_000);
      expect(done).toMatchObject({
        state: 'succeeded',
        result: { validCount: onePass.validCount, rejectedCount: onePass.rejectedCount },
      });
      const recorded: { sheet: number; line: number; valid: boolean; reason: string | null }[] = [];
      for (let cursor: string | null = null, page = 0; page === 0 || cursor !== null; page += 1) {
        const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
        const answer = await api(commission, 'GET', `/elections/${E}/cases/${caseId}/evidence${query}`);
        const parsed = LinesPageSchema.parse(answer.body);
        recorded.push(
          ...parsed.signatureLines.map(({ sheet, line, valid, reason }) => ({ sheet, line, valid, reason })),
        );
        cursor = parsed.next;
      }
      expect(recorded.sort((a, b) => a.sheet - b.sheet || a.line - b.line)).toEqual(
        onePass.lines.map((v) => ({
          sheet: v.sheet,
          line: v.line,
          valid: v.valid,
          reason: v.valid ? null : v.reason,
        })),
      );

      // Storage holds one snapshot and no chunk of another; the ledger holds the count.
      await engine.kill('SIGTERM');
      engine = null;
      const storage = await startStorageServer(join(dataDir, 'dynamodb'));
      try {
        const table = { db: createDocumentClient({ endpoint: storage.endpoint }), name: 'akim-nominations' };
        const byPartition = (pk: string) => ({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        });
        const items = (pk: string) => queryItems(table, byPartition(pk));
        const register = (await items(`REGISTER#${E}`)).map((item) => String(item.sk));
        const manifests = register.filter((sk) => sk.startsWith('SNAPSHOT#'));
        expect(manifests).toHaveLength(1);
        const snapshotId = manifests[0]?.slice('SNAPSHOT#'.length);
        expect(
          register.filter((sk) => sk.startsWith('CHUNK#') && !sk.startsWith(`CHUNK#${snapshotId}#`)),
        ).toEqual([]);
        expect(await queryCount(table, byPartition(`LEDGER#${caseId}`))).toBe(onePass.validCount);
      } finally {
        await storage.stop();
      }
    }
  });
});
