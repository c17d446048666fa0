import { waitingStatuses } from './case-lifecycle.ts';
import type { Election } from './election.ts';
import { timeZoneOf } from './election-rules.ts';
import { localize } from './error-catalogue.ts';
import type { LocalizedText } from './language.ts';
import { addDays, type LocalDate, localDateOf } from './local-date.ts';
import type { NominationCase } from './nomination-case.ts';

/**
 * Two clocks the law runs beside the nomination calendar, which the engine does not enforce but shows, with a
 * warning where they put the election or the registration decision at risk.
 */

/** CLE 113-1 p.2: an election is called at least 40 days before the incumbent's term ends. */
export const CALLING_DAYS_BEFORE_TERM_ENDS = 40;
/** Civil Service Law 19 p.1: the special check is made within 30 calendar days of receiving the documents. */
export const SPECIAL_CHECK_DAYS = 30;

export interface CallingCheck {
  readonly check: 'called-before-term-ends';
  readonly ground: 'CLE 113-1 p.2';
  /** `unknown` when the commission did not give the incumbent's term's end when calling. */
  readonly status: 'met' | 'not-met' | 'unknown';
  readonly termEndsOn: LocalDate | null;
  readonly latestCallOn: LocalDate | null;
  readonly warning: LocalizedText | null;
}

/** Whether the election was called at least 40 days before the incumbent's term ends, when that date is known. */
export function callingCheck(election: {
  readonly calledOn: LocalDate;
  readonly incumbentTermEndsOn: LocalDate | null;
}): CallingCheck {
  const termEndsOn = election.incumbentTermEndsOn;
  const base = { check: 'called-before-term-ends', ground: 'CLE 113-1 p.2' } as const;
  if (termEndsOn === null) {
    return { ...base, status: 'unknown', termEndsOn: null, latestCallOn: null, warning: null };
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
