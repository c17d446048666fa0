import { describe, expect, it } from 'vitest';
import {
  assessCommunityConsent,
  type CommunityConsent,
  CommunityConsentSchema,
} from '../../shared/domain/community-consent.ts';
import { ElectionRulesSchema } from '../../shared/domain/election-rules.ts';
import { toFieldIssues } from '../../shared/domain/validation.ts';

const rules = ElectionRulesSchema.parse({});
const agreedMeeting: CommunityConsent = {
  meetingDate: '2026-02-20',
  protocolNumber: '3',
  members: 40,
  membersNotifiedOn: '2026-02-17',
  attendance: 25,
  votesFor: 18,
  votesAgainst: 5,
  abstained: 2,
};

describe('consent of the local community meeting (LGA 39-3)', () => {
  it('agrees with notice 3 days ahead, a quorum and a majority of those present', () => {
    expect(assessCommunityConsent(agreedMeeting, rules)).toEqual({ agreed: true, findings: [] });
  });

  it('is not valid when members were notified less than 3 days ahead', () => {
    const result = assessCommunityConsent({ ...agreedMeeting, membersNotifiedOn: '2026-02-18' }, rules);
    expect(result).toEqual({
      agreed: false,
      findings: [{ code: 'CONSENT_NOTICE_TOO_SHORT', details: { minimumDays: 3 } }],
    });
  });

  it('needs half the members present by default, and a configurable share', () => {
    expect(
      assessCommunityConsent(
        { ...agreedMeeting, attendance: 19, votesFor: 15, votesAgainst: 4, abstained: 0 },
        rules,
      ).findings,
    ).toEqual([{ code: 'CONSENT_QUORUM_NOT_MET', details: { attendance: 19, required: 20 } }]);
    const twoThirds = ElectionRulesSchema.parse({ communityMeetingQuorumShare: 2 / 3 });
    expect(assessCommunityConsent(agreedMeeting, twoThirds).agreed).toBe(false);
  });

  it('needs more than half of those present to vote for', () => {
    const tie = { ...agreedMeeting, votesFor: 12, votesAgainst: 12, abstained: 1 };
    expect(assessCommunityConsent(tie, rules).findings.map((f) => f.code)).toEqual([
      'CONSENT_MAJORITY_NOT_REACHED',
    ]);
  });

  it('refuses a record with more votes than people present, or more present than members', () => {
    const result = CommunityConsentSchema.safeParse({ ...agreedMeeting, attendance: 41, votesFor: 42 });
    if (result.success) throw new Error('expected a refusal');
    expect(toFieldIssues(result.error).map((i) => [i.field, i.code])).toEqual([
      ['attendance', 'ATTENDANCE_EXCEEDS_MEMBERS'],
      ['votesFor', 'VOTES_EXCEED_ATTENDANCE'],
    ]);
  });
});
