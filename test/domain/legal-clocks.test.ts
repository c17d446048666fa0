import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callingCheck, specialCheckClock } from '../../shared/domain/legal-clocks.ts';
import { addDays, daysBetween } from '../../shared/domain/local-date.ts';

describe('calling at least 40 days before the incumbent’s term ends (CLE 113-1 p.2)', () => {
  it('is met on the 40th day before, and not the day after, with a warning in all three languages', () => {
    const onTime = callingCheck({ calledOn: '2026-02-04', incumbentTermEndsOn: '2026-03-16' });
    expect(onTime).toMatchObject({ status: 'met', latestCallOn: '2026-02-04', warning: null });
    const late = callingCheck({ calledOn: '2026-02-05', incumbentTermEndsOn: '2026-03-16' });
    expect(late).toMatchObject({ status: 'not-met', ground: 'CLE 113-1 p.2', latestCallOn: '2026-02-04' });
    expect(late.warning?.ru).toContain('16 марта 2026 г.');
    expect(late.warning?.kk).toContain('2026 жылғы 4 ақпан');
    expect(late.warning?.en).toContain('4 February 2026');
  });

  it('says unknown, and warns of nothing, when the term’s end was not given', () => {
    expect(callingCheck({ calledOn: '2026-02-04', incumbentTermEndsOn: null })).toMatchObject({
      status: 'unknown',
      warning: null,
    });
  });

  it('is met exactly when 40 days or more separate calling from the term’s end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (daysAhead) => {
        const check = callingCheck({
          calledOn: '2026-01-10',
          incumbentTermEndsOn: addDays('2026-01-10', daysAhead),
        });
        expect(check.status === 'met').toBe(daysAhead >= 40);
        expect(check.warning === null).toBe(daysAhead >= 40);
      }),
    );
  });
});

describe('the special check’s 30 days from the documents’ receipt (Civil Service Law 19 p.1)', () => {
  it('counts 30 days from the filing day by default and warns while pending past registration close', () => {
    const clock = specialCheckClock({
      filedOn: '2026-02-06',
      receiptDaysAfterFiling: 0,
      pending: true,
      registrationClosesOn: '2026-02-22',
    });
    expect(clock).toMatchObject({ documentsReceivedOn: '2026-02-06', dueOn: '2026-03-08' });
    expect(clock.warning?.ru).toContain('8 марта 2026 г.');
    expect(clock.warning?.ru).toContain('22 февраля 2026 г.');
  });

  it('warns of nothing once the answer is in, or when it is due by registration close', () => {
    const base = { filedOn: '2026-01-10', receiptDaysAfterFiling: 2, registrationClosesOn: '2026-02-22' };
    expect(specialCheckClock({ ...base, pending: true })).toMatchObject({
      dueOn: '2026-02-11',
      warning: null,
    });
    expect(specialCheckClock({ ...base, filedOn: '2026-02-06', pending: false }).warning).toBeNull();
  });

  it('always gives the body 30 days from receipt, and warns exactly when they end after registration closes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), (daysBefore, receipt) => {
        const registrationClosesOn = '2026-02-22';
        const clock = specialCheckClock({
          filedOn: addDays(registrationClosesOn, -daysBefore),
          receiptDaysAfterFiling: receipt,
          pending: true,
          registrationClosesOn,
        });
        expect(daysBetween(clock.documentsReceivedOn, clock.dueOn)).toBe(30);
        expect(clock.warning !== null).toBe(clock.dueOn > registrationClosesOn);
      }),
    );
  });
});
