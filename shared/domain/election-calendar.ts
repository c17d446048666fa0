import type { CalendarRegime } from './calendar-regimes.ts';
import { CONSENT_NOTICE_DAYS } from './community-consent.ts';
import { type ElectionRules, timeZoneOf } from './election-rules.ts';
import { type FieldIssue, ValidationError } from './errors.ts';
import {
  addDays,
  atZonedTime,
  daysBetween,
  type Instant,
  isBefore,
  type LocalDate,
  localDateOf,
  type TimeZone,
} from './local-date.ts';

/** Every deadline of one election, as instants. Derived from the election day; never stored by hand. */
export interface ElectionCalendar {
  /** The day after calling, 00:00 local [P]. */
  readonly nominationOpensAt: Instant;
  readonly nominationClosesAt: Instant;
  /** Where nomination closes if it is extended for too few nominations. */
  readonly extendedNominationClosesAt: Instant;
  readonly registrationClosesAt: Instant;
  /** End of the district akim's window for an additional candidate (CLE 113-3 p.6). */
  readonly additionalCandidateClosesAt: Instant;
  readonly withdrawalClosesAt: Instant;
  readonly electionDayStartsAt: Instant;
}

export interface CalendarInput {
  readonly electionDay: LocalDate;
  readonly calledOn: LocalDate;
  readonly regime: CalendarRegime;
  readonly rules: ElectionRules;
}

/**
 * "N days before the election" is D − (N + 1) at the regime's cut-off, local time [I, domain reference §3],
 * in the offset `timeZone` has on that date.
 */
export function daysBeforeElection(
  electionDay: LocalDate,
  daysBefore: number,
  regime: CalendarRegime,
  timeZone: TimeZone,
): Instant {
  return atZonedTime(addDays(electionDay, -(daysBefore + 1)), regime.cutOffLocalTime, timeZone);
}

/** Computes the calendar, or throws a ValidationError naming each inconsistency. */
export function computeElectionCalendar(input: CalendarInput): ElectionCalendar {
  const { electionDay, calledOn, regime, rules } = input;
  const zone = timeZoneOf(rules);
  const before = (days: number) => daysBeforeElection(electionDay, days, regime, zone);

  const nominationClosesAt = before(regime.nominationClosesDaysBefore);
  const registrationClosesAt = before(regime.registrationClosesDaysBefore);
  const calendar: ElectionCalendar = {
    nominationOpensAt: atZonedTime(addDays(calledOn, 1), '00:00', zone),
    nominationClosesAt,
    // Extended by whole local days: still the cut-off time on its date when the offset changes in between.
    extendedNominationClosesAt: before(regime.nominationClosesDaysBefore - rules.extensionDays),
    registrationClosesAt,
    additionalCandidateClosesAt:
      rules.additionalCandidateClosesDaysBefore === null
        ? registrationClosesAt
        : before(rules.additionalCandidateClosesDaysBefore),
    withdrawalClosesAt: before(rules.withdrawalClosesDaysBefore),
    electionDayStartsAt: atZonedTime(electionDay, '00:00', zone),
  };

  const issues = calendarIssues(calendar, input);
  if (issues.length > 0) throw new ValidationError(issues);
  return calendar;
}

function calendarIssues(calendar: ElectionCalendar, { regime, rules }: CalendarInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const inconsistent = (field: string, reason: string) =>
    issues.push({
      field,
      code: 'CALENDAR_INCONSISTENT',
      details: { reason },
    });

  if (rules.extensionDays > regime.extensionMaxDays) {
    issues.push({
      field: 'rules.extensionDays',
      code: 'EXTENSION_OVER_LIMIT',
      details: { maximum: regime.extensionMaxDays },
    });
  } else if (
    !isBefore(calendar.additionalCandidateClosesAt, calendar.nominationClosesAt) &&
    !isBefore(calendar.registrationClosesAt, calendar.additionalCandidateClosesAt)
  ) {
    // A window's end outside nomination close … registration close is refused below on its own.
    issues.push(...additionalCandidateWindowIssues(calendar, rules));
  }
  if (!isBefore(calendar.nominationOpensAt, calendar.nominationClosesAt)) {
    inconsistent('calledOn', 'the election is called after nomination would close');
  }
  if (isBefore(calendar.registrationClosesAt, calendar.additionalCandidateClosesAt)) {
    inconsistent(
      'rules.additionalCandidateClosesDaysBefore',
      'the additional-candidate window ends after registration',
    );
  }
  if (isBefore(calendar.additionalCandidateClosesAt, calendar.nominationClosesAt)) {
    inconsistent(
      'rules.additionalCandidateClosesDaysBefore',
      'the additional-candidate window ends before nomination',
    );
  }
  for (const field of ['partyConfirmationDueDaysBefore', 'signaturesDueDaysBefore'] as const) {
    const days = rules[field];
    // The count at the close must know how every nomination's step ended (CLE 113-3 p.6): a step may be due
    // at the close or before it, never after.
    if (days !== null && days < regime.nominationClosesDaysBefore) {
      inconsistent(`rules.${field}`, 'a step deadline falls after nomination closes');
    }
  }
  return issues;
}

/**
 * The district akim's window must follow the law's order (CLE 113-3 p.6, LGA 39-3 p.8) [D]. Registration close is
 * fixed by the regime and the akim may propose only after the close that counts (after any extension), so the
 * extension may not eat the window: at least `additionalCandidateWindowMinDays` whole days must be left after the
 * extended close. The meeting may be notified from the planned close (fewer than two nominated already shows the
 * akim may need a candidate), so its 3 days' notice must fit between the planned close and the window's end.
 */
function additionalCandidateWindowIssues(calendar: ElectionCalendar, rules: ElectionRules): FieldIssue[] {
  const zone = timeZoneOf(rules);
  const windowEndsOn = localDateOf(calendar.additionalCandidateClosesAt, zone);
  const issues: FieldIssue[] = [];
  const days = daysBetween(localDateOf(calendar.extendedNominationClosesAt, zone), windowEndsOn);
  const minimumDays = rules.additionalCandidateWindowMinDays;
  if (days < minimumDays) {
    const maximumExtension = rules.extensionDays - (minimumDays - days);
    const details = maximumExtension >= 0 ? { days, minimumDays, maximumExtension } : { days, minimumDays };
    issues.push({
      field: maximumExtension >= 0 ? 'rules.extensionDays' : 'rules.additionalCandidateClosesDaysBefore',
      code: 'ADDITIONAL_CANDIDATE_WINDOW_TOO_SHORT',
      details,
    });
  }
  const noticeDays = daysBetween(localDateOf(calendar.nominationClosesAt, zone), windowEndsOn);
  if (noticeDays < CONSENT_NOTICE_DAYS) {
    const details = { days: noticeDays, noticeDays: CONSENT_NOTICE_DAYS };
    issues.push({
      field: 'rules.additionalCandidateClosesDaysBefore',
      code: 'ADDITIONAL_CANDIDATE_NOTICE_DOES_NOT_FIT',
      details,
    });
  }
  return issues;
}

/** Nomination closes at its planned time, or later when it was extended. */
export function effectiveNominationClose(calendar: ElectionCalendar, extended: boolean): Instant {
  return extended ? calendar.extendedNominationClosesAt : calendar.nominationClosesAt;
}

export const waitingSteps = [
  'party-confirmation',
  'signatures',
  'community-consent',
  'registration-decision',
] as const;
export type WaitingStep = (typeof waitingSteps)[number];

/** The instant by which a waiting step must be decided; undecided cases lapse then. */
export function stepDeadline(
  step: WaitingStep,
  election: {
    readonly electionDay: LocalDate;
    readonly regime: CalendarRegime;
    readonly rules: ElectionRules;
  },
  calendar: ElectionCalendar,
  nominationExtended: boolean,
): Instant {
  const { electionDay, regime, rules } = election;
  const fixedOrClose = (days: number | null) =>
    days === null
      ? effectiveNominationClose(calendar, nominationExtended)
      : daysBeforeElection(electionDay, days, regime, timeZoneOf(rules));
  switch (step) {
    case 'party-confirmation':
      return fixedOrClose(rules.partyConfirmationDueDaysBefore);
    case 'signatures':
      return fixedOrClose(rules.signaturesDueDaysBefore);
    case 'community-consent':
      return calendar.additionalCandidateClosesAt;
    case 'registration-decision':
      return calendar.registrationClosesAt;
  }
}
