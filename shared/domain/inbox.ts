import type { Caller } from '../auth/caller.ts';
import { isOwnCase } from '../auth/scope.ts';
import { waitingStepOf } from './case-lifecycle.ts';
import { whoDecides } from './case-views.ts';
import { waitDeadline } from './deadlines.ts';
import type { Election, ElectionNotice } from './election.ts';
import { waitingSteps } from './election-calendar.ts';
import { timeZoneOf } from './election-rules.ts';
import { localizeNotice } from './error-catalogue.ts';
import type { LocalizedText } from './language.ts';
import { type Instant, isBefore } from './local-date.ts';
import type { NominationCase } from './nomination-case.ts';

/**
 * What the engine has to tell people, derived from the elections and cases, so that nothing is stored twice and
 * nothing can be missed by a lost write. The calendar's notices of an election go to the bodies they name; a case
 * tells whoever it waits for that it waits, and again when the deadline is near; a self-nominee and the commission
 * that its signatures are still short; its nominator and candidate what was decided. The same notices fill each
 * account's inbox (`inboxFor`) and go beyond the desk (`notice-publication.ts`), each under one id.
 */
export const DEADLINE_NEAR_HOURS = 48;

/**
 * How often the deadline sweep publishes the DEADLINE_NEAR notices due (functions/publish-deadline-notices.ts):
 * a warning goes out at most this late.
 */
export const DEADLINE_SWEEP_EVERY_MINUTES = 15;

/** Elections whose day passed longer ago than this leave the inbox: nothing about them is still to be done. */
export const INBOX_KEEPS_DAYS_AFTER_ELECTION = 60;

/** Whom a notice is for, by role (`public`: everyone; `operator`: the engine's operators, never an inbox). */
export type NoticeAddressee = ElectionNotice['to'] | 'party' | 'candidate';

/** A notice as the engine derives it, before anyone reads it. */
export interface DerivedNotice {
  /** The same notice has the same id on every derivation: a desk can tell which it has shown, SNS gets it once. */
  readonly id: string;
  /** When it became due: the moment its reader could first be told (never earlier, or it would arrive read). */
  readonly at: Instant;
  readonly electionId: string;
  readonly caseId: string | null;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly to: readonly NoticeAddressee[];
  /** The party whose nominee the case is; null for any other notice. */
  readonly partyId: string | null;
}

export interface InboxNotice extends Omit<DerivedNotice, 'to' | 'partyId'> {
  /** In words (kk/ru/en), moments in the election's local time; null for a code this version does not know. */
  readonly message: LocalizedText | null;
  readonly unread: boolean;
}

export interface InboxSource {
  readonly election: Election;
  readonly cases: readonly NominationCase[];
}

type Reader = Exclude<Caller, { role: 'public' }>;

/** The warning's hour of a deadline: 48 hours before it. */
export function warningHourOf(deadline: Instant): Instant {
  return new Date(Date.parse(deadline) - DEADLINE_NEAR_HOURS * 3_600_000).toISOString();
}

const later = (a: Instant, b: Instant): Instant => (isBefore(a, b) ? b : a);

/** The notices of the election itself (the calendar's, the operator's), in the order they were recorded. */
export function electionNoticesOf(election: Election): DerivedNotice[] {
  return election.notices.map((notice, index) => ({
    id: `${election.electionId}:notice:${index}:${notice.code}`,
    at: notice.at,
    electionId: election.electionId,
    caseId: null,
    code: notice.code,
    details: notice.details,
    to: [notice.to],
    partyId: null,
  }));
}

/** Who is told a decision on the case: its candidate, and whoever nominated it (the commission made it itself). */
function toldOfDecisions(c: NominationCase): NoticeAddressee[] {
  switch (c.filing.route) {
    case 'party':
      return ['party', 'candidate'];
    // The akimat proposed this candidate; of other nominees' decisions it is told nothing (issue 13).
    case 'akimat':
      return ['akimat', 'candidate'];
    case 'self':
      return ['candidate'];
  }
}

/**
 * What one case has to tell, at `now`. State-driven notices follow from the case as stored; DEADLINE_NEAR is
 * time-driven: it is due once the deadline is less than 48 hours away while the case still waits.
 */
export function caseNoticesOf(election: Election, c: NominationCase, now: Instant): DerivedNotice[] {
  const zone = timeZoneOf(election.rules);
  const candidate = c.filing.candidate.fullName;
  const base = {
    electionId: election.electionId,
    caseId: c.caseId,
    partyId: c.filing.route === 'party' ? c.filing.party.partyId : null,
  };
  const notices: DerivedNotice[] = [];
  const step = waitingStepOf(c.status);
  // A case waits for a step once, or again after a reinstatement: the ids stay while the wait lasts.
  const round = c.reinstatements?.length ?? 0;
  if (step !== null) {
    // Waiting since its execution stored the wait, or since the status began when that is still to come.
    const since = c.waitingFor?.since ?? c.lastEntry.at;
    const deadline = waitDeadline(step, election, c);
    const details = { step, candidate, deadline, timeZone: zone };
    const to = [whoDecides[step]];
    notices.push({
      ...base,
      id: `${c.caseId}:waiting:${step}:${round}`,
      at: since,
      code: 'CASE_WAITING_FOR_YOU',
      details,
      to,
    });
    const near = warningHourOf(deadline);
    if (!isBefore(now, near) && isBefore(now, deadline)) {
      // Due from the later of the warning's hour and the wait's start: a case that began waiting inside the last
      // 48 hours is warned when it began, so a reader's mark made in between does not swallow the warning.
      notices.push({
        ...base,
        id: `${c.caseId}:near:${step}:${deadline}:${round}`,
        at: later(near, since),
        code: 'DEADLINE_NEAR',
        details,
        to,
      });
    }
  }
  // A self-nominee still waiting for signatures after a counted submission is short of them.
  const lastSubmission = c.signatureSubmissions.at(-1);
  if (c.status === 'AwaitingSignatures' && lastSubmission !== undefined) {
    notices.push({
      ...base,
      id: `${c.caseId}:short:${lastSubmission}`,
      at: c.lastEntry.at,
      code: 'SIGNATURES_SHORT',
      details: { candidate, deadline: waitDeadline('signatures', election, c), timeZone: zone },
      to: ['candidate', 'commission'],
    });
  }
  for (const decided of ['registration-decision', 'cancellation'] as const) {
    const decision = c.decisions[decided];
    if (decision === undefined) continue;
    notices.push({
      ...base,
      id: `${c.caseId}:decided:${decided}:${decision.at}`,
      at: decision.at,
      code: 'CASE_DECIDED',
      details: { step: decided, outcome: decision.outcome, candidate, timeZone: zone },
      to: toldOfDecisions(c),
    });
  }
  return notices;
}

/**
 * The instants at which a wait of the election enters its last 48 hours: one for each step's deadline, for a
 * case filed before the planned close and for one filed during an extension. None once registration closed.
 */
export function warningHoursOf(election: Election): Instant[] {
  if (election.phase === 'RegistrationClosed') return [];
  const filings = [{ filedAt: election.createdAt }, { filedAt: election.calendar.nominationClosesAt }];
  const hours = waitingSteps.flatMap((step) =>
    filings.map((filed) => warningHourOf(waitDeadline(step, election, filed))),
  );
  return [...new Set(hours)].sort();
}

/**
 * Whether a DEADLINE_NEAR fell due at its hour (the case already waited then): the deadline sweep publishes
 * these. One that fell due later, when the case began to wait inside the 48 hours, is published with that change.
 */
export function dueAtWarningHour(notice: DerivedNotice): boolean {
  const { deadline } = notice.details;
  return (
    notice.code === 'DEADLINE_NEAR' && typeof deadline === 'string' && notice.at === warningHourOf(deadline)
  );
}

/** Whether the reader may read the case at all (the rule of `requireCaseReader`). */
function readsCase(caller: Reader, election: Election, c: NominationCase): boolean {
  const inDistrict =
    (caller.role === 'commission' || caller.role === 'akimat') && caller.district === election.district;
  return inDistrict || isOwnCase(caller, c);
}

/** Which notices a reader is told: those to its role (or to everyone) about what it may read. */
function reaches(caller: Reader, notice: DerivedNotice): boolean {
  return notice.to.includes('public') || notice.to.includes(caller.role);
}

/**
 * The reader's notices across the given elections and their cases, newest first, each marked unread when it
 * became due after `readUpTo` (null: nothing read yet). Notices due after `now` are not shown.
 */
export function inboxFor(
  caller: Reader,
  sources: readonly InboxSource[],
  now: Instant,
  read: Instant | { readonly readUpTo: Instant; readonly seenAtMark?: ReadonlySet<string> } | null,
): InboxNotice[] {
  const mark = typeof read === 'string' ? { readUpTo: read } : read;
  const isRead = (notice: Pick<DerivedNotice, 'id' | 'at'>) => {
    if (mark === null || isBefore(mark.readUpTo, notice.at)) return false;
    // At the mark's very instant, only what the reader saw there, when it said what it saw.
    if (Date.parse(mark.readUpTo) === Date.parse(notice.at) && mark.seenAtMark !== undefined)
      return mark.seenAtMark.has(notice.id);
    return true;
  };
  const notices: DerivedNotice[] = [];
  for (const { election, cases } of sources) {
    notices.push(...electionNoticesOf(election).filter((notice) => reaches(caller, notice)));
    for (const c of cases) {
      if (!readsCase(caller, election, c)) continue;
      notices.push(...caseNoticesOf(election, c, now).filter((notice) => notice.to.includes(caller.role)));
    }
  }
  const zones = new Map(sources.map(({ election }) => [election.electionId, timeZoneOf(election.rules)]));
  return notices
    .filter((notice) => !isBefore(now, notice.at))
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : isBefore(a.at, b.at) ? 1 : -1))
    .map(({ to: _to, partyId: _partyId, ...notice }) => ({
      ...notice,
      message: localizeNotice(notice, zones.get(notice.electionId) ?? 'UTC'),
      unread: !isRead(notice),
    }));
}

/** Whether an election is still in the inbox's reach at `today` (its local date): until some weeks after its day. */
export function inboxKeeps(election: Election, today: string): boolean {
  const until = new Date(`${election.electionDay}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + INBOX_KEEPS_DAYS_AFTER_ELECTION);
  return today <= until.toISOString().slice(0, 10);
}
