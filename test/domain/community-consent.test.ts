import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessCommunityConsent,
  type CommunityConsent,
  CommunityConsentSchema,
  majorityOf,
  quorumOf,
} from '../../shared/domain/community-consent.ts';
import { ElectionRulesSchema } from '../../shared/domain/election-rules.ts';
import { toFieldIssues } from '../../shared/domain/validation.ts';

const rules = ElectionRulesSchema.parse({});
/** The fixture election's planned close of nomination: 2026-02-17 18:00 local. */
const closedAtFixture = { nominationClosedOn: '2026-02-17' };
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
    expect(assessCommunityConsent(agreedMeeting, rules, closedAtFixture)).toEqual({
      agreed: true,
      findings: [],
    });
  });

  it('is not valid when members were notified less than 3 days ahead', () => {
    const result = assessCommunityConsent(
      { ...agreedMeeting, membersNotifiedOn: '2026-02-18' },
      rules,
      closedAtFixture,
    );
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
        closedAtFixture,
      ).findings,
    ).toEqual([{ code: 'CONSENT_QUORUM_NOT_MET', details: { attendance: 19, required: 20 } }]);
    const twoThirds = ElectionRulesSchema.parse({ communityMeetingQuorumShare: 2 / 3 });
    expect(assessCommunityConsent(agreedMeeting, twoThirds, closedAtFixture).agreed).toBe(false);
  });

  it('needs more than half of those present to vote for', () => {
    const tie = { ...agreedMeeting, votesFor: 12, votesAgainst: 12, abstained: 1 };
    expect(assessCommunityConsent(tie, rules, closedAtFixture).findings.map((f) => f.code)).toEqual([
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

describe('the meeting’s majority as a reported rule [D]', () => {
  it('needs more than the configured share of those present: 2/3 refuses 16 of 24, agrees with 17', () => {
    const twoThirds = ElectionRulesSchema.parse({ communityMeetingMajorityShare: 2 / 3 });
    const meeting = { ...agreedMeeting, attendance: 24, votesAgainst: 8, abstained: 0 };
    expect(assessCommunityConsent({ ...meeting, votesFor: 16 }, twoThirds, closedAtFixture).findings).toEqual(
      [{ code: 'CONSENT_MAJORITY_NOT_REACHED', details: { votesFor: 16, attendance: 24, required: 17 } }],
    );
    expect(
      assessCommunityConsent({ ...meeting, votesFor: 17, votesAgainst: 7 }, twoThirds, closedAtFixture),
    ).toEqual({
      agreed: true,
      findings: [],
    });
    // The same 16 of 24 is a majority under the default.
    expect(assessCommunityConsent({ ...meeting, votesFor: 16 }, rules, closedAtFixture).agreed).toBe(true);
  });

  it('refuses a share below half: a minority never agrees for the meeting', () => {
    expect(ElectionRulesSchema.safeParse({ communityMeetingMajorityShare: 0.4 }).success).toBe(false);
    expect(ElectionRulesSchema.safeParse({ communityMeetingMajorityShare: 1 }).success).toBe(false);
  });

  it('takes as quorum the fewest members present that are at least the share of the members, exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100 }),
        (members, percent) => {
          // In integers: needed × 100 ≥ percent × members, and one fewer is not (25 members at 56%: 14).
          const needed = quorumOf(members, percent / 100);
          expect(100 * needed >= percent * members && 100 * (needed - 1) < percent * members).toBe(true);
        },
      ),
    );
    expect(quorumOf(25, 0.56)).toBe(14);
  });

  it('takes as majority the fewest votes that are more than the share of those present', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(0.5, 0.6, 2 / 3, 0.75, 0.9),
        (attendance, share) => {
          const needed = majorityOf(attendance, share);
          // Exact in integers: needed / attendance > share, and one vote fewer is not.
          const hundredths = Math.round(share * 300) === 200 ? null : Math.round(share * 100);
          if (hundredths === null) {
            expect(3 * needed > 2 * attendance && 3 * (needed - 1) <= 2 * attendance).toBe(true);
          } else {
            expect(
              100 * needed > hundredths * attendance && 100 * (needed - 1) <= hundredths * attendance,
            ).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the notice in the law’s order: the close, then the notice (CLE 113-3 p.6) [D]', () => {
  it('refuses consent when members were notified before nomination closed as planned', () => {
    const early = { ...agreedMeeting, membersNotifiedOn: '2026-02-16' };
    expect(assessCommunityConsent(early, rules, closedAtFixture)).toEqual({
      agreed: false,
      findings: [{ code: 'CONSENT_NOTICE_BEFORE_CLOSE', details: { closedOn: '2026-02-17' } }],
    });
  });

  it('accepts a notice on the very day of the close, the earliest the akim can know', () => {
    expect(
      assessCommunityConsent({ ...agreedMeeting, membersNotifiedOn: '2026-02-17' }, rules, closedAtFixture)
        .agreed,
    ).toBe(true);
  });
});
