import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarRegimes } from '../../shared/domain/calendar-regimes.ts';
import { computeElectionCalendar, stepDeadline } from '../../shared/domain/election-calendar.ts';
import { ElectionRulesSchema } from '../../shared/domain/election-rules.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { addDays, localDateOf } from '../../shared/domain/local-date.ts';

const rules2021 = ElectionRulesSchema.parse({ utcOffsetMinutes: 360 });

describe('election calendar (domain reference §3)', () => {
  it('reproduces the 2021 calendar: D = 2021-07-25 → nomination closes 07-09 18:00, registration 07-14 18:00', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2021-07-25',
      calledOn: '2021-06-10',
      regime: calendarRegimes['kz-2021'],
      rules: rules2021,
    });
    // Almaty kept UTC+6 in 2021: 18:00 local is 12:00 UTC.
    expect(calendar.nominationClosesAt).toBe('2021-07-09T12:00:00.000Z');
    expect(calendar.registrationClosesAt).toBe('2021-07-14T12:00:00.000Z');
    expect(calendar.nominationOpensAt).toBe('2021-06-10T18:00:00.000Z');
    expect(calendar.extendedNominationClosesAt).toBe('2021-07-12T12:00:00.000Z');
  });

  it('puts the 2023+ deadlines at D−26 and D−21, 18:00 in UTC+5', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2026-03-15',
      calledOn: '2026-02-04',
      regime: calendarRegimes['kz-2023'],
      rules: ElectionRulesSchema.parse({}),
    });
    expect(calendar.nominationClosesAt).toBe('2026-02-17T13:00:00.000Z');
    expect(calendar.registrationClosesAt).toBe('2026-02-22T13:00:00.000Z');
    expect(calendar.additionalCandidateClosesAt).toBe(calendar.registrationClosesAt);
    expect(calendar.withdrawalClosesAt).toBe('2026-03-14T13:00:00.000Z');
  });

  it('refuses an extension longer than the regime allows', () => {
    const call = () =>
      computeElectionCalendar({
        electionDay: '2026-03-15',
        calledOn: '2026-02-04',
        regime: calendarRegimes['kz-2023'],
        rules: ElectionRulesSchema.parse({ extensionDays: 6 }),
      });
    expect(call).toThrow(ValidationError);
    expect(() => call()).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'rules.extensionDays', code: 'EXTENSION_OVER_LIMIT' })],
      }),
    );
  });

  it('refuses a calling date after nomination would close', () => {
    expect(() =>
      computeElectionCalendar({
        electionDay: '2026-03-15',
        calledOn: '2026-02-20',
        regime: calendarRegimes['kz-2023'],
        rules: ElectionRulesSchema.parse({}),
      }),
    ).toThrowError(expect.objectContaining({ issues: [expect.objectContaining({ field: 'calledOn' })] }));
  });

  it('gives party confirmation and signatures the extended close when nomination was extended', () => {
    const election = {
      electionDay: '2026-03-15',
      regime: calendarRegimes['kz-2023'],
      rules: ElectionRulesSchema.parse({}),
    };
    const calendar = computeElectionCalendar({ ...election, calledOn: '2026-02-04' });
    expect(stepDeadline('signatures', election, calendar, false)).toBe(calendar.nominationClosesAt);
    expect(stepDeadline('party-confirmation', election, calendar, true)).toBe(
      calendar.extendedNominationClosesAt,
    );
    expect(stepDeadline('registration-decision', election, calendar, true)).toBe(
      calendar.registrationClosesAt,
    );
  });

  const regimeArb = fc.constantFrom(...Object.values(calendarRegimes));
  const electionDayArb = fc
    .date({
      min: new Date('2021-06-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('never puts a deadline after election day, whatever the day, regime and rules', () => {
    fc.assert(
      fc.property(
        electionDayArb,
        regimeArb,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 30, max: 60 }),
        fc.constantFrom(300, 360),
        (electionDay, regime, extensionDays, calledDaysBefore, utcOffsetMinutes) => {
          const calendar = computeElectionCalendar({
            electionDay,
            calledOn: addDays(electionDay, -calledDaysBefore),
            regime,
            rules: ElectionRulesSchema.parse({ extensionDays, utcOffsetMinutes }),
          });
          const { electionDayStartsAt, ...deadlines } = calendar;
          for (const instant of Object.values(deadlines)) {
            expect(Date.parse(instant)).toBeLessThan(Date.parse(electionDayStartsAt));
            expect(localDateOf(instant, utcOffsetMinutes) < electionDay).toBe(true);
          }
        },
      ),
    );
  });

  it('never extends nomination beyond the regime limit, nor past registration close', () => {
    fc.assert(
      fc.property(
        electionDayArb,
        regimeArb,
        fc.integer({ min: 0, max: 30 }),
        (electionDay, regime, extensionDays) => {
          const input = {
            electionDay,
            calledOn: addDays(electionDay, -45),
            regime,
            rules: ElectionRulesSchema.parse({ extensionDays }),
          };
          if (extensionDays > regime.extensionMaxDays) {
            expect(() => computeElectionCalendar(input)).toThrow(ValidationError);
            return;
          }
          const calendar = computeElectionCalendar(input);
          const extendedBy =
            Date.parse(calendar.extendedNominationClosesAt) - Date.parse(calendar.nominationClosesAt);
          expect(extendedBy).toBeLessThanOrEqual(regime.extensionMaxDays * 86_400_000);
          expect(Date.parse(calendar.extendedNominationClosesAt)).toBeLessThanOrEqual(
            Date.parse(calendar.registrationClosesAt),
          );
        },
      ),
    );
  });
});
