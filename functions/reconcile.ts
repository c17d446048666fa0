import { z } from 'zod';
import { waitingStepOf } from '../shared/domain/case-lifecycle.ts';
import type { Election } from '../shared/domain/election.ts';
import { executionName, type Repair, repairFor } from '../shared/domain/execution-repair.ts';
import type { Instant } from '../shared/domain/local-date.ts';
import { type NominationCase, recordRepair } from '../shared/domain/nomination-case.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

/** Everything, or one election (with its cases), or one case: what an operator may ask to reconcile. */
export const ReconcileRequestSchema = z.strictObject({
  electionId: z.string().min(1).max(64).optional(),
  caseId: z.string().min(1).max(64).optional(),
  /** Where no other process can be starting an execution (the local engine at start-up): no grace. */
  atStartUp: z.boolean().optional(),
});
export type ReconcileRequest = z.infer<typeof ReconcileRequestSchema>;

export interface RepairDone {
  readonly workflow: 'election-calendar' | 'nomination-case';
  readonly id: string;
  readonly repair: Exclude<Repair, 'none'>;
  readonly execution: string;
}

type ReconcileDeps = Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock' | 'logger'>;

const reconcilerActor = { role: 'engine', id: 'reconciler' } as const;

/** A case that an execution should be carrying: it waits for a person, or for the engine's own check. */
function isOpen(c: NominationCase): boolean {
  return waitingStepOf(c.status) !== null || c.status === 'CheckingEligibility';
}

/**
 * Reconcile: compares every open election and case with its execution and repairs the difference (see
 * execution-repair.ts): a new execution under a new, recorded name; a lost signal sent again; an execution
 * that a repeated signal did not move stopped and replaced. Every repair is on the record (the case's
 * timeline, the election's notices to the operator) before it is made, so a crash half-way is repaired again.
 */
export function createHandler(deps: ReconcileDeps) {
  return async (event: unknown) => {
    const request = parseOrThrow(ReconcileRequestSchema, event ?? {});
    const now = deps.clock.now();
    const notFoundGraceMs = request.atStartUp ? 0 : undefined;
    const done: RepairDone[] = [];
    const elections =
      request.electionId === undefined
        ? (await deps.elections.listAll()).elections
        : [await deps.elections.get(request.electionId)];
    for (const election of elections) {
      if (election.phase === 'RegistrationClosed') continue;
      if (request.caseId === undefined) {
        const repaired = await reconcileElection(deps, election, now, notFoundGraceMs);
        if (repaired !== null) done.push(repaired);
      }
      const { cases } = await deps.cases.listByElection(election.electionId);
      for (const c of cases) {
        if (!isOpen(c) || (request.caseId !== undefined && c.caseId !== request.caseId)) continue;
        const repaired = await reconcileCase(deps, c, now, notFoundGraceMs);
        if (repaired !== null) done.push(repaired);
      }
    }
    if (done.length > 0) deps.logger.warn('executions repaired', { repairs: done });
    return { repaired: done };
  };
}

async function reconcileElection(
  deps: ReconcileDeps,
  election: Election,
  now: Instant,
  notFoundGraceMs: number | undefined,
): Promise<RepairDone | null> {
  const name = executionName(election.electionId, election.calendarAttempt);
  const status = await deps.workflows.describe('election-calendar', name);
  const repair = repairFor({
    execution: status,
    lastChange: election.notices.at(-1)?.at ?? election.createdAt,
    pending: election.wakeUp,
    now,
    ...(notFoundGraceMs === undefined ? {} : { notFoundGraceMs }),
  });
  if (repair === 'none') return null;
  const notice = (code: string) => ({
    at: now,
    to: 'operator' as const,
    code,
    details: { execution: name, found: status },
  });
  const seen = election.calendarAttempt;
  if (repair === 'resignal' && election.wakeUp !== null) {
    const { taskToken, output } = election.wakeUp;
    const marked = await deps.elections.update(election.electionId, (current) =>
      current.wakeUp?.taskToken !== taskToken
        ? current
        : {
            ...current,
            wakeUp: { ...current.wakeUp, repeated: true },
            notices: [...current.notices, notice('WAKE_UP_REPEATED')],
          },
    );
    if (marked.wakeUp?.taskToken !== taskToken) return null;
    await deps.workflows.sendTaskSuccess(taskToken, output);
    return { workflow: 'election-calendar', id: election.electionId, repair, execution: name };
  }
  if (repair === 'restart') await deps.workflows.stop('election-calendar', name);
  const restarted = await deps.elections.update(election.electionId, (current) =>
    current.calendarAttempt !== seen
      ? current
      : {
          ...current,
          calendarAttempt: seen + 1,
          wakeUp: null,
          notices: [...current.notices, notice('CALENDAR_RESTARTED')],
        },
  );
  if (restarted.calendarAttempt !== seen + 1) return null;
  const next = executionName(election.electionId, restarted.calendarAttempt);
  await deps.workflows.start('election-calendar', next, { electionId: election.electionId });
  return { workflow: 'election-calendar', id: election.electionId, repair, execution: next };
}

async function reconcileCase(
  deps: ReconcileDeps,
  c: NominationCase,
  now: Instant,
  notFoundGraceMs: number | undefined,
): Promise<RepairDone | null> {
  const name = executionName(c.caseId, c.executionAttempt);
  const status = await deps.workflows.describe('nomination-case', name);
  const repair = repairFor({
    execution: status,
    lastChange: c.timeline.at(-1)?.at ?? c.filedAt,
    pending: c.sentSignal,
    now,
    ...(notFoundGraceMs === undefined ? {} : { notFoundGraceMs }),
  });
  if (repair === 'none') return null;
  const meta = { at: now, actor: reconcilerActor, note: { execution: name, found: status } };
  if (repair === 'resignal' && c.sentSignal !== null) {
    const { taskToken, output } = c.sentSignal;
    const marked = await deps.cases.update(c.electionId, c.caseId, (current) =>
      current.sentSignal?.taskToken !== taskToken || current.sentSignal.repeated
        ? current
        : recordRepair(
            current,
            'SignalRepeated',
            { sentSignal: { ...current.sentSignal, repeated: true } },
            meta,
          ),
    );
    if (marked.sentSignal?.taskToken !== taskToken || marked.version === c.version) return null;
    await deps.workflows.sendTaskSuccess(taskToken, output);
    return { workflow: 'nomination-case', id: c.caseId, repair, execution: name };
  }
  if (repair === 'restart') await deps.workflows.stop('nomination-case', name);
  const seen = c.executionAttempt;
  const restarted = await deps.cases.update(c.electionId, c.caseId, (current) =>
    current.executionAttempt !== seen || !isOpen(current)
      ? current
      : recordRepair(current, 'ExecutionRestarted', { executionAttempt: seen + 1, sentSignal: null }, meta),
  );
  if (restarted.executionAttempt !== seen + 1) return null;
  const next = executionName(c.caseId, restarted.executionAttempt);
  await deps.workflows.start('nomination-case', next, { electionId: c.electionId, caseId: c.caseId });
  return { workflow: 'nomination-case', id: c.caseId, repair, execution: next };
}

/** The Lambda entry point: on a schedule (everything), or invoked by an operator for one election or case. */
export const handler = lambdaTaskHandler(createHandler);
