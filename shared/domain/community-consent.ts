import * as z from 'zod';
import type { ElectionRules } from './election-rules.ts';
import type { ErrorCode } from './error-catalogue.ts';
import { daysBetween, type LocalDate, LocalDateSchema } from './local-date.ts';
import { issueParams } from './validation.ts';

/** LGA 39-3 p.8: the meeting's members are notified at least 3 calendar days before it. */
export const CONSENT_NOTICE_DAYS = 3;

/**
 * The local community meeting's decision on the district akim's candidate (LGA 39-3 p.3 sub.4-3),
 * recorded with date, protocol number, notice, attendance and votes [D].
 */
export const CommunityConsentSchema = z
  .strictObject({
    meetingDate: LocalDateSchema,
    protocolNumber: z.string().trim().min(1).max(50),
    members: z.int().min(1).max(100_000),
    membersNotifiedOn: LocalDateSchema,
    attendance: z.int().min(0),
    votesFor: z.int().min(0),
    votesAgainst: z.int().min(0),
    abstained: z.int().min(0),
  })
  .superRefine((record, ctx) => {
    if (record.attendance > record.members) {
      ctx.addIssue({
        code: 'custom',
        path: ['attendance'],
        message: 'over',
        ...issueParams('ATTENDANCE_EXCEEDS_MEMBERS'),
      });
    }
    if (record.votesFor + record.votesAgainst + record.abstained > record.attendance) {
      ctx.addIssue({
        code: 'custom',
        path: ['votesFor'],
        message: 'over',
        ...issueParams('VOTES_EXCEED_ATTENDANCE'),
      });
    }
    if (record.membersNotifiedOn > record.meetingDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['membersNotifiedOn'],
        message: 'after meeting',
        ...issueParams('CONSENT_NOTICE_TOO_SHORT', { minimumDays: CONSENT_NOTICE_DAYS }),
      });
    }
  });
export type CommunityConsent = z.infer<typeof CommunityConsentSchema>;

export interface ConsentFinding {
  readonly code: Extract<
    ErrorCode,
    | 'CONSENT_NOTICE_TOO_SHORT'
    | 'CONSENT_NOTICE_BEFORE_CLOSE'
    | 'CONSENT_QUORUM_NOT_MET'
    | 'CONSENT_MAJORITY_NOT_REACHED'
  >;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ConsentAssessment {
  readonly agreed: boolean;
  readonly findings: readonly ConsentFinding[];
}

/** Where the meeting stands in the election's calendar: the local date nomination closed as planned. */
export interface ConsentContext {
  readonly nominationClosedOn: LocalDate;
}

/**
 * Whether the meeting validly agreed: notice given in time [L], after the close that showed the akim may need a
 * candidate [D], a quorum present and a majority of those present for [D: shares configurable]. Any finding
 * means the candidate was not agreed.
 */
export function assessCommunityConsent(
  record: CommunityConsent,
  rules: ElectionRules,
  context: ConsentContext,
): ConsentAssessment {
  const findings: ConsentFinding[] = [];
  if (daysBetween(record.membersNotifiedOn, record.meetingDate) < CONSENT_NOTICE_DAYS) {
    findings.push({ code: 'CONSENT_NOTICE_TOO_SHORT', details: { minimumDays: CONSENT_NOTICE_DAYS } });
  }
  // The law's order [D]: the akim learns at the close that fewer than two are nominated (CLE 113-3 p.6), then calls
  // the meeting; a notice before the planned close convened it before anything showed it was needed.
  if (record.membersNotifiedOn < context.nominationClosedOn) {
    findings.push({
      code: 'CONSENT_NOTICE_BEFORE_CLOSE',
      details: { closedOn: context.nominationClosedOn },
    });
  }
  const quorum = quorumOf(record.members, rules.communityMeetingQuorumShare);
  if (record.attendance < quorum) {
    findings.push({
      code: 'CONSENT_QUORUM_NOT_MET',
      details: { attendance: record.attendance, required: quorum },
    });
  }
  const majority = majorityOf(record.attendance, rules.communityMeetingMajorityShare);
  if (record.votesFor < majority) {
    findings.push({
      code: 'CONSENT_MAJORITY_NOT_REACHED',
      details: { votesFor: record.votesFor, attendance: record.attendance, required: majority },
    });
  }
  return { agreed: findings.length === 0, findings };
}

/** The fewest members present that are at least `share` of the members [D: `communityMeetingQuorumShare`]. */
export function quorumOf(members: number, share: number): number {
  // Counted in millionths of a member so that a share like 0.56 is exact: 25 × 0.56 is 14, not 14.000000000000002.
  return Math.ceil(Math.round(members * share * 1_000_000) / 1_000_000);
}

/** The fewest votes that are more than `share` of those present [D: `communityMeetingMajorityShare`]. */
export function majorityOf(attendance: number, share: number): number {
  // Counted in whole hundredths of a vote so that a share like 0.6 is exact: 10 present × 0.6 = 6, so 7 are needed.
  return Math.floor(Math.round(attendance * share * 100) / 100) + 1;
}
