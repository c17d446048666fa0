import { z } from 'zod';
import type { ElectionRules } from './election-rules.ts';
import type { ErrorCode } from './error-catalogue.ts';
import { daysBetween, LocalDateSchema } from './local-date.ts';
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
    'CONSENT_NOTICE_TOO_SHORT' | 'CONSENT_QUORUM_NOT_MET' | 'CONSENT_MAJORITY_NOT_REACHED'
  >;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ConsentAssessment {
  readonly agreed: boolean;
  readonly findings: readonly ConsentFinding[];
}

/**
 * Whether the meeting validly agreed: notice given in time [L], a quorum present and a majority of
 * those present for [D: shares configurable]. Any finding means the candidate was not agreed.
 */
export function assessCommunityConsent(record: CommunityConsent, rules: ElectionRules): ConsentAssessment {
  const findings: ConsentFinding[] = [];
  if (daysBetween(record.membersNotifiedOn, record.meetingDate) < CONSENT_NOTICE_DAYS) {
    findings.push({ code: 'CONSENT_NOTICE_TOO_SHORT', details: { minimumDays: CONSENT_NOTICE_DAYS } });
  }
  const quorum = Math.ceil(record.members * rules.communityMeetingQuorumShare);
  if (record.attendance < quorum) {
    findings.push({
      code: 'CONSENT_QUORUM_NOT_MET',
      details: { attendance: record.attendance, required: quorum },
    });
  }
  if (record.votesFor * 2 <= record.attendance) {
    findings.push({
      code: 'CONSENT_MAJORITY_NOT_REACHED',
      details: { votesFor: record.votesFor, attendance: record.attendance },
    });
  }
  return { agreed: findings.length === 0, findings };
}
