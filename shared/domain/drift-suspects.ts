import { waitingStepOf } from './case-lifecycle.ts';
import { phaseDeadline } from './deadlines.ts';
import type { Election } from './election.ts';
import { RECONCILE_EVERY_MINUTES, REPAIR_GRACE_MS, type SentSignal } from './execution-repair.ts';
import type { Instant } from './local-date.ts';
import type { NominationCase } from './nomination-case.ts';

/**
 * Which records the reconciler's scheduled pass asks Step Functions about. Asking about every open record every
 * few minutes is thousands of DescribeExecution calls a pass at national scale: past what its quota refills and
 * past what one run can make. An execution that ends badly (failed, timed out, stopped) is reported by Step
 * Functions itself (EventBridge, and the local engine's equivalent), and its record reconciled then. What no such
 * report reveals is a start or a signal lost between the record's write and the call: those records show it, by
 * a change the execution has not yet answered. A record at rest on a wait its execution stored after the last
 * change shows nothing of the kind, and is passed over.
 */

/** A change this recent may still be on its way to its execution: at least two passes look after the grace. */
export const RECENT_CHANGE_MS = REPAIR_GRACE_MS + 2 * RECONCILE_EVERY_MINUTES * 60_000;

function before(at: Instant, ms: number, now: Instant): boolean {
  return Date.parse(now) - Date.parse(at) >= ms;
}

/**
 * A case may have drifted from its execution unless it waits for a person on the very wait its execution stored
 * after the case's last change, with no signal sent since, and that change is not recent.
 */
export function caseMayHaveDrifted(c: NominationCase, now: Instant): boolean {
  const step = waitingStepOf(c.status);
  if (step === null || c.waitingFor === null || c.waitingFor.step !== step) return true;
  if (c.sentSignal !== null) return true;
  if (Date.parse(c.waitingFor.since) < Date.parse(c.lastEntry.at)) return true;
  return !before(c.lastEntry.at, RECENT_CHANGE_MS, now);
}

/**
 * The wake-up a calendar still sleeps on: the one armed for its current phase's deadline. One armed for an
 * earlier deadline has fired already (the phase moved on), whatever the record still shows.
 */
export function pendingWakeUp(election: Election): SentSignal | null {
  const due = phaseDeadline(election);
  return election.wakeUp !== null && due !== null && election.wakeUp.at === due ? election.wakeUp : null;
}

/**
 * An election's calendar may have drifted unless it sleeps on the wake-up armed for its current phase's deadline,
 * and that deadline is not past by more than the grace (a wake-up that fired moves the calendar on at once).
 */
export function calendarMayHaveDrifted(election: Election, now: Instant): boolean {
  const wakeUp = pendingWakeUp(election);
  if (wakeUp === null || wakeUp.repeated) return true;
  return before(wakeUp.at, REPAIR_GRACE_MS, now);
}
