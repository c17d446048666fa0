import { waitingStatuses } from './case-lifecycle.ts';
import type { Election } from './election.ts';
import { timeZoneOf } from './election-rules.ts';
import { localize } from './error-catalogue.ts';
import type { LocalizedText } from './language.ts';
import { addDays, type LocalDate, localDateOf } from './local-date.ts';
import type { NominationCase } from './nomination-case.ts';

/**
 * The clocks the law runs beside the nomination calendar, which the engine does not enforce but shows, with a
 * warning where they put the election or the registration decision at risk.
 */

/** CLE 113-1 p.2: an election is called at least 40 days before the incumbent's term ends. */
export const CALLING_DAYS_BEFORE_TERM_ENDS = 40;
/** CLE 113-1 p.2: the vote is held at least 10 days before the incumbent's term ends. */
export const VOTING_DAYS_BEFORE_TERM_ENDS = 10;
/** Civil Service Law 19 p.1: the special check is made within 30 calendar days of receiving the documents. */
export const SPECIAL_CHECK_DAYS = 30;

/** What the calling checks read of an election: its dates, and what the commission said of the incumbent. */
export interface CallingDates {
  readonly calledOn: LocalDate;
  readonly electionDay: LocalDate;
  readonly incumbentTermEndsOn: LocalDate | null;
  /** The day the incumbent's powers ended early, where they did (resignation, removal, death). */
  readonly incumbentPowersEndedOn: LocalDate | null;
}

/**
 * `unknown`: the commission did not give the date the check needs. `not-applicable`: a term-end check where the
 * powers ended early: no term runs to its end any more, and the early end's own check applies instead [I].
 */
export type CallingCheckStatus = 'met' | 'not-met' | 'unknown' | 'not-applicable';

export interface CallingCheck {
  readonly check: 'called-before-term-ends';
  readonly ground: 'CLE 113-1 p.2';
  readonly status: CallingCheckStatus;
  readonly termEndsOn: LocalDate | null;
  readonly latestCallOn: LocalDate | null;
  readonly warning: LocalizedText | null;
}

export interface VotingCheck {
  readonly check: 'vote-before-term-ends';
  readonly ground: 'CLE 113-1 p.2';
  readonly status: CallingCheckStatus;
  readonly termEndsOn: LocalDate | null;
  readonly latestElectionDay: LocalDate | null;
  readonly warning: LocalizedText | null;
}

export interface EarlyEndCallingCheck {
  readonly check: 'called-after-early-end';
  readonly ground: 'CLE 113-1 p.3';
  readonly status: CallingCheckStatus;
  readonly powersEndedOn: LocalDate | null;
  readonly latestCallOn: LocalDate | null;
  readonly warning: LocalizedText | null;
}

const endedEarly = (election: { readonly incumbentPowersEndedOn?: LocalDate | null }): boolean =>
  (election.incumbentPowersEndedOn ?? null) !== null;

/** Whether the election was called at least 40 days before the incumbent's term ends, when that date is known. */
export function callingCheck(
  election: Pick<CallingDates, 'calledOn' | 'incumbentTermEndsOn'> &
    Partial<Pick<CallingDates, 'incumbentPowersEndedOn'>>,
): CallingCheck {
  const termEndsOn = election.incumbentTermEndsOn;
  const base = { check: 'called-before-term-ends', ground: 'CLE 113-1 p.2' } as const;
  if (termEndsOn === null || endedEarly(election)) {
    const status = termEndsOn === null ? 'unknown' : 'not-applicable';
    return { ...base, status, termEndsOn, latestCallOn: null, warning: null };
  }
  const latestCallOn = addDays(termEndsOn, -CALLING_DAYS_BEFORE_TERM_ENDS);
  const met = election.calledOn <= latestCallOn;
  return {
    ...base,
    status: met ? 'met' : 'not-met',
    termEndsOn,
    latestCallOn,
    warning: met ? null : localize('ELECTION_CALLED_LATE', { termEndsOn, latestCallOn }),
  };
}

/** Whether election day is at least 10 days before the incumbent's term ends, when that date is known. */
export function votingCheck(
  election: Pick<CallingDates, 'electionDay' | 'incumbentTermEndsOn' | 'incumbentPowersEndedOn'>,
): VotingCheck {
  const termEndsOn = election.incumbentTermEndsOn;
  const base = { check: 'vote-before-term-ends', ground: 'CLE 113-1 p.2' } as const;
  if (termEndsOn === null || endedEarly(election)) {
    const status = termEndsOn === null ? 'unknown' : 'not-applicable';
    return { ...base, status, termEndsOn, latestElectionDay: null, warning: null };
  }
  const latestElectionDay = addDays(termEndsOn, -VOTING_DAYS_BEFORE_TERM_ENDS);
  const met = election.electionDay <= latestElectionDay;
  const details = { termEndsOn, latestElectionDay, electionDay: election.electionDay };
  return {
    ...base,
    status: met ? 'met' : 'not-met',
    termEndsOn,
    latestElectionDay,
    warning: met ? null : localize('ELECTION_DAY_TOO_CLOSE_TO_TERM_END', details),
  };
}

/**
 * One month after a date, as periods in months are counted: the same day of the next month, or that month's last
 * day where it has no such day (31 January → 28 or 29 February) [I: Civil Code art. 172].
 */
export function oneMonthAfter(date: LocalDate): LocalDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(nextYear, 4)}-${pad(nextMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** CLE 113-1 p.3: whether, the powers having ended early, the election was called within one month of that. */
export function earlyEndCallingCheck(
  election: Pick<CallingDates, 'calledOn' | 'incumbentPowersEndedOn'>,
): EarlyEndCallingCheck {
  const powersEndedOn = election.incumbentPowersEndedOn;
  const base = { check: 'called-after-early-end', ground: 'CLE 113-1 p.3' } as const;
  if (powersEndedOn === null) {
    return { ...base, status: 'unknown', powersEndedOn: null, latestCallOn: null, warning: null };
  }
  const latestCallOn = oneMonthAfter(powersEndedOn);
  const met = election.calledOn <= latestCallOn;
  return {
    ...base,
    status: met ? 'met' : 'not-met',
    powersEndedOn,
    latestCallOn,
    warning: met
      ? null
      : localize('ELECTION_CALLED_LATE_AFTER_EARLY_END', {
          powersEndedOn,
          latestCallOn,
          calledOn: election.calledOn,
        }),
  };
}

/** Every calling check of CLE 113-1, each shown with its status: called in time, voting in time, early end. */
export function callingChecks(
  election: CallingDates,
): readonly (CallingCheck | VotingCheck | EarlyEndCallingCheck)[] {
  return [callingCheck(election), votingCheck(election), earlyEndCallingCheck(election)];
}

/**
 * What the commission is told of each check not met, as the election's notices (`messages/calling-checks.ts`,
 * ELECTION_CALLED_LATE in `messages/calendar-and-registration.ts`): a late call is the commission's own act and
 * the vote must still happen, so it is recorded and warned about, never refused.
 */
export function callingNotices(
  election: CallingDates,
): { readonly code: string; readonly details: Readonly<Record<string, unknown>> }[] {
  const called = callingCheck(election);
  const voting = votingCheck(election);
  const early = earlyEndCallingCheck(election);
  return [
    ...(called.status === 'not-met'
      ? [
          {
            code: 'ELECTION_CALLED_LATE',
            details: { termEndsOn: called.termEndsOn, latestCallOn: called.latestCallOn },
          },
        ]
      : []),
    ...(voting.status === 'not-met'
      ? [
          {
            code: 'ELECTION_DAY_TOO_CLOSE_TO_TERM_END',
            details: {
              termEndsOn: voting.termEndsOn,
              latestElectionDay: voting.latestElectionDay,
              electionDay: election.electionDay,
            },
          },
        ]
      : []),
    ...(early.status === 'not-met'
      ? [
          {
            code: 'ELECTION_CALLED_LATE_AFTER_EARLY_END',
            details: {
              powersEndedOn: early.powersEndedOn,
              latestCallOn: early.latestCallOn,
              calledOn: election.calledOn,
            },
          },
        ]
      : []),
  ];
}

export interface SpecialCheckClock {
  readonly ground: 'Civil Service Law 19 p.1';
  readonly documentsReceivedOn: LocalDate;
  /** The last day the national-security body has for its answer. */
  readonly dueOn: LocalDate;
  /** Set while the answer is outstanding and may come after registration closes. */
  readonly warning: LocalizedText | null;
}

/**
 * The special check's 30 days, counted from the documents' receipt: the filing day plus
 * `specialCheckReceiptDaysAfterFiling` [D]. Warned about while the check is pending and its last day is after the
 * day registration closes, so that the commission asks early rather than lapse the candidate.
 */
export function specialCheckClock(input: {
  readonly filedOn: LocalDate;
  readonly receiptDaysAfterFiling: number;
  readonly pending: boolean;
  readonly registrationClosesOn: LocalDate;
}): SpecialCheckClock {
  const documentsReceivedOn = addDays(input.filedOn, input.receiptDaysAfterFiling);
  const dueOn = addDays(documentsReceivedOn, SPECIAL_CHECK_DAYS);
  const atRisk = input.pending && dueOn > input.registrationClosesOn;
  return {
    ground: 'Civil Service Law 19 p.1',
    documentsReceivedOn,
    dueOn,
    warning: atRisk
      ? localize('SPECIAL_CHECK_DUE_AFTER_REGISTRATION_CLOSE', {
          dueOn,
          registrationClosesOn: input.registrationClosesOn,
        })
      : null,
  };
}

/** A case's special-check clock; warned about only while the case waits for a step, before its decision. */
export function specialCheckClockOf(nominationCase: NominationCase, election: Election): SpecialCheckClock {
  const zone = timeZoneOf(election.rules);
  const waiting = (waitingStatuses as readonly string[]).includes(nominationCase.status);
  return specialCheckClock({
    filedOn: localDateOf(nominationCase.filedAt, zone),
    receiptDaysAfterFiling: election.rules.specialCheckReceiptDaysAfterFiling,
    pending: waiting && nominationCase.checks.specialCheck === 'pending',
    registrationClosesOn: localDateOf(election.calendar.registrationClosesAt, zone),
  });
}
