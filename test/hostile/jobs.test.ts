// Hostile review of bulk jobs (6c229ef): each test shows a defect of the jobs' counting, timing or storage.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import * as createUpload from '../../functions/create-upload.ts';
import * as getJob from '../../functions/get-job.ts';
import { isJobAnswer } from '../../functions/jobs/start-job.ts';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import type { LocalFunction } from '../../infra/local/local-workflows.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { type JobView, jobIdOf, SYNCHRONOUS_ROWS } from '../../shared/domain/bulk-job.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { fixtureCalendar, startTestEngine, type TestEngine } from '../support/engine.ts';
import { electionId, gate, selfNominee } from '../support/hostile.ts';
import { linesFrom } from '../support/signers.ts';

vi.mock('../../shared/domain/bulk-job.ts', async (actual) =>
  (await import('../support/small-bulk-jobs.ts')).smallBulkJobs(await actual()),
);

/** The fewest sheet lines a request hands to a job (three chunks of them). */
const OVER_REQUEST = SYNCHRONOUS_ROWS.signatures + 1;

const json = (body: unknown) => ({
  bytes: Buffer.from(JSON.stringify(body)),
  contentType: 'application/json',
});

/** A bulk request as the HTTP layer hands it over: the parsed body, and its bytes for a job. */
function bulk(caller: Caller, params: Record<string, string>, body: unknown): OperationRequest {
  return { caller, params, body, file: json(body) };
}

/** The id the job of this body will get (the same body for the same case is the same job). */
function bodyJobId(caseId: string, body: unknown): string {
  const sha = createHash('sha256').update(json(body).bytes).digest('hex');
  return jobIdOf({ kind: 'signatures', electionId, caseId, requestKey: `body:${sha}` });
}

/**
 * RunJobStep held per job: `hold(jobId, fromStep)` makes that job's steps from `fromStep` on wait until
 * `release(jobId)`. Jobs are told apart by the id in the step's payload.
 */
function jobSteps() {
  const steps = new Map<string, number>();
  const holds = new Map<string, { from: number; gate: ReturnType<typeof gate> }>();
  let failing = false;
  return {
    hold(jobId: string, fromStep = 1) {
      holds.set(jobId, { from: fromStep, gate: gate() });
    },
    release(jobId: string) {
      holds.get(jobId)?.gate.open();
    },
    failAll(on: boolean) {
      failing = on;
    },
    wrapFunctions: (fns: Record<string, LocalFunction>): Record<string, LocalFunction> => ({
      ...fns,
      RunJobStep: async (payload) => {
        const { jobId } = payload as { jobId: string };
        const n = (steps.get(jobId) ?? 0) + 1;
        steps.set(jobId, n);
        const held = holds.get(jobId);
        if (held !== undefined && n >= held.from) await held.gate.wait();
        if (failing) throw new Error('a transient fault (throttling, a timeout)');
        const step = fns.RunJobStep;
        if (step === undefined) throw new Error('no RunJobStep');
        return step(payload);
      },
    }),
  };
}

async function viewOf(t: TestEngine, jobId: string, caller: Caller): Promise<JobView> {
  return getJob.createHandler(t.deps)({ caller, params: { electionId, jobId }, body: {} });
}

/** Polls the job until no work is left (the engine may be holding other jobs, so nothing ever "settles"). */
async function untilDone(t: TestEngine, jobId: string): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    const job = await t.deps.jobs.find(electionId, jobId);
    if (job !== null && job.state !== 'queued' && job.state !== 'running') return;
    if (Date.now() > until) throw new Error(`job ${jobId} still at work`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function jobIdOfAnswer(answer: unknown): string {
  if (!isJobAnswer(answer)) throw new Error('expected a job');
  return answer.job.jobId;
}

/** `count` lines of voters from `from`, on sheets from `firstSheet`, signed on `signedOn`. */
function sheets(
  voters: Parameters<typeof linesFrom>[0],
  from: number,
  count: number,
  signedOn: string,
  firstSheet: number,
): SignatureLine[] {
  return linesFrom(voters.slice(from, from + count), signedOn, firstSheet);
}

const BEFORE_WINDOW = '2026-01-20';

describe('bulk jobs under attack', { timeout: 180_000 }, () => {
  it('does not end a wait as short while a job of sheets handed in before the deadline is still to be counted', async () => {
    const control = jobSteps();
    const t = await startTestEngine({ wrapFunctions: control.wrapFunctions });
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    const handler = submitSignatures.createHandler(t.deps);
    await t.advanceTo('2026-02-17T12:50:00.000Z');
    // B: enough valid signatures for a job (21 needed), handed in ten minutes before the deadline, its steps slow.
    const enough = { lines: sheets(voters, 0, OVER_REQUEST, '2026-02-10', 1) };
    const slow = bodyJobId(caseId, enough);
    control.hold(slow);
    expect(jobIdOfAnswer(await handler(bulk(caller, { electionId, caseId }, enough)))).toBe(slow);
    // A: as many lines, all signed before the window, handed in five minutes before the deadline.
    const short = { lines: sheets(voters, 0, OVER_REQUEST, BEFORE_WINDOW, 501) };
    const quick = bodyJobId(caseId, short);
    control.hold(quick);
    t.clock.set('2026-02-17T12:55:00.000Z');
    await handler(bulk(caller, { electionId, caseId }, short));
    // A is counted a few minutes after the deadline (nothing else moves: the close has not run yet).
    t.clock.set('2026-02-17T13:05:00.000Z');
    control.release(quick);
    await untilDone(t, quick);
    control.release(slow);
    await untilDone(t, slow);
    await t.settled();
    expect((await viewOf(t, slow, caller)).result).toMatchObject({ sufficient: true });
    // Both were handed in on time; together they are sufficient: the case must not have ended short.
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
  });

  it('keeps the day’s bound of submissions when a job accepted yesterday is read today', async () => {
    const control = jobSteps();
    const t = await startTestEngine({ wrapFunctions: control.wrapFunctions });
    const { voters, caller, caseId } = await selfNominee(2_100, { signatureSubmissionsPerDay: 1 }, t);
    const handler = submitSignatures.createHandler(t.deps);
    // Day 1 (5 February, UTC+5): a job of sheets is accepted; its first step is slow.
    const big = { lines: sheets(voters, 0, OVER_REQUEST, BEFORE_WINDOW, 1) };
    const jobId = bodyJobId(caseId, big);
    control.hold(jobId);
    await handler(bulk(caller, { electionId, caseId }, big));
    // Day 2: one submission, the day's whole bound.
    t.clock.set('2026-02-06T05:00:00.000Z');
    await handler({
      caller,
      params: { electionId, caseId },
      body: { lines: sheets(voters, 2_010, 5, '2026-02-05', 600) },
    });
    expect((await t.deps.cases.get(electionId, caseId)).submissionsOfDay).toEqual({
      on: '2026-02-06',
      count: 1,
    });
    // Yesterday's job is read now: it takes yesterday's place...
    control.release(jobId);
    await untilDone(t, jobId);
    // ...and today's count must still say today's place is taken.
    const second = handler({
      caller,
      params: { electionId, caseId },
      body: { lines: sheets(voters, 2_020, 5, '2026-02-05', 700) },
    });
    await expect(second).rejects.toMatchObject({ code: 'SUBMISSION_LIMIT_REACHED' });
    await t.settled();
  });

  it('counts the same sheets sent again the next day after a job refused them for the day’s bound', async () => {
    const t = await startTestEngine();
    const { voters, caller, caseId } = await selfNominee(2_100, { signatureSubmissionsPerDay: 1 }, t);
    const handler = submitSignatures.createHandler(t.deps);
    await handler({
      caller,
      params: { electionId, caseId },
      body: { lines: sheets(voters, 2_050, 5, '2026-02-05', 600) },
    });
    const big = { lines: sheets(voters, 0, OVER_REQUEST, '2026-02-05', 1) };
    const refusedJob = jobIdOfAnswer(await handler(bulk(caller, { electionId, caseId }, big)));
    await t.settled();
    expect(await viewOf(t, refusedJob, caller)).toMatchObject({
      state: 'refused',
      issues: [expect.objectContaining({ code: 'SUBMISSION_LIMIT_REACHED' })],
    });
    // The next day the candidate sends the same sheets, as the refusal told them to.
    t.clock.set('2026-02-06T05:00:00.000Z');
    const again = jobIdOfAnswer(await handler(bulk(caller, { electionId, caseId }, big)));
    await t.settled();
    expect(await viewOf(t, again, caller)).toMatchObject({ state: 'succeeded' });
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(OVER_REQUEST + 5);
  });

  it('answers a retry of an accepted job with that job, also once the deadline has passed while it runs', async () => {
    const control = jobSteps();
    const t = await startTestEngine({ wrapFunctions: control.wrapFunctions });
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    const handler = submitSignatures.createHandler(t.deps);
    await t.advanceTo('2026-02-17T12:59:00.000Z');
    const big = { lines: sheets(voters, 0, OVER_REQUEST, '2026-02-10', 1) };
    const jobId = bodyJobId(caseId, big);
    control.hold(jobId);
    await handler(bulk(caller, { electionId, caseId }, big));
    // The answer was lost; the client retries two minutes later, the job still at work.
    t.clock.set('2026-02-17T13:01:00.000Z');
    const retry = handler(bulk(caller, { electionId, caseId }, big)).catch((error: unknown) => error);
    control.release(jobId);
    expect(await retry).toMatchObject({ job: { jobId } });
    await untilDone(t, jobId);
    await t.settled();
  });

  it('leaves the verdicts recorded for sheets as they are when a second upload of the same sheets is counted after them', async () => {
    const control = jobSteps();
    const t = await startTestEngine({ wrapFunctions: control.wrapFunctions });
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    const handler = submitSignatures.createHandler(t.deps);
    // Every tenth line signed before the window: rejected as SIGNED_OUTSIDE_WINDOW or the like.
    const lines = sheets(voters, 0, OVER_REQUEST, '2026-02-10', 1).map((line, i) =>
      i % 10 === 0 ? { ...line, signedOn: BEFORE_WINDOW } : line,
    );
    // The same sheets twice, in another order: the same submission, two jobs.
    const first = { lines };
    const second = { lines: [...lines].reverse() };
    const firstJob = bodyJobId(caseId, first);
    const secondJob = bodyJobId(caseId, second);
    expect(firstJob).not.toBe(secondJob);
    control.hold(firstJob);
    control.hold(secondJob, 2);
    await handler(bulk(caller, { electionId, caseId }, first));
    await handler(bulk(caller, { electionId, caseId }, second));
    // The second has read its file; the first runs to its verdict.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const untilRead = Date.now() + 60_000;
    while ((await t.deps.jobs.get(electionId, secondJob)).chunks === null) {
      if (Date.now() > untilRead) throw new Error('the second job never read its file');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    control.release(firstJob);
    await untilDone(t, firstJob);
    const verdicts = async () =>
      (await t.deps.signatures.listLines(caseId))
        .map((l) => `${l.sheet}/${l.line} ${l.valid ? 'valid' : l.reason}`)
        .sort();
    const recorded = await verdicts();
    expect(recorded.filter((v) => !v.endsWith('valid'))).toHaveLength(Math.ceil(OVER_REQUEST / 10));
    control.release(secondJob);
    await untilDone(t, secondJob);
    await t.settled();
    // The verdicts the trail's digest names must stay the verdicts kept (the evidence pack shows them).
    expect(await verdicts()).toEqual(recorded);
  });

  it('keeps a refused file’s issues on the job (100 of them) even when the file repeats long unknown fields', async () => {
    const t = await startTestEngine();
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    const long = 'x'.repeat(2_000);
    const lines = sheets(voters, 0, 150, '2026-02-10', 1).map((line, i) => ({ ...line, [`${long}${i}`]: 1 }));
    const jobId = await uploadedSheets(t, caller, caseId, { lines });
    await t.settled();
    const view = await viewOf(t, jobId, caller);
    // (A job item is at most 400 KB; these issues quote each long field four times.)
    expect({ state: view.state, failure: view.failure }).toEqual({ state: 'refused', failure: undefined });
    expect(view.issues).toHaveLength(100);
  });

  it('quotes at most 200 characters of a refused file in the job’s issues, as an error answer does', async () => {
    const t = await startTestEngine();
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    const lines = sheets(voters, 0, 3, '2026-02-10', 1).map((line) => ({ ...line, ['y'.repeat(5_000)]: 1 }));
    const jobId = await uploadedSheets(t, caller, caseId, { lines });
    await t.settled();
    const view = await viewOf(t, jobId, caller);
    expect(view.state).toBe('refused');
    // 200 characters and an ellipsis, as an error answer cuts them.
    for (const issue of view.issues) {
      expect(issue.field.length).toBeLessThanOrEqual(201);
      expect(issue.message.en.length).toBeLessThanOrEqual(201);
    }
  });

  it('counts the sheets uploaded when the job was accepted, not a file PUT again to the same URL afterwards', async () => {
    const control = jobSteps();
    const t = await startTestEngine({ wrapFunctions: control.wrapFunctions });
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    // 30 valid signatures handed in on time...
    const handedIn = json({ lines: sheets(voters, 0, 30, '2026-02-10', 1) });
    // ...and, of exactly the same size, 30 others the candidate put in their place once the job was accepted.
    const swapped = json({ lines: sheets(voters, 0, 30, BEFORE_WINDOW, 1) });
    expect(swapped.bytes.byteLength).toBe(handedIn.bytes.byteLength);
    const upload = await createUpload.createHandler(t.deps)({
      caller,
      params: { electionId },
      body: {
        for: 'signatures',
        caseId,
        contentType: 'application/json',
        bytes: handedIn.bytes.byteLength,
      },
    });
    const url = new URL(upload.url, 'http://127.0.0.1');
    const put = async (file: { bytes: Buffer; contentType: string }) => {
      const check = t.engine.objects.checkUpload(
        url.pathname,
        url.searchParams,
        file.contentType,
        file.bytes.byteLength,
      );
      if (!check.ok) return check.reason;
      await t.engine.objects.put(check.key, file.bytes, file.contentType);
      return 'stored';
    };
    expect(await put(handedIn)).toBe('stored');
    const jobId = `${await jobIdOfUpload(caseId, upload.uploadId)}`;
    control.hold(jobId);
    const answer = await submitSignatures.createHandler(t.deps)({
      caller,
      params: { electionId, caseId },
      body: { upload: upload.uploadId },
    });
    expect(jobIdOfAnswer(answer)).toBe(jobId);
    // The URL is still within its quarter hour: a second PUT.
    await put(swapped);
    control.release(jobId);
    await untilDone(t, jobId);
    await t.settled();
    expect((await viewOf(t, jobId, caller)).result).toMatchObject({ validCount: 30 });
  });

  it('does not close nomination past a job whose execution is still at work, however long its step takes', async () => {
    const control = jobSteps();
    const closeMet = gate();
    const t = await startTestEngine({
      wrapFunctions: (fns) => {
        const wrapped = control.wrapFunctions(fns);
        return {
          ...wrapped,
          CloseNomination: async (payload) => {
            try {
              return await fns.CloseNomination?.(payload);
            } catch (error) {
              await new Promise((resolve) => setTimeout(resolve, 200));
              throw error;
            } finally {
              closeMet.open();
            }
          },
        };
      },
    });
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    // Handed in a quarter of an hour before the close; its first step slow (retries, throttling).
    await t.advanceTo('2026-02-17T12:45:00.000Z');
    const big = { lines: sheets(voters, 0, OVER_REQUEST, '2026-02-10', 1) };
    const jobId = bodyJobId(caseId, big);
    control.hold(jobId);
    await submitSignatures.createHandler(t.deps)(bulk(caller, { electionId, caseId }, big));
    t.clock.set(fixtureCalendar.nominationClose);
    await t.engine.wakeUps.fire(await t.engine.wakeUps.due(t.clock.now()), t.engine.workflows);
    await closeMet.wait();
    // The execution was running all along: the reconciler would not have restarted it.
    expect(await t.engine.workflows.describe('bulk-job', `job-${jobId}`)).toBe('RUNNING');
    control.release(jobId);
    await untilDone(t, jobId);
    await t.engine.tick();
    expect((await viewOf(t, jobId, caller)).result).toMatchObject({ sufficient: true });
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
  });

  it('lets the same sheets be sent again after their job failed on a passing fault', async () => {
    const control = jobSteps();
    const t = await startTestEngine({ wrapFunctions: control.wrapFunctions });
    const { voters, caller, caseId } = await selfNominee(2_100, undefined, t);
    const handler = submitSignatures.createHandler(t.deps);
    const big = { lines: sheets(voters, 0, OVER_REQUEST, '2026-02-10', 1) };
    control.failAll(true);
    const failedJob = jobIdOfAnswer(await handler(bulk(caller, { electionId, caseId }, big)));
    await t.settled();
    expect(await viewOf(t, failedJob, caller)).toMatchObject({ state: 'failed' });
    // The fault has passed; the candidate sends the same sheets again.
    control.failAll(false);
    const again = jobIdOfAnswer(await handler(bulk(caller, { electionId, caseId }, big)));
    await t.settled();
    expect(await viewOf(t, again, caller)).toMatchObject({ state: 'succeeded' });
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(OVER_REQUEST);
  });
});

/** The id of the job an upload starts for a case's sheets. */
function jobIdOfUpload(caseId: string, uploadId: string): string {
  return jobIdOf({ kind: 'signatures', electionId, caseId, requestKey: `upload:${uploadId}` });
}

/** Sheets sent by upload (as a file too large for a request would be): the job's id. */
async function uploadedSheets(t: TestEngine, caller: Caller, caseId: string, body: unknown): Promise<string> {
  const file = json(body);
  const upload = await createUpload.createHandler(t.deps)({
    caller,
    params: { electionId },
    body: { for: 'signatures', caseId, contentType: file.contentType, bytes: file.bytes.byteLength },
  });
  await t.deps.objects.put(
    `uploads/${electionId}/signatures/${caseId}/${upload.uploadId}`,
    file.bytes,
    file.contentType,
  );
  return jobIdOfAnswer(
    await submitSignatures.createHandler(t.deps)({
      caller,
      params: { electionId, caseId },
      body: { upload: upload.uploadId },
    }),
  );
}
