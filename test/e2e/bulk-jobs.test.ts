import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { SYNCHRONOUS_ROWS } from '../../shared/domain/bulk-job.ts';
import {
  csvOf,
  cyrillicVoters,
  VOTER_COLUMNS,
  voterCells,
  windows1251,
  XLSX,
  xlsxOf,
} from '../support/bulk-files.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { AcceptedSchema, pollJob, uploadFile } from '../support/jobs-over-http.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const E = '195230100-2026-03-15';
const ErrorSchema = z.object({ error: z.object({ code: z.string() }) });
const ElectionSchema = z.object({
  voterRegister: z.object({ voters: z.int(), snapshotId: z.string() }).nullable(),
});

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
});
afterAll(() => engine.kill('SIGTERM'));

const registerNow = async () =>
  ElectionSchema.parse((await api(commission, 'GET', `/elections/${E}`)).body).voterRegister;

describe('large files over HTTP, as jobs', { timeout: 240_000 }, () => {
  it('takes a Windows-1251 ; register of 30,000 rows as a job with progress, and an XLSX upload of the same list as the same snapshot', async () => {
    const voters = cyrillicVoters(voterRows(30_000));
    const file = windows1251(csvOf(VOTER_COLUMNS, voterCells(voters), ';'));
    const key = randomUUID();
    const first = await api(commission, 'POST', `/elections/${E}/voter-register?source=district`, file, {
      'content-type': 'text/csv; charset=windows-1251',
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    const accepted = AcceptedSchema.parse(first.body);
    // The same request again, while it runs or after: the same job.
    const again = await api(commission, 'POST', `/elections/${E}/voter-register?source=district`, file, {
      'content-type': 'text/csv; charset=windows-1251',
      'idempotency-key': key,
    });
    expect(AcceptedSchema.parse(again.body).job.jobId).toBe(accepted.job.jobId);
    const seen = await pollJob(api, commission, accepted.location);
    const done = seen.at(-1);
    expect(done).toMatchObject({ state: 'succeeded', progress: { rowsDone: 30_000, rowsTotal: 30_000 } });
    const register = await registerNow();
    expect(register?.voters).toBe(30_000);

    const xlsx = await xlsxOf([[...VOTER_COLUMNS], ...voterCells([...voters].reverse())]);
    const upload = await uploadFile(api, engine.url, commission, E, { for: 'voter-register' }, xlsx, XLSX);
    const started = await api(
      commission,
      'POST',
      `/elections/${E}/voter-register`,
      { upload, source: 'xlsx' },
      {
        'idempotency-key': randomUUID(),
      },
    );
    expect(started.status).toBe(202);
    const xlsxJob = (await pollJob(api, commission, AcceptedSchema.parse(started.body).location)).at(-1);
    expect(xlsxJob?.state).toBe('succeeded');
    expect((await registerNow())?.snapshotId).toBe(register?.snapshotId);
  });

  it('refuses an uploaded register with one bad row whole, naming its line, and changes nothing', async () => {
    const before = await registerNow();
    const voters: unknown[] = voterRows(25_000, 100_000);
    voters[20_500] = { ...(voters[20_500] as object), birthDate: '2012-05-05' };
    const file = Buffer.from(csvOf(VOTER_COLUMNS, voterCells(voters as never)));
    const upload = await uploadFile(
      api,
      engine.url,
      commission,
      E,
      { for: 'voter-register' },
      file,
      'text/csv',
    );
    const started = await api(commission, 'POST', `/elections/${E}/voter-register`, { upload });
    const job = (await pollJob(api, commission, AcceptedSchema.parse(started.body).location)).at(-1);
    expect(job).toMatchObject({ state: 'refused', errorsSoFar: 1 });
    // The header is line 1: row 20,500 (from 0) is on line 20,502.
    expect(job?.issues).toEqual([expect.objectContaining({ field: 'voters.20500.birthDate', line: 20_502 })]);
    expect(await registerNow()).toEqual(before);
  });

  it('guards uploads as S3 guards presigned URLs: signed, in time, of the declared type and size, for its own resource', async () => {
    const file = Buffer.from('iin,fullName,birthDate,address\r\n');
    const asked = await api(commission, 'POST', `/elections/${E}/uploads`, {
      for: 'voter-register',
      contentType: 'text/csv',
      bytes: file.byteLength,
    });
    const { url, uploadId } = z.object({ url: z.string(), uploadId: z.string() }).parse(asked.body);
    const put = (target: string, body: Uint8Array, type: string) =>
      fetch(new URL(target, engine.url), { method: 'PUT', headers: { 'content-type': type }, body });
    expect((await put(url.replace('signature=', 'signature=x'), file, 'text/csv')).status).toBe(403);
    expect((await put(url, file, 'application/json')).status).toBe(400);
    expect((await put(url, Buffer.concat([file, file]), 'text/csv')).status).toBe(400);
    // Not yet sent: the register route finds no upload.
    const early = await api(commission, 'POST', `/elections/${E}/voter-register`, { upload: uploadId });
    expect(early.status).toBe(400);
    expect((await put(url, file, 'text/csv')).status).toBe(200);
    // A register upload is no sheets' upload: another route cannot use it.
    const filing = aSelfFiling(7);
    const candidate = candidateCaller(filing.candidate.iin);
    const filed = await api(candidate, 'POST', `/elections/${E}/cases`, filing);
    const { caseId } = z.object({ caseId: z.string() }).parse(filed.body);
    const misused = await api(candidate, 'POST', `/elections/${E}/cases/${caseId}/signatures`, {
      upload: uploadId,
    });
    expect(misused.status).toBe(400);
    expect(ErrorSchema.parse(misused.body).error.code).toBe('VALIDATION_FAILED');
    // Only the commission may ask to upload a register; too large a file is refused before any URL.
    expect(
      (
        await api(candidate, 'POST', `/elections/${E}/uploads`, {
          for: 'voter-register',
          contentType: 'text/csv',
          bytes: 10,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(commission, 'POST', `/elections/${E}/uploads`, {
          for: 'voter-register',
          contentType: 'text/csv',
          bytes: 65 * 1024 * 1024,
        })
      ).status,
    ).toBe(400);
  });

  it('counts uploaded sheet lines as a job, then gives the same sheets sent again their first verdict', async () => {
    const filing = aSelfFiling(8);
    const candidate = candidateCaller(filing.candidate.iin);
    const { caseId } = z
      .object({ caseId: z.string() })
      .parse((await api(candidate, 'POST', `/elections/${E}/cases`, filing)).body);
    const voters = voterRows(30_000);
    // More lines than a request may count: a job of three chunks, as large sheets sent in a request would be.
    const count = SYNCHRONOUS_ROWS.signatures + 1;
    const lines = linesFrom(voters.slice(0, count));
    const file = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'));
    const upload = await uploadFile(
      api,
      engine.url,
      candidate,
      E,
      { for: 'signatures', caseId },
      file,
      'application/x-ndjson',
    );
    const started = await api(
      candidate,
      'POST',
      `/elections/${E}/cases/${caseId}/signatures`,
      { upload },
      { 'idempotency-key': randomUUID() },
    );
    expect(started.status).toBe(202);
    const seen = await pollJob(api, candidate, AcceptedSchema.parse(started.body).location);
    expect(seen.at(-1)).toMatchObject({
      state: 'succeeded',
      result: { validCount: count, required: 300, sufficient: true },
    });
    // A rival cannot read the job.
    const rival = candidateCaller(aSelfFiling(9).candidate.iin);
    expect((await api(rival, 'GET', AcceptedSchema.parse(started.body).location)).status).toBe(403);
    const resent = await api(candidate, 'POST', `/elections/${E}/cases/${caseId}/signatures`, file, {
      'content-type': 'application/x-ndjson',
    });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ validCount: count });
  });
});
