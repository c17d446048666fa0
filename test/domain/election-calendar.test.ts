import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarRegimes } from '../../shared/domain/calendar-regimes.ts';
import { computeElectionCalendar, stepDeadline } from '../../shared/domain/election-calendar.ts';
import { type ElectionRulesInput, ElectionRulesSchema } from '../../shared/domain/election-rules.ts';
import { issueInWords } from '../../shared/domain/error-catalogue.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { addDays, daysBetween, localDateOf } from '../../shared/domain/local-date.ts';
import { kazakhstanRegions } from '../../shared/domain/time-zones.ts';
import { wallClock } from '../support/wall-clock.ts';

/** Rules as an election called in region 19 (Almaty region) has them: its zone settled. */
const almatyRules = (rules: ElectionRulesInput = {}) =>
  ElectionRulesSchema.parse({ timeZone: 'Asia/Almaty', ...rules });

describe('election calendar (domain reference §3)', () => {
  it('reproduces the 2021 calendar: D = 2021-07-25 → nomination closes 07-09 18:00, registration 07-14 18:00', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2021-07-25',
      calledOn: '2021-06-10',
      regime: calendarRegimes['kz-2021'],
      rules: almatyRules(),
    });
    // Almaty kept UTC+6 in 2021: 18:00 local is 12:00 UTC.
    expect(calendar.nominationClosesAt).toBe('2021-07-09T12:00:00.000Z');
    expect(calendar.registrationClosesAt).toBe('2021-07-14T12:00:00.000Z');
    expect(calendar.nominationOpensAt).toBe('2021-06-10T18:00:00.000Z');
    expect(calendar.extendedNominationClosesAt).toBe('2021-07-12T12:00:00.000Z');
  });

  it('closes the same 2021 election an hour later in UTC in Atyrau, which kept UTC+5', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2021-07-25',
      calledOn: '2021-06-10',
      regime: calendarRegimes['kz-2021'],
      rules: ElectionRulesSchema.parse({ timeZone: 'Asia/Atyrau' }),
    });
    expect(calendar.nominationClosesAt).toBe('2021-07-09T13:00:00.000Z');
    expect(calendar.registrationClosesAt).toBe('2021-07-14T13:00:00.000Z');
  });

  it('counts each deadline of a calendar spanning 1 March 2024 in the offset of its own date', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2024-03-24',
      calledOn: '2024-02-14',
      regime: calendarRegimes['kz-2023'],
      rules: almatyRules(),
    });
    expect(calendar).toEqual({
      nominationOpensAt: '2024-02-14T18:00:00.000Z', // 2024-02-15 00:00 at UTC+6
      nominationClosesAt: '2024-02-27T12:00:00.000Z', // D−26 18:00 at UTC+6
      extendedNominationClosesAt: '2024-03-01T13:00:00.000Z', // three days on, 18:00 at UTC+5
      registrationClosesAt: '2024-03-03T13:00:00.000Z', // D−21 18:00 at UTC+5
      additionalCandidateClosesAt: '2024-03-03T13:00:00.000Z',
      withdrawalClosesAt: '2024-03-23T13:00:00.000Z',
      electionDayStartsAt: '2024-03-23T19:00:00.000Z', // 2024-03-24 00:00 at UTC+5
    });
  });

  it('counts in the fixed offset an election configures instead of a zone', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2024-03-24',
      calledOn: '2024-02-14',
      regime: calendarRegimes['kz-2023'],
      rules: ElectionRulesSchema.parse({ utcOffsetMinutes: 360 }),
    });
    expect(calendar.nominationClosesAt).toBe('2024-02-27T12:00:00.000Z');
    expect(calendar.registrationClosesAt).toBe('2024-03-03T12:00:00.000Z');
  });

  it('puts the 2023+ deadlines at D−26 and D−21, 18:00 in UTC+5', () => {
    const calendar = computeElectionCalendar({
      electionDay: '2026-03-15',
      calledOn: '2026-02-04',
      regime: calendarRegimes['kz-2023'],
      rules: almatyRules(),
    });
    expect(calendar.nominationClosesAt).toBe('2026-02-17T13:00:00.000Z');
    expect(calendar.registrationClosesAt).toBe('2026-02-22T13:00:00.000Z');
    expect(calendar.additionalCandidateClosesAt).toBe(calendar.registrationClosesAt);
    expect(calendar.withdrawalClosesAt).toBe('2026-03-14T13:00:00.000Z');
  });

  it('refuses to count rules whose time zone was never settled', () => {
    expect(() =>
      computeElectionCalendar({
        electionDay: '2026-03-15',
        calledOn: '2026-02-04',
        regime: calendarRegimes['kz-2023'],
        rules: ElectionRulesSchema.parse({}),
      }),
    ).toThrow(/time zone/);
  });

  it('refuses an extension longer than the regime allows', () => {
    const call = () =>
      computeElectionCalendar({
        electionDay: '2026-03-15',
        calledOn: '2026-02-04',
        regime: calendarRegimes['kz-2023'],
        rules: almatyRules({ extensionDays: 6 }),
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
        rules: almatyRules(),
      }),
    ).toThrowError(expect.objectContaining({ issues: [expect.objectContaining({ field: 'calledOn' })] }));
  });

  it('gives party confirmation and signatures the extended close when nomination was extended', () => {
    const election = {
      electionDay: '2026-03-15',
      regime: calendarRegimes['kz-2023'],
      rules: almatyRules(),
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
  const dayArb = (min: string, max: string) =>
    fc
      .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  const zoneArb = fc.constantFrom(...Object.values(kazakhstanRegions).map((region) => region.timeZone));

  it('puts every deadline at 18:00 local on its date, in any region, for any election day 2019–2030', () => {
    fc.assert(
      fc.property(
        dayArb('2019-01-01', '2030-12-31'),
        regimeArb,
        zoneArb,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 30, max: 60 }),
        fc.integer({ min: 20, max: 30 }),
        (electionDay, regime, timeZone, extensionDays, calledDaysBefore, stepDaysBefore) => {
          const days = Math.max(stepDaysBefore, regime.nominationClosesDaysBefore);
          const election = {
            electionDay,
            regime,
            rules: ElectionRulesSchema.parse({
              timeZone,
              extensionDays,
              partyConfirmationDueDaysBefore: days,
              withdrawalClosesDaysBefore: 1,
            }),
          };
          const calendar = computeElectionCalendar({
            ...election,
            calledOn: addDays(electionDay, -calledDaysBefore),
          });
          const at = (daysBefore: number, time: string) =>
            `${addDays(electionDay, -(daysBefore + 1))} ${time}`;

          expect(wallClock(calendar.nominationClosesAt, timeZone)).toBe(
            at(regime.nominationClosesDaysBefore, '18:00'),
          );
          expect(wallClock(calendar.extendedNominationClosesAt, timeZone)).toBe(
            at(regime.nominationClosesDaysBefore - extensionDays, '18:00'),
          );
          expect(wallClock(calendar.registrationClosesAt, timeZone)).toBe(
            at(regime.registrationClosesDaysBefore, '18:00'),
          );
          expect(wallClock(calendar.additionalCandidateClosesAt, timeZone)).toBe(
            at(regime.registrationClosesDaysBefore, '18:00'),
          );
          expect(wallClock(calendar.withdrawalClosesAt, timeZone)).toBe(at(1, '18:00'));
          expect(wallClock(stepDeadline('party-confirmation', election, calendar, true), timeZone)).toBe(
            at(days, '18:00'),
          );
          expect(wallClock(calendar.nominationOpensAt, timeZone)).toBe(
            `${addDays(electionDay, 1 - calledDaysBefore)} 00:00`,
          );
          expect(wallClock(calendar.electionDayStartsAt, timeZone)).toBe(`${electionDay} 00:00`);
        },
      ),
    );
  });

  it('never puts a deadline after election day, whatever the day, regime and rules', () => {
    fc.assert(
      fc.property(
        dayArb('2021-06-01', '2040-12-31'),
        regimeArb,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 30, max: 60 }),
        fc.oneof(
          zoneArb.map((timeZone) => ({ timeZone })),
          fc.constantFrom(300, 360).map((utcOffsetMinutes) => ({ utcOffsetMinutes })),
        ),
        (electionDay, regime, extensionDays, calledDaysBefore, zone) => {
          const calendar = computeElectionCalendar({
            electionDay,
            calledOn: addDays(electionDay, -calledDaysBefore),
            regime,
            rules: ElectionRulesSchema.parse({ extensionDays, ...zone }),
          });
          const timeZone =
            'timeZone' in zone ? zone.timeZone : zone.utcOffsetMinutes === 300 ? '+05:00' : '+06:00';
          const { electionDayStartsAt, ...deadlines } = calendar;
          for (const instant of Object.values(deadlines)) {
            expect(Date.parse(instant)).toBeLessThan(Date.parse(electionDayStartsAt));
            expect(localDateOf(instant, timeZone) < electionDay).toBe(true);
          }
        },
      ),
    );
  });

  it('never extends nomination beyond the regime limit, nor into the akimat’s window', () => {
    fc.assert(
      fc.property(
        dayArb('2021-06-01', '2040-12-31'),
        regimeArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (electionDay, regime, extensionDays, windowMinDays) => {
          const input = {
            electionDay,
            calledOn: addDays(electionDay, -45),
            regime,
            rules: almatyRules({ extensionDays, additionalCandidateWindowMinDays: windowMinDays }),
          };
          const gap = regime.nominationClosesDaysBefore - regime.registrationClosesDaysBefore;
          if (extensionDays > regime.extensionMaxDays || gap - extensionDays < windowMinDays) {
            expect(() => computeElectionCalendar(input)).toThrow(ValidationError);
            return;
          }
          const calendar = computeElectionCalendar(input);
          const windowDays = daysBetween(
            localDateOf(calendar.extendedNominationClosesAt, 'Asia/Almaty'),
            localDateOf(calendar.additionalCandidateClosesAt, 'Asia/Almaty'),
          );
          expect(windowDays).toBeGreaterThanOrEqual(windowMinDays);
          const extendedBy = daysBetween(
            localDateOf(calendar.nominationClosesAt, 'Asia/Almaty'),
            localDateOf(calendar.extendedNominationClosesAt, 'Asia/Almaty'),
          );
          expect(extendedBy).toBe(extensionDays);
          expect(extendedBy).toBeLessThanOrEqual(regime.extensionMaxDays);
          expect(Date.parse(calendar.extendedNominationClosesAt)).toBeLessThanOrEqual(
            Date.parse(calendar.registrationClosesAt),
          );
        },
      ),
    );
  });
});

describe('the district akim’s window against the extension and the meeting’s notice (CLE 113-3 p.6, LGA 39-3 p.8)', () => {
  const call = (regime: keyof typeof calendarRegimes, rules: ElectionRulesInput) => () =>
    computeElectionCalendar({
      electionDay: '2021-07-25',
      calledOn: '2021-06-10',
      regime: calendarRegimes[regime],
      rules: almatyRules(rules),
    });
  const issuesOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof ValidationError) return error.issues;
    }
    throw new Error('expected a refusal');
  };

  it('refuses the 2021 regime’s 5-day extension, which would end at registration close, naming the longest that fits', () => {
    const [issue, ...others] = issuesOf(call('kz-2021', { extensionDays: 5 }));
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      field: 'rules.extensionDays',
      code: 'ADDITIONAL_CANDIDATE_WINDOW_TOO_SHORT',
    });
    expect((issue && issueInWords(issue))?.message.en).toContain('at most 4 days');
    expect((issue && issueInWords(issue))?.message.ru).toContain('не более 4 дней');
  });

  it('accepts 4 days in 2021, leaving the akimat one whole day, and a longer window asked for refuses it', () => {
    const calendar = call('kz-2021', { extensionDays: 4 })();
    expect(calendar.extendedNominationClosesAt).toBe('2021-07-13T12:00:00.000Z');
    expect(calendar.additionalCandidateClosesAt).toBe('2021-07-14T12:00:00.000Z');
    expect(issuesOf(call('kz-2021', { extensionDays: 4, additionalCandidateWindowMinDays: 2 }))).toEqual([
      expect.objectContaining({
        field: 'rules.extensionDays',
        code: 'ADDITIONAL_CANDIDATE_WINDOW_TOO_SHORT',
      }),
    ]);
  });

  it('with the defaults, in both regimes, a meeting noticed at the planned close can sit before the window ends', () => {
    for (const regime of ['kz-2021', 'kz-2023'] as const) {
      const calendar = call(regime, {})();
      const closedOn = localDateOf(calendar.nominationClosesAt, 'Asia/Almaty');
      const windowEndsOn = localDateOf(calendar.additionalCandidateClosesAt, 'Asia/Almaty');
      // Notice on the day of the close, the meeting 3 days later, the proposal and decision before the window ends.
      expect(addDays(closedOn, 3) <= windowEndsOn).toBe(true);
      expect(
        daysBetween(localDateOf(calendar.extendedNominationClosesAt, 'Asia/Almaty'), windowEndsOn),
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a window ending too soon after the planned close for the meeting’s 3 days’ notice', () => {
    // kz-2023 closes nomination 25 days before; a window ending 23 days before leaves 2 days.
    expect(
      issuesOf(() =>
        computeElectionCalendar({
          electionDay: '2026-03-15',
          calledOn: '2026-02-04',
          regime: calendarRegimes['kz-2023'],
          rules: almatyRules({ extensionDays: 0, additionalCandidateClosesDaysBefore: 23 }),
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        field: 'rules.additionalCandidateClosesDaysBefore',
        code: 'ADDITIONAL_CANDIDATE_NOTICE_DOES_NOT_FIT',
      }),
    ]);
  });

  it('names the window’s end, not the extension, when even no extension leaves too little', () => {
    expect(
      issuesOf(() =>
        computeElectionCalendar({
          electionDay: '2026-03-15',
          calledOn: '2026-02-04',
          regime: calendarRegimes['kz-2023'],
          rules: almatyRules({ extensionDays: 0, additionalCandidateClosesDaysBefore: 25 }),
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        field: 'rules.additionalCandidateClosesDaysBefore',
        code: 'ADDITIONAL_CANDIDATE_WINDOW_TOO_SHORT',
      }),
      expect.objectContaining({
        field: 'rules.additionalCandidateClosesDaysBefore',
        code: 'ADDITIONAL_CANDIDATE_NOTICE_DOES_NOT_FIT',
      }),
    ]);
  });
});
