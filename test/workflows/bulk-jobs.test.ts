import { describe, expect, it, vi } from 'vitest';
import * as getJob from '../../functions/get-job.ts';
import * as importVoterRegister from '../../functions/import-voter-register.ts';
import { isJobAnswer } from '../../functions/jobs/start-job.ts';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import { LocalObjects } from '../../infra/local/local-objects.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { CHUNK_ROWS, type JobView, SYNCHRONOUS_ROWS } from '../../shared/domain/bulk-job.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { commission, fixtureCalendar, startTestEngine, type TestEngine } from '../support/engine.ts';
import { electionId, gate, selfNominee } from '../support/hostile.ts';
import { linesFrom, onePassVerdict, voterRows } from '../support/signers.ts';

vi.mock('../../shared/domain/bulk-job.ts', async (actual) =>
  (await import('../support/small-bulk-jobs.ts')).smallBulkJobs(await actual()),
);

/** A chunk of sheet lines (a tenth of the real size here), and sheets of two and a half chunks. */
const CHUNK = CHUNK_ROWS.signatures;
const SHEET_LINES = CHUNK * 2.5;
/** How far back a repeated signer's first line is: in an earlier chunk. */
const REPEAT_GAP = CHUNK * 1.5;

const json = (body: unknown) => ({
  bytes: Buffer.from(JSON.stringify(body)),
  contentType: 'application/json',
});

/** A bulk request as the HTTP layer hands it over: the parsed body, and its bytes for a job. */
function bulk(caller: Caller, params: Record<string, string>, body: unknown): OperationRequest {
  return { caller, params, body, file: json(body) };
}

async function jobOf(t: TestEngine, answer: unknown, caller: Caller = commission): Promise<JobView> {
  if (!isJobAnswer(answer)) throw new Error('expected a job');
  await t.settled();
  return getJob.createHandler(t.deps)({ caller, params: { electionId, jobId: answer.job.jobId }, body: {} });
}

/** Sheets of `count` lines where every 9th line repeats the signer of a line REPEAT_GAP lines before. */
function sheetsWithRepeats(count: number, voters: ReturnType<typeof voterRows>): SignatureLine[] {
  const lines = linesFrom(voters.slice(0, count));
  return lines.map((line, i) => {
    if (i < REPEAT_GAP || i % 9 !== 0) return line;
    const first = voters[i - REPEAT_GAP];
    return first === undefined
      ? line
      : {
          ...line,
          iin: first.iin,
          fullName: first.fullName,
          birthDate: first.birthDate,
          address: first.address,
        };
  });
}

describe('bulk work as jobs', { timeout: 120_000 }, () => {
  it('imports a register over the request size as a job, the same snapshot as the same list in one request', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(
      commission,
      {},
      (await import('../support/elections.ts')).newElectionInput(),
    );
    const voters = voterRows(25_000);
    const handler = importVoterRegister.createHandler(t.deps);
    const answer = await handler(bulk(commission, { electionId }, { source: 'big list', voters }));
    expect(answer).toMatchObject({
      job: { state: 'queued', kind: 'voter-register' },
      location: expect.stringContaining('/jobs/'),
    });
    // A retry while it runs (or after) is the same job, never a second.
    const again = await handler(bulk(commission, { electionId }, { source: 'big list', voters }));
    expect(isJobAnswer(again) && isJobAnswer(answer) && again.job.jobId === answer.job.jobId).toBe(true);
    const job = await jobOf(t, answer);
    expect(job).toMatchObject({
      state: 'succeeded',
      progress: { rowsDone: 25_000, rowsTotal: 25_000 },
      errorsSoFar: 0,
    });
    const election = await t.deps.elections.get(electionId);
    expect(election.voterRegister).toMatchObject({ voters: 25_000, source: 'big list' });
    expect(job.result).toMatchObject({ voterRegister: { snapshotId: election.voterRegister?.snapshotId } });
    const executions = t.engine.workflows.executions().filter((e) => e.workflow === 'bulk-job');
    expect(executions).toHaveLength(1);
  });

  it('refuses a register job whole for bad rows in different chunks, naming each, and keeps nothing', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(
      commission,
      {},
      (await import('../support/elections.ts')).newElectionInput(),
    );
    const voters: unknown[] = voterRows(45_000);
    voters[3] = { ...(voters[3] as object), birthDate: '2015-01-01' };
    voters[41_000] = { ...(voters[41_000] as object), iin: 'not an iin' };
    voters[44_000] = voters[30_000];
    const answer = await importVoterRegister.createHandler(t.deps)(
      bulk(commission, { electionId }, { source: 'bad list', voters }),
    );
    const job = await jobOf(t, answer);
    expect(job.state).toBe('refused');
    expect(job.issues.map((i) => [i.field, i.code])).toEqual([
      ['voters.3.birthDate', 'IIN_BIRTH_DATE_MISMATCH'],
      ['voters.41000.iin', 'IIN_MALFORMED'],
      ['voters.44000.iin', 'DUPLICATE_VOTER'],
    ]);
    expect(job.errorsSoFar).toBe(3);
    expect((await t.deps.elections.get(electionId)).voterRegister).toBeNull();
  });

  it('counts sheets over the request size in chunks exactly as one pass does: a signer repeated across chunks is a duplicate naming its first line', async () => {
    const { t, voters, caller, caseId } = await selfNominee(20_000);
    const lines = sheetsWithRepeats(SHEET_LINES, voters);
    const answer = await submitSignatures.createHandler(t.deps)(
      bulk(caller, { electionId, caseId }, { lines }),
    );
    const job = await jobOf(t, answer, caller);
    const repeats = lines.filter((_, i) => i >= REPEAT_GAP && i % 9 === 0).length;
    expect(job).toMatchObject({
      state: 'succeeded',
      progress: { rowsDone: SHEET_LINES, rowsTotal: SHEET_LINES },
      errorsSoFar: repeats,
    });
    expect(job.result).toMatchObject({
      validCount: SHEET_LINES - repeats,
      rejectedCount: repeats,
      required: 200,
    });
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(SHEET_LINES - repeats);
    // Line by line, the verdicts one pass over all the lines gives.
    const election = await t.deps.elections.get(electionId);
    const onePass = onePassVerdict(lines, election, 20_000);
    const recorded = await t.deps.signatures.listLines(caseId);
    expect(
      recorded
        .map(({ sheet, line, valid, reason, firstCounted }) =>
          valid
            ? { sheet, line, valid }
            : { sheet, line, valid, reason, ...(firstCounted ? { firstCounted } : {}) },
        )
        .sort((a, b) => a.sheet - b.sheet || a.line - b.line),
    ).toEqual(
      onePass.lines.map((v) =>
        v.valid
          ? { sheet: v.sheet, line: v.line, valid: true }
          : { sheet: v.sheet, line: v.line, valid: false, reason: v.reason, firstCounted: v.firstCounted },
      ),
    );
    expect(onePass.rejectedCount).toBe(repeats);
    const nominationCase = await t.deps.cases.get(electionId, caseId);
    expect(nominationCase.status).toBe('AwaitingRegistrationDecision');
  });

  it('resumes a job cut by a crash from its checkpoint in a new engine, to the verdicts of an uninterrupted run', async () => {
    const objects = LocalObjects.temporary();
    let steps = 0;
    const cut = gate();
    const first = await startTestEngine({
      objects,
      wrapFunctions: (fns) => ({
        ...fns,
        RunJobStep: async (payload) => {
          steps += 1;
          // The engine dies as the third step starts: two chunks are on the checkpoint.
          if (steps === 3) {
            cut.open();
            return new Promise(() => {});
          }
          return fns.RunJobStep?.(payload);
        },
      }),
    });
    const { voters, caller, caseId } = await selfNominee(20_000, undefined, first);
    const lines = sheetsWithRepeats(SHEET_LINES, voters);
    const answer = await submitSignatures.createHandler(first.deps)(
      bulk(caller, { electionId, caseId }, { lines }),
    );
    await cut.wait();
    const atCrash = await first.deps.jobs.get(electionId, isJobAnswer(answer) ? answer.job.jobId : '');
    expect(atCrash).toMatchObject({ state: 'running', nextChunk: 1, rowsDone: CHUNK });
    first.engine.stop();

    const second = await startTestEngine({ table: first.table, objects, start: first.clock.now() });
    await second.engine.reconcile({ atStartUp: true });
    const job = await jobOf(second, answer, caller);
    const repeats = lines.filter((_, i) => i >= REPEAT_GAP && i % 9 === 0).length;
    expect(job).toMatchObject({
      state: 'succeeded',
      progress: { rowsDone: SHEET_LINES },
      errorsSoFar: repeats,
    });
    expect(await second.deps.signatures.ledger.countOf(caseId)).toBe(SHEET_LINES - repeats);
    const { events } = await second.deps.cases.withTrail(electionId, caseId);
    expect(events.filter((e) => e.event === 'SignaturesVerified')).toHaveLength(1);
    expect((await second.deps.signatures.listLines(caseId)).filter((l) => !l.valid)).toHaveLength(repeats);
  });

  it('closes nomination only once the sheets handed in before it are counted: short sheets end the case before the count', async () => {
    const jobGate = gate();
    const t = await startTestEngine({
      wrapFunctions: (fns) => ({
        ...fns,
        RunJobStep: async (payload) => {
          await jobGate.wait();
          return fns.RunJobStep?.(payload);
        },
        CloseNomination: async (payload) => {
          try {
            return await fns.CloseNomination?.(payload);
          } catch (error) {
            // The test engine retries in milliseconds; the ASL waits ten seconds between tries.
            await new Promise((resolve) => setTimeout(resolve, 200));
            throw error;
          } finally {
            // The job goes on only once the close has met it at work.
            jobGate.open();
          }
        },
      }),
    });
    const { voters, caller, caseId } = await selfNominee(20_000, undefined, t);
    // More lines than a request counts, every one signed before nomination opened: none counts.
    const count = SYNCHRONOUS_ROWS.signatures + 100;
    const lines = linesFrom(voters.slice(0, count), '2026-01-20');
    // Handed in a minute before the close.
    await t.advanceTo('2026-02-17T12:59:00.000Z');
    const answer = await submitSignatures.createHandler(t.deps)(
      bulk(caller, { electionId, caseId }, { lines }),
    );
    expect(isJobAnswer(answer)).toBe(true);
    // The close comes while the job is held at its first step (waiting for everything to rest would never end).
    t.clock.set(fixtureCalendar.nominationClose);
    await t.engine.wakeUps.fire(await t.engine.wakeUps.due(t.clock.now()), t.engine.workflows);
    await t.engine.tick();
    const job = await jobOf(t, answer, caller);
    expect(job).toMatchObject({
      state: 'succeeded',
      errorsSoFar: count,
      result: { validCount: 0, sufficient: false },
    });
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('SignaturesInsufficient');
    const election = await t.deps.elections.get(electionId);
    expect(election.notices).toContainEqual(
      expect.objectContaining({
        code: 'NOMINATION_EXTENDED',
        details: expect.objectContaining({ liveNominations: 0 }),
      }),
    );
  });
});
