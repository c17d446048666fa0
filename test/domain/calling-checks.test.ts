import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { electionView } from '../../shared/domain/election-view.ts';
import { localize, localizeNotice } from '../../shared/domain/error-catalogue.ts';
import {
  callingCheck,
  callingChecks,
  earlyEndCallingCheck,
  oneMonthAfter,
  votingCheck,
} from '../../shared/domain/legal-clocks.ts';
import { addDays } from '../../shared/domain/local-date.ts';
import { callingCheckMessages } from '../../shared/domain/messages/calling-checks.ts';
import { anElection } from '../support/elections.ts';
import { messageProblems } from '../support/message-language.ts';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));

describe('the vote at least 10 days before the incumbent’s term ends (CLE 113-1 p.2)', () => {
  it('is met on the 10th day before the term’s end and not the day after, with a warning in three languages', () => {
    const onTime = votingCheck({
      electionDay: '2026-03-15',
      incumbentTermEndsOn: '2026-03-25',
      incumbentPowersEndedOn: null,
    });
    expect(onTime).toMatchObject({ status: 'met', latestElectionDay: '2026-03-15', warning: null });
    const late = votingCheck({
      electionDay: '2026-03-15',
      incumbentTermEndsOn: '2026-03-24',
      incumbentPowersEndedOn: null,
    });
    expect(late).toMatchObject({
      check: 'vote-before-term-ends',
      status: 'not-met',
      ground: 'CLE 113-1 p.2',
      latestElectionDay: '2026-03-14',
    });
    expect(late.warning?.ru).toContain('не позднее 14 марта 2026 г.');
    expect(late.warning?.ru).toContain('15 марта 2026 г.');
    expect(late.warning?.kk).toContain('2026 жылғы 24 наурызда');
    expect(late.warning?.en).toContain('by 14 March 2026');
  });

  it('is met exactly when 10 days or more separate election day from the term’s end', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -30, max: 60 }), (electionDay, daysAhead) => {
        const check = votingCheck({
          electionDay,
          incumbentTermEndsOn: addDays(electionDay, daysAhead),
          incumbentPowersEndedOn: null,
        });
        expect(check.status === 'met').toBe(daysAhead >= 10);
        expect(check.warning === null).toBe(daysAhead >= 10);
      }),
    );
  });

  it('says unknown without the term’s end', () => {
    expect(
      votingCheck({ electionDay: '2026-03-15', incumbentTermEndsOn: null, incumbentPowersEndedOn: null }),
    ).toMatchObject({ status: 'unknown', warning: null, latestElectionDay: null });
  });
});

describe('calling within one month of powers ended early (CLE 113-1 p.3)', () => {
  it('counts a month to the same day of the next month, or its last day', () => {
    expect(oneMonthAfter('2026-01-15')).toBe('2026-02-15');
    expect(oneMonthAfter('2026-01-31')).toBe('2026-02-28');
    expect(oneMonthAfter('2028-01-31')).toBe('2028-02-29');
    expect(oneMonthAfter('2026-12-20')).toBe('2027-01-20');
    fc.assert(
      fc.property(day, (date) => {
        const later = oneMonthAfter(date);
        // Always later, by 28 to 31 days, and on the same day of the month unless that month is shorter.
        const gap = (Date.parse(later) - Date.parse(date)) / 86_400_000;
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(31);
        expect(later.slice(8) === date.slice(8) || Number(later.slice(8)) < Number(date.slice(8))).toBe(true);
      }),
    );
  });

  it('is met on the last day of the month and not the day after, with a warning naming the three dates', () => {
    const onTime = earlyEndCallingCheck({ calledOn: '2026-02-10', incumbentPowersEndedOn: '2026-01-10' });
    expect(onTime).toMatchObject({ status: 'met', latestCallOn: '2026-02-10', warning: null });
    const late = earlyEndCallingCheck({ calledOn: '2026-02-11', incumbentPowersEndedOn: '2026-01-10' });
    expect(late).toMatchObject({
      check: 'called-after-early-end',
      status: 'not-met',
      ground: 'CLE 113-1 p.3',
      powersEndedOn: '2026-01-10',
      latestCallOn: '2026-02-10',
    });
    expect(late.warning?.ru).toContain('досрочно 10 января 2026 г.');
    expect(late.warning?.ru).toContain('не позднее 10 февраля 2026 г.');
    expect(late.warning?.ru).toContain('назначены 11 февраля 2026 г.');
  });

  it('says unknown when the powers did not end early', () => {
    expect(earlyEndCallingCheck({ calledOn: '2026-02-11', incumbentPowersEndedOn: null })).toMatchObject({
      status: 'unknown',
      warning: null,
    });
  });

  it('sets the term-end checks aside once the powers ended early: no term runs to its end any more', () => {
    const dates = {
      calledOn: '2026-02-04',
      electionDay: '2026-03-15',
      incumbentTermEndsOn: '2026-03-10',
      incumbentPowersEndedOn: '2026-01-20',
    };
    expect(callingChecks(dates).map((c) => [c.check, c.status])).toEqual([
      ['called-before-term-ends', 'not-applicable'],
      ['vote-before-term-ends', 'not-applicable'],
      ['called-after-early-end', 'met'],
    ]);
    expect(callingChecks(dates).every((c) => c.warning === null)).toBe(true);
    // Without the early end, the same term's end fails both.
    const regular = callingChecks({ ...dates, incumbentPowersEndedOn: null });
    expect(regular.map((c) => c.status)).toEqual(['not-met', 'not-met', 'unknown']);
    expect(callingCheck(dates).status).toBe('not-applicable');
  });
});

describe('the election as called and read', () => {
  it('calls a late election all the same, with a notice to the commission for each check not met', () => {
    const late = anElection({ incumbentPowersEndedOn: '2025-12-20' });
    expect(late.incumbentPowersEndedOn).toBe('2025-12-20');
    expect(late.notices).toEqual([
      {
        at: '2026-02-04T06:00:00.000Z',
        to: 'commission',
        code: 'ELECTION_CALLED_LATE_AFTER_EARLY_END',
        details: { powersEndedOn: '2025-12-20', latestCallOn: '2026-01-20', calledOn: '2026-02-04' },
      },
    ]);
    const view = electionView(late);
    expect(view.callingChecks).toContainEqual(
      expect.objectContaining({ check: 'called-after-early-end', status: 'not-met' }),
    );
    expect(view.notices[0]?.message?.kk).toContain('2025 жылғы 20 желтоқсанда');
  });

  it('tells nothing when every check is met or unknown', () => {
    expect(anElection({ incumbentTermEndsOn: '2026-06-30' }).notices).toEqual([]);
    expect(anElection({ incumbentPowersEndedOn: '2026-01-10' }).notices).toEqual([]);
    expect(anElection().notices).toEqual([]);
    expect(electionView(anElection()).callingChecks.map((c) => c.status)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('says each new notice whole in kk, ru and en, dates in words', () => {
    const details = {
      termEndsOn: '2026-03-24',
      latestElectionDay: '2026-03-14',
      electionDay: '2026-03-15',
      powersEndedOn: '2026-01-10',
      latestCallOn: '2026-02-10',
      calledOn: '2026-02-11',
    };
    for (const code of Object.keys(callingCheckMessages) as (keyof typeof callingCheckMessages)[]) {
      expect(messageProblems(localize(code, details)), code).toEqual([]);
      expect(localizeNotice({ code, details }, 'Asia/Almaty')).toEqual(localize(code, { ...details }));
    }
  });
});
