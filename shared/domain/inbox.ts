import type { Caller } from '../auth/caller.ts';
import { isOwnCase } from '../auth/scope.ts';
import { waitingStepOf } from './case-lifecycle.ts';
import { whoDecides } from './case-views.ts';
import { waitDeadline } from './deadlines.ts';
import type { Election, ElectionNotice } from './election.ts';
import { timeZoneOf } from './election-rules.ts';
import { localizeNotice } from './error-catalogue.ts';
import type { LocalizedText } from './language.ts';
import { type Instant, isBefore } from './local-date.ts';
import type { NominationCase } from './nomination-case.ts';

/**
 * A person's inbox: what the engine has to tell the account reading it, derived from the elections and cases it
 * may read, so that nothing is stored twice and nothing can be missed by a lost write. The calendar's notices of
 * an election go to the bodies they name; a case tells whoever it waits for that it waits, and again when the
 * deadline is near; a candidate that their signatures are still short; a party or candidate what was decided.
 */
export const DEADLINE_NEAR_HOURS = 48;

/** Elections whose day passed longer ago than this leave the inbox: nothing about them is still to be done. */
export const INBOX_KEEPS_DAYS_AFTER_ELECTION = 60;

export interface InboxNotice {
  /** The same notice has the same id on every reading: a desk can tell which it has shown. */
  readonly id: string;
  readonly at: Instant;
  readonly electionId: string;
  readonly caseId: string | null;
  readonly code: string;
  readonly details: Record<string, unknown>;
  /** In words (kk/ru/en), moments in the election's local time; null for a code this version does not know. */
  readonly message: LocalizedText | null;
  readonly unread: boolean;
}

export interface InboxSource {
  readonly election: Election;
  readonly cases: readonly NominationCase[];
}

type Reader = Exclude<Caller, { role: 'public' }>;

/** Which of an election's notices a role reads: those to itself, and those to everyone. */
function electionNoticeReaches(notice: ElectionNotice, caller: Reader): boolean {
  return notice.to === 'public' || notice.to === caller.role;
}

/** Whether the reader may read the case at all (the rule of `requireCaseReader`). */
function readsCase(caller: Reader, election: Election, c: NominationCase): boolean {
  const inDistrict =
    (caller.role === 'commission' || caller.role === 'akimat') && caller.district === election.district;
  return inDistrict || isOwnCase(caller, c);
}

function hoursBefore(instant: Instant, hours: number): Instant {
  return new Date(Date.parse(instant) - hours * 3_600_000).toISOString();
}

/** What one case has to tell the reader, at `now`. */
function caseNotices(caller: Reader, election: Election, c: NominationCase, now: Instant) {
  const zone = timeZoneOf(election.rules);
  const candidate = c.filing.candidate.fullName;
  const notices: Omit<InboxNotice, 'message' | 'unread'>[] = [];
  const base = { electionId: election.electionId, caseId: c.caseId };
  const step = waitingStepOf(c.status);
  if (step !== null && whoDecides[step] === caller.role) {
    // Waiting since its execution stored the wait, or since the status began when that is still to come.
    const since = c.waitingFor?.since ?? c.lastEntry.at;
    const deadline = waitDeadline(step, election, c);
    const details = { step, candidate, deadline, timeZone: zone };
    notices.push({
      ...base,
      // A case waits for a step once, or again after a reinstatement: the id stays while the wait lasts.
      id: `${c.caseId}:waiting:${step}:${c.reinstatements?.length ?? 0}`,
      at: since,
      code: 'CASE_WAITING_FOR_YOU',
      details,
    });
    const near = hoursBefore(deadline, DEADLINE_NEAR_HOURS);
    if (!isBefore(now, near) && isBefore(now, deadline)) {
      notices.push({
        ...base,
        id: `${c.caseId}:near:${step}:${deadline}`,
        at: near,
        code: 'DEADLINE_NEAR',
        details,
      });
    }
  }
  // A self-nominee still waiting for signatures after a counted submission is short of them.
  const lastSubmission = c.signatureSubmissions.at(-1);
  if (
    c.status === 'AwaitingSignatures' &&
    lastSubmission !== undefined &&
    (caller.role === 'candidate' || caller.role === 'commission')
  ) {
    notices.push({
      ...base,
      id: `${c.caseId}:short:${lastSubmission}`,
      at: c.lastEntry.at,
      code: 'SIGNATURES_SHORT',
      details: { candidate, deadline: waitDeadline('signatures', election, c), timeZone: zone },
    });
  }
  // Decisions about the case reach its nominator and its candidate; the commission made them itself.
  if (caller.role === 'party' || caller.role === 'candidate' || caller.role === 'akimat') {
    for (const decided of ['registration-decision', 'cancellation'] as const) {
      const decision = c.decisions[decided];
      if (decision === undefined) continue;
      notices.push({
        ...base,
        id: `${c.caseId}:decided:${decided}:${decision.at}`,
        at: decision.at,
        code: 'CASE_DECIDED',
        details: { step: decided, outcome: decision.outcome, candidate, timeZone: zone },
      });
    }
  }
  return notices;
}

/**
 * The reader's notices across the given elections and their cases, newest first, each marked unread when it
 * came after `readUpTo` (null: nothing read yet). Notices dated after `now` (a deadline's warning not yet due)
 * are not shown.
 */
export function inboxFor(
  caller: Reader,
  sources: readonly InboxSource[],
  now: Instant,
  readUpTo: Instant | null,
): InboxNotice[] {
  const notices: Omit<InboxNotice, 'message' | 'unread'>[] = [];
  for (const { election, cases } of sources) {
    election.notices.forEach((notice, index) => {
      if (!electionNoticeReaches(notice, caller)) return;
      notices.push({
        id: `${election.electionId}:notice:${index}:${notice.code}`,
        at: notice.at,
        electionId: election.electionId,
        caseId: null,
        code: notice.code,
        details: notice.details,
      });
    });
    for (const c of cases) {
      if (readsCase(caller, election, c)) notices.push(...caseNotices(caller, election, c, now));
    }
  }
  const zones = new Map(sources.map(({ election }) => [election.electionId, timeZoneOf(election.rules)]));
  return notices
    .filter((notice) => !isBefore(now, notice.at))
    .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : isBefore(a.at, b.at) ? 1 : -1))
    .map((notice) => ({
      ...notice,
      message: localizeNotice(notice, zones.get(notice.electionId) ?? 'UTC'),
      unread: readUpTo === null || isBefore(readUpTo, notice.at),
    }));
}

/** Whether an election is still in the inbox's reach at `today` (its local date): until some weeks after its day. */
export function inboxKeeps(election: Election, today: string): boolean {
  const until = new Date(`${election.electionDay}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + INBOX_KEEPS_DAYS_AFTER_ELECTION);
  return today <= until.toISOString().slice(0, 10);
}
