import { type Election, regimeOf } from './election.ts';
import { effectiveNominationClose } from './election-calendar.ts';
import {
  ADDITIONAL_CANDIDATE_TRIGGER_MAX,
  additionalCandidateTriggered,
  phaseAtNominationClose,
} from './election-phases.ts';
import { type Instant, isBefore } from './local-date.ts';

/**
 * Where the district akim's window for an additional candidate (CLE 113-3 p.6) stands at an instant: the one
 * judgement both the filing check (`nomination.ts`) and the election's view make, so the desk shows what the
 * engine will do with a proposal.
 */
export const additionalCandidateWindowStates = [
  'not-yet-open',
  'open',
  'closed',
  'not-applicable',
  'limit-reached',
] as const;
export type AdditionalCandidateWindowState = (typeof additionalCandidateWindowStates)[number];

export const ADDITIONAL_CANDIDATE_GROUND = 'CLE 113-3 p.6';

export interface AdditionalCandidateWindow {
  readonly state: AdditionalCandidateWindowState;
  readonly ground: typeof ADDITIONAL_CANDIDATE_GROUND;
  /**
   * When it opened (the close of nomination that counted 0 or 1); before that close, the earliest it can open;
   * null where it never opens.
   */
  readonly opensAt: Instant | null;
  readonly closesAt: Instant;
  /** Live nominations counted at the close of nomination (after any extension); null before it. */
  readonly nominationsAtClose: number | null;
  readonly proposals: number;
  readonly proposalLimit: number | null;
}

/**
 * The earliest close that can open the window: the planned close, when some count that triggers the window (0 or
 * 1) goes there straight; otherwise a planned close that counts too few extends nomination first (when the election
 * allows an extension), and the window can open only at the extended close.
 */
function earliestOpening(election: Election): Instant {
  const opensAtPlannedClose =
    election.phase === 'Nomination' &&
    Array.from({ length: ADDITIONAL_CANDIDATE_TRIGGER_MAX + 1 }, (_, count) => count).some(
      (count) =>
        phaseAtNominationClose(count, regimeOf(election), election.rules) === 'AdditionalCandidateWindow',
    );
  return opensAtPlannedClose
    ? election.calendar.nominationClosesAt
    : election.calendar.extendedNominationClosesAt;
}

/** The window as the engine judges it at `now`: by the election's phase, as the calendar moved it, and the clock. */
export function additionalCandidateWindow(election: Election, now: Instant): AdditionalCandidateWindow {
  const { calendar, nominationsAtClose, additionalProposals: proposals } = election;
  const proposalLimit = election.rules.additionalCandidateProposalLimit;
  const base = {
    ground: ADDITIONAL_CANDIDATE_GROUND,
    closesAt: calendar.additionalCandidateClosesAt,
    nominationsAtClose,
    proposals,
    proposalLimit,
  } as const;
  const openedAt = effectiveNominationClose(calendar, election.nominationExtended);
  switch (election.phase) {
    case 'Nomination':
    case 'NominationExtended':
      return { ...base, state: 'not-yet-open', opensAt: earliestOpening(election) };
    case 'AwaitingRegistrationClose':
      return notApplicable(base);
    case 'RegistrationClosed':
      // The count at the close says whether the window ever opened; registration's close ended it either way.
      return nominationsAtClose !== null && additionalCandidateTriggered(nominationsAtClose)
        ? { ...base, state: 'closed', opensAt: openedAt }
        : notApplicable(base);
    case 'AdditionalCandidateWindow':
      // Time decides the end even before the engine's next step: the law's clock, as for ordinary nominations.
      if (!isBefore(now, calendar.additionalCandidateClosesAt)) {
        return { ...base, state: 'closed', opensAt: openedAt };
      }
      if (proposalLimit !== null && proposals >= proposalLimit) {
        return { ...base, state: 'limit-reached', opensAt: openedAt };
      }
      return { ...base, state: 'open', opensAt: openedAt };
  }
}

function notApplicable(
  base: Omit<AdditionalCandidateWindow, 'state' | 'opensAt'>,
): AdditionalCandidateWindow {
  return { ...base, state: 'not-applicable', opensAt: null };
}
