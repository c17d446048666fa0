import * as z from 'zod';
import { type Instant, InstantSchema } from './local-date.ts';

/**
 * Records and their executions. The record is the truth and its execution a re-entrant orchestrator over it;
 * when the two drift apart (an execution that failed, timed out, was stopped or never started; a signal lost
 * on its way; a wake-up that never fired) the reconciler repairs the difference. These rules say how.
 */

/** What Step Functions (or the local engine) says of an execution, by name. */
export const executionStatuses = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'NOT_FOUND',
] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

/**
 * A signal that ended a wait (a decision, a deadline, a wake-up), kept on the record until its execution is
 * seen to move on: what a lost signal is sent again from.
 */
export const SentSignalSchema = z.strictObject({
  taskToken: z.string().min(1),
  output: z.record(z.string(), z.unknown()),
  /** When the signal was sent, or for a wake-up when it is due. */
  at: InstantSchema,
  /** Sent a second time already: a third try is a new execution instead. */
  repeated: z.boolean(),
});
export type SentSignal = z.infer<typeof SentSignalSchema>;

/**
 * How often the reconciler's scheduled pass runs, on AWS (EventBridge Scheduler) and in the local engine alike. An
 * execution that ends badly is reconciled as soon as Step Functions reports it; the pass is the net for a start or
 * a signal lost between a record's write and the call (a crash in that instant, which the request's own retry
 * mends first). A pass reads every open election and its cases: at national scale about 10,000 read units, so
 * every 15 minutes rather than 5 is two thirds of the product's storage bill for that net.
 */
export const RECONCILE_EVERY_MINUTES = 15;

/** How long a record may differ from its execution before the difference counts as one to repair. */
export const REPAIR_GRACE_MS = 2 * 60_000;

/**
 * An execution's name: the record's id for its first execution, then `<id>--<attempt>`. Step Functions keeps
 * a name for 90 days, so every repair needs a new one; the attempt is on the record, so the name is known.
 */
export function executionName(id: string, attempt: number): string {
  return attempt === 1 ? id : `${id}--${attempt}`;
}

export type Repair = 'none' | 'start' | 'resignal' | 'restart';

export interface RepairInput {
  readonly execution: ExecutionStatus;
  /** When the record last changed: an execution not found may still be on its way to being started. */
  readonly lastChange: Instant;
  readonly pending: SentSignal | null;
  readonly now: Instant;
  /**
   * Grace for an execution not running (not found, or ended) since the record last changed; none where nothing
   * else can be starting one (a local start-up).
   */
  readonly notRunningGraceMs?: number;
}

function olderThan(at: Instant, ms: number, now: Instant): boolean {
  return Date.parse(now) - Date.parse(at) >= ms;
}

/**
 * What to do about one open record: nothing; start a new execution (none is running); send its last signal
 * again (the execution still waits, past the grace, on a wait the record has ended); or stop it and start a
 * new one (a repeated signal did not move it either).
 */
export function repairFor(input: RepairInput): Repair {
  const { execution, pending, now } = input;
  if (execution !== 'RUNNING') {
    // Not found may still be on its way to being started. One that ended is restarted once its record has been
    // still for the grace: a failure it recorded on its way out is a change, so a step that fails every time is
    // restarted once a scheduled pass, not in a loop of reports and restarts.
    return olderThan(input.lastChange, input.notRunningGraceMs ?? REPAIR_GRACE_MS, now) ? 'start' : 'none';
  }
  if (pending === null || !olderThan(pending.at, REPAIR_GRACE_MS, now)) return 'none';
  return pending.repeated ? 'restart' : 'resignal';
}
