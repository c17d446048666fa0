import * as z from 'zod';
import { jobExecutionName } from '../shared/domain/bulk-job.ts';
import { waitingStepOf } from '../shared/domain/case-lifecycle.ts';
import {
  calendarMayHaveDrifted,
  caseMayHaveDrifted,
  pendingWakeUp,
} from '../shared/domain/drift-suspects.ts';
import type { Election } from '../shared/domain/election.ts';
import { executionName, type Repair, repairFor } from '../shared/domain/execution-repair.ts';
import type { Instant } from '../shared/domain/local-date.ts';
import { type NominationCase, recordWithoutTransition } from '../shared/domain/nomination-case.ts';
import { publishedListChangesUntil } from '../shared/domain/published-list-changes.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { StoredJob } from '../shared/storage/job-repository.ts';
import type { ReadConsistency } from '../shared/storage/query-all.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { startCaseExecution } from './support/case-execution.ts';
import type { Dependencies } from './support/dependencies.ts';
import { isEndedExecutionEvent, recordOfEndedExecution } from './support/ended-execution.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { reportUnreadable } from './support/overdue-waits.ts';

/**
 * Everything, or one election (with its cases), or one case: what an operator may ask to reconcile. Everything,
 * as the schedule asks, looks only at the records that may have drifted (drift-suspects.ts) unless `thorough`.
 */
export const ReconcileRequestSchema = z.strictObject({
  electionId: z.string().min(1).max(64).optional(),
  caseId: z.string().min(1).max(64).optional(),
  thorough: z.boolean().optional(),
});
export type ReconcileRequest = z.infer<typeof ReconcileRequestSchema>;

export interface RepairDone {
  readonly workflow: 'election-calendar' | 'nomination-case' | 'bulk-job';
  readonly id: string;
  readonly repair: Exclude<Repair, 'none'>;
  readonly execution: string;
}

type ReconcileDeps = Pick<
  Dependencies,
  'elections' | 'cases' | 'published' | 'jobs' | 'workflows' | 'clock' | 'logger'
>;

const reconcilerActor = { role: 'engine', id: 'reconciler' } as const;

/** A case that an execution should be carrying: it waits for a person, or for the engine's own check. */
function isOpen(c: NominationCase): boolean {
  return waitingStepOf(c.status) !== null || c.status === 'CheckingEligibility';
}

/**
 * How long after registration closed (the later of its deadline and the list's publication) the cases of an
 * election are still reconciled: a reinstatement sent back to the registration decision at the very moment of the
 * close may be written after the close listed the cases, and a crash may lose its execution's start; the execution
 * the reconciler then starts lapses the case at once, its deadline having passed.
 */
const CLOSED_CASES_RECONCILED_MS = 60 * 60_000;

function closedRecently(election: Election, now: Instant): boolean {
  const published = election.notices.findLast((n) => n.code === 'REGISTERED_LIST_PUBLISHED')?.at;
  const closedAt = Math.max(
    Date.parse(election.calendar.registrationClosesAt),
    published === undefined ? 0 : Date.parse(published),
  );
  return Date.parse(now) - closedAt < CLOSED_CASES_RECONCILED_MS;
}

/**
 * Whether the published list of a closed election may still be out of step with its cases: until an hour after
 * the last deadline that can change it (a cancellation, a court's registration: published-list-changes.ts), so a
 * change made just before that deadline and half written is still mended. Before registration close the close's
 * whole rewrite mends it; after this, nothing is left to mend.
 */
function listMayNeedMending(election: Election, now: Instant): boolean {
  return Date.parse(now) - Date.parse(publishedListChangesUntil(election)) < CLOSED_CASES_RECONCILED_MS;
}

/**
 * The longest a request may run (a Lambda stops at 15 minutes): a change stamped this long before registration
 * close may still have been written after the close's rewrite of the list read the cases.
 */
const REQUEST_LIMIT_MS = 15 * 60_000;

/** A case changed late enough that the close's rewrite of the list may have missed it. */
function changedAfterListRewrite(c: NominationCase, election: Election): boolean {
  return Date.parse(c.lastEntry.at) >= Date.parse(election.calendar.registrationClosesAt) - REQUEST_LIMIT_MS;
}

/** How many elections one run reconciles at once: a national pass in seconds, within the APIs' rates. */
const ELECTIONS_AT_ONCE = 8;

/**
 * Reconcile: compares open elections and cases with their executions and repairs the difference (see
 * execution-repair.ts): a new execution under a new, recorded name (every earlier one stopped); a lost signal
 * sent again; an execution that a repeated signal did not move stopped and replaced. The scheduled pass compares
 * only the records that may have drifted (drift-suspects.ts); one election or case, a thorough pass and the start-up
 * compare every open one. After registration close, until the published list can no longer change, it also mends
 * the list's entries of cases changed since. Every repair is written to the record (the case's timeline, the
 * election's notices to the operator) before it is made, and only the run whose write wins makes it: a crash
 * half-way is repaired by the next run, never twice by two.
 * `atStartUp` (no grace for an execution not running) is for the local engine's own start-up only.
 */
export function createHandler(deps: ReconcileDeps, options: { readonly atStartUp?: boolean } = {}) {
  const notRunningGraceMs = options.atStartUp ? 0 : undefined;
  return async (event: unknown) => {
    const request = requestOf(event);
    const now = deps.clock.now();
    // The scheduled pass asks only about records that may have drifted; one record, or a start-up, asks about all.
    const thorough =
      options.atStartUp === true || request.thorough === true || request.electionId !== undefined;
    // The scheduled pass reads eventually, at half the read units: whatever it would repair it writes on
    // condition of the version it read, and a record read stale is looked at again by the next pass.
    const reads = { consistent: thorough };
    const stored =
      request.electionId === undefined
        ? await deps.elections.listAll(reads)
        : { elections: [await deps.elections.get(request.electionId)], unreadable: [] };
    if (stored.unreadable.length > 0) {
      deps.logger.error('unreadable elections not reconciled', { electionIds: stored.unreadable });
    }
    const pass = { request, now, thorough, notRunningGraceMs, reads };
    // Each election's outcome kept in its place in the list, whichever finishes first.
    // One election that fails (a storage fault, a lost race) does not stop the others; the run fails at the end,
    // after saying what it repaired, so that it is tried again (and, failing still, kept in the dead letters).
    const outcomes = await eachBounded(stored.elections, ELECTIONS_AT_ONCE, (election) =>
      reconcileOneElection(deps, election, pass).catch((error: unknown) => ({
        done: [],
        listMended: [],
        failed: { electionId: election.electionId, error },
      })),
    );
    const done = outcomes.flatMap((outcome) => outcome.done);
    const listMended = outcomes.flatMap((outcome) => outcome.listMended);
    if (done.length > 0) deps.logger.warn('executions repaired', { repairs: done });
    if (listMended.length > 0) deps.logger.warn('published list mended', { entries: listMended });
    const failed = outcomes.flatMap((outcome) => ('failed' in outcome ? [outcome.failed] : []));
    const [first] = failed;
    if (first !== undefined) {
      deps.logger.error('elections not reconciled', {
        electionIds: failed.map((f) => f.electionId),
        errors: failed.map((f) => (f.error instanceof Error ? f.error.name : 'unknown')),
      });
      throw first.error;
    }
    return { repaired: done };
  };
}

/** The request: an operator's or the schedule's as it is, or the record of an execution Step Functions reports ended. */
function requestOf(event: unknown): ReconcileRequest {
  if (isEndedExecutionEvent(event)) return recordOfEndedExecution(event) ?? {};
  return parseOrThrow(ReconcileRequestSchema, event ?? {});
}

/** Runs `work` over `items`, at most `limit` at once; the results in the items' order. */
async function eachBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Pass {
  readonly request: ReconcileRequest;
  readonly now: Instant;
  readonly thorough: boolean;
  readonly notRunningGraceMs: number | undefined;
  readonly reads: ReadConsistency;
}

async function reconcileOneElection(
  deps: ReconcileDeps,
  election: Election,
  { request, now, thorough, notRunningGraceMs, reads }: Pass,
): Promise<{ done: RepairDone[]; listMended: { electionId: string; caseId: string }[] }> {
  const done: RepairDone[] = [];
  const listMended: { electionId: string; caseId: string }[] = [];
  for (const job of await deps.jobs.activeOf(election.electionId, reads)) {
    if (request.caseId !== undefined && job.caseId !== request.caseId) continue;
    const repaired = await reconcileJob(deps, job, now, notRunningGraceMs);
    if (repaired !== null) done.push(repaired);
  }
  const closed = election.phase === 'RegistrationClosed';
  const reconcilesCases = !closed || closedRecently(election, now);
  const mendsList = closed && listMayNeedMending(election, now);
  if (!reconcilesCases && !mendsList) return { done, listMended };
  if (request.caseId === undefined && !closed && (thorough || calendarMayHaveDrifted(election, now))) {
    const repaired = await reconcileElection(deps, election, now, notRunningGraceMs);
    if (repaired !== null) done.push(repaired);
  }
  const inScope = (c: NominationCase) => request.caseId === undefined || c.caseId === request.caseId;
  // One query of the election's cases, whatever is done with them.
  const cases = reconcilesCases
    ? await listReportingUnreadable(deps, election.electionId, reads)
    : await deps.cases.readableOf(election.electionId, reads);
  if (reconcilesCases) {
    for (const c of cases) {
      if (!isOpen(c) || !inScope(c) || !(thorough || caseMayHaveDrifted(c, now))) continue;
      const repaired = await reconcileCase(deps, election, c, now, notRunningGraceMs);
      if (repaired !== null) done.push(repaired);
    }
  }
  if (mendsList) {
    // Only the few cases changed since the close's rewrite: one read each, a write only where behind.
    for (const c of cases) {
      if (inScope(c) && changedAfterListRewrite(c, election) && (await deps.published.mend(c))) {
        listMended.push({ electionId: election.electionId, caseId: c.caseId });
      }
    }
  }
  return { done, listMended };
}

async function listReportingUnreadable(
  deps: ReconcileDeps,
  electionId: string,
  reads: ReadConsistency,
): Promise<NominationCase[]> {
  const { cases, unreadable } = await deps.cases.listByElection(electionId, reads);
  reportUnreadable(deps, electionId, unreadable);
  return cases;
}

/**
 * Writes a repair only onto the record as this run saw it (same version): another run, or the execution itself,
 * may have moved it since. Null when this run's write is not the one stored (an optimistic update may try its
 * change more than once, so the last try decides).
 */
async function repairIfUnchanged<T extends { readonly version: number }>(
  update: (change: (current: T) => T) => Promise<T>,
  seenVersion: number,
  repaired: (current: T) => T,
): Promise<T | null> {
  let applied = false;
  const stored = await update((current) => {
    applied = current.version === seenVersion;
    return applied ? repaired(current) : current;
  });
  return applied ? stored : null;
}

async function reconcileElection(
  deps: ReconcileDeps,
  election: Election,
  now: Instant,
  notRunningGraceMs: number | undefined,
): Promise<RepairDone | null> {
  const name = executionName(election.electionId, election.calendarAttempt);
  const status = await deps.workflows.describe('election-calendar', name);
  const pending = pendingWakeUp(election);
  const repair = repairFor({
    execution: status,
    lastChange: election.notices.at(-1)?.at ?? election.createdAt,
    pending,
    now,
    ...(notRunningGraceMs === undefined ? {} : { notRunningGraceMs }),
  });
  if (repair === 'none') return null;
  const notice = (code: string) => ({
    at: now,
    to: 'operator' as const,
    code,
    details: { execution: name, found: status },
  });
  const update = (change: (current: Election) => Election) =>
    deps.elections.update(election.electionId, change);
  if (repair === 'resignal' && pending !== null) {
    const marked = await repairIfUnchanged(update, election.version, (current) => ({
      ...current,
      // The repeated signal gets its own grace before the calendar is replaced.
      wakeUp: { ...pending, at: now, repeated: true },
      notices: [...current.notices, notice('WAKE_UP_REPEATED')],
    }));
    if (marked === null) return null;
    await deps.workflows.sendTaskSuccess(pending.taskToken, pending.output);
    return { workflow: 'election-calendar', id: election.electionId, repair, execution: name };
  }
  const restarted = await repairIfUnchanged(update, election.version, (current) => ({
    ...current,
    calendarAttempt: current.calendarAttempt + 1,
    wakeUp: null,
    notices: [...current.notices, notice('CALENDAR_RESTARTED')],
  }));
  if (restarted === null) return null;
  if (repair === 'restart') await deps.workflows.stop('election-calendar', name);
  const next = executionName(election.electionId, restarted.calendarAttempt);
  await deps.workflows.start('election-calendar', next, { electionId: election.electionId });
  return { workflow: 'election-calendar', id: election.electionId, repair, execution: next };
}

async function reconcileCase(
  deps: ReconcileDeps,
  election: Election,
  c: NominationCase,
  now: Instant,
  notRunningGraceMs: number | undefined,
): Promise<RepairDone | null> {
  const name = executionName(c.caseId, c.executionAttempt);
  const status = await deps.workflows.describe('nomination-case', name);
  const repair = repairFor({
    execution: status,
    lastChange: c.lastEntry.at,
    pending: c.sentSignal,
    now,
    ...(notRunningGraceMs === undefined ? {} : { notRunningGraceMs }),
  });
  if (repair === 'none') return null;
  const meta = { at: now, actor: reconcilerActor, note: { execution: name, found: status } };
  const update = (change: (current: NominationCase) => NominationCase) =>
    deps.cases.update(c.electionId, c.caseId, change);
  if (repair === 'resignal' && c.sentSignal !== null) {
    const sent = c.sentSignal;
    const marked = await repairIfUnchanged(update, c.version, (current) =>
      recordWithoutTransition(
        current,
        'SignalRepeated',
        { sentSignal: { ...sent, at: now, repeated: true } },
        meta,
      ),
    );
    if (marked === null) return null;
    await deps.workflows.sendTaskSuccess(sent.taskToken, sent.output);
    return { workflow: 'nomination-case', id: c.caseId, repair, execution: name };
  }
  const restarted = await repairIfUnchanged(update, c.version, (current) =>
    recordWithoutTransition(
      current,
      'ExecutionRestarted',
      { executionAttempt: current.executionAttempt + 1, sentSignal: null },
      meta,
    ),
  );
  if (restarted === null) return null;
  // Every earlier execution is stopped first, the one replaced included: one may still run after a crash
  // between a new attempt's record and its start (a reinstatement's, or this repair's own).
  await startCaseExecution(deps, restarted, election);
  const next = executionName(c.caseId, restarted.executionAttempt);
  return { workflow: 'nomination-case', id: c.caseId, repair, execution: next };
}

/** How long a job recorded without an execution may wait for its request to start one. */
const JOB_START_GRACE_MS = 60_000;

/**
 * A job with work left whose execution has ended (failed before it could record so, stopped, lost with the local
 * engine) or never started (its request crashed in between) gets a new one, under the next attempt's name,
 * recorded on the job first: it resumes from the job's checkpoint. A running execution is left to its work.
 */
async function reconcileJob(
  deps: ReconcileDeps,
  job: StoredJob,
  now: Instant,
  notRunningGraceMs: number | undefined,
): Promise<RepairDone | null> {
  const name = jobExecutionName(job.jobId, job.attempt);
  const status = await deps.workflows.describe('bulk-job', name);
  if (status === 'RUNNING') return null;
  const grace = notRunningGraceMs ?? JOB_START_GRACE_MS;
  if (status === 'NOT_FOUND' && Date.parse(now) - Date.parse(job.updatedAt) < grace) return null;
  const { version: _version, ...current } = job;
  const restarted = await deps.jobs.record(job, { ...current, attempt: job.attempt + 1, updatedAt: now });
  if (restarted === null) return null;
  const next = jobExecutionName(job.jobId, restarted.attempt);
  await deps.workflows.start('bulk-job', next, { electionId: job.electionId, jobId: job.jobId });
  return {
    workflow: 'bulk-job',
    id: job.jobId,
    repair: status === 'NOT_FOUND' ? 'start' : 'restart',
    execution: next,
  };
}

/**
 * The Lambda entry point: on a schedule (the records that may have drifted), for an execution Step Functions
 * reports ended badly (EventBridge), or invoked by an operator for one election or case.
 */
export const handler = lambdaTaskHandler((deps: ReconcileDeps) => createHandler(deps), {
  workflows: stepFunctionsWorkflows,
});
