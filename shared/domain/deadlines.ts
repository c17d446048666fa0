import type { Election } from './election.ts';
import { regimeOf } from './election.ts';
import { stepDeadline, type WaitingStep } from './election-calendar.ts';
import { type Instant, isBefore } from './local-date.ts';

/**
 * When waits end. The election calendar is the one driver of deadlines: at each deadline it moves the
 * election's phase and ends the waits that are overdue. These functions say what is due, and when next.
 */

/** The deadline of the election's current phase: when the engine must next move it along. */
export function phaseDeadline(election: Election): Instant | null {
  switch (election.phase) {
    case 'Nomination':
      return election.calendar.nominationClosesAt;
    case 'NominationExtended':
      return election.calendar.extendedNominationClosesAt;
    case 'AdditionalCandidateWindow':
    case 'AwaitingRegistrationClose':
      return election.calendar.registrationClosesAt;
    case 'RegistrationClosed':
      return null;
  }
}

export function isPhaseDue(election: Election, now: Instant): boolean {
  const deadline = phaseDeadline(election);
  return deadline !== null && !isBefore(now, deadline);
}

function tiedToNominationClose(step: WaitingStep, election: Election): boolean {
  const { rules } = election;
  return (
    (step === 'party-confirmation' && rules.partyConfirmationDueDaysBefore === null) ||
    (step === 'signatures' && rules.signaturesDueDaysBefore === null)
  );
}

function deadlineOfStep(step: WaitingStep, election: Election, extended: boolean): Instant {
  return stepDeadline(
    step,
    { electionDay: election.electionDay, regime: regimeOf(election), rules: election.rules },
    election.calendar,
    extended,
  );
}

/** A case's place in the calendar: when it was filed. */
export interface FiledCase {
  readonly filedAt: Instant;
}

/**
 * The deadline of a case's wait. A wait tied to the close of nomination ends at the close in force when the
 * case was filed: the planned close for a case filed before it, the extended close for one filed during the
 * extension. An extension gives new nominations time; it does not revive the ones that were due at the close.
 */
export function waitDeadline(step: WaitingStep, election: Election, nominationCase: FiledCase): Instant {
  const filedDuringExtension =
    election.nominationExtended && !isBefore(nominationCase.filedAt, election.calendar.nominationClosesAt);
  return deadlineOfStep(step, election, filedDuringExtension);
}

/** Whether a case waiting for `step` is past its deadline at `now`. */
export function isWaitOverdue(
  step: WaitingStep,
  election: Election,
  nominationCase: FiledCase,
  now: Instant,
): boolean {
  return !isBefore(now, waitDeadline(step, election, nominationCase));
}

/** The next instant at which something falls due: the phase deadline or a configured step deadline. */
export function nextDeadline(election: Election, now: Instant): Instant | null {
  const phase = phaseDeadline(election);
  if (phase === null) return null;
  const steps = (['party-confirmation', 'signatures', 'community-consent'] as const)
    .filter((step) => !tiedToNominationClose(step, election))
    .map((step) => deadlineOfStep(step, election, election.nominationExtended))
    .filter((at) => isBefore(now, at) && isBefore(at, phase));
  return steps.reduce((earliest, at) => (isBefore(at, earliest) ? at : earliest), phase);
}
