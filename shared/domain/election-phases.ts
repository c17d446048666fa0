import * as z from 'zod';
import type { CalendarRegime } from './calendar-regimes.ts';
import type { ElectionRules } from './election-rules.ts';

/**
 * Where an election stands in its calendar. The engine moves it at each deadline;
 * these pure functions say where to, from the count of live nominations at that moment.
 */
export const electionPhases = [
  'Nomination',
  'NominationExtended',
  'AdditionalCandidateWindow',
  'AwaitingRegistrationClose',
  'RegistrationClosed',
] as const;
export const ElectionPhaseSchema = z.enum(electionPhases);
export type ElectionPhase = z.infer<typeof ElectionPhaseSchema>;

/** CLE 113-3 p.6: the district akim's additional candidate only when none or one is nominated. */
export const ADDITIONAL_CANDIDATE_TRIGGER_MAX = 1;

export function additionalCandidateTriggered(liveNominations: number): boolean {
  return liveNominations <= ADDITIONAL_CANDIDATE_TRIGGER_MAX;
}

/** At the planned close of nomination: extend when too few are nominated [P, 2021], else move on. */
export function phaseAtNominationClose(
  liveNominations: number,
  regime: CalendarRegime,
  rules: ElectionRules,
): ElectionPhase {
  if (liveNominations < regime.extendWhenFewerThan && rules.extensionDays > 0) return 'NominationExtended';
  return phaseAtExtendedClose(liveNominations);
}

/** At the close of nomination after any extension (CLE 113-3 p.6). */
export function phaseAtExtendedClose(liveNominations: number): ElectionPhase {
  return additionalCandidateTriggered(liveNominations)
    ? 'AdditionalCandidateWindow'
    : 'AwaitingRegistrationClose';
}

/** Phases in which ordinary (party and self) nominations are accepted. */
export function acceptsOrdinaryNominations(phase: ElectionPhase): boolean {
  return phase === 'Nomination' || phase === 'NominationExtended';
}
