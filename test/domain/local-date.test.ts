import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, atZonedTime, daysBetween, localDateOf } from '../../shared/domain/local-date.ts';
import { kazakhstanRegions } from '../../shared/domain/time-zones.ts';
import { wallClock } from '../support/wall-clock.ts';

describe('local dates and instants', () => {
  it('places 18:00 in Almaty at 12:00 UTC in 2021 and at 13:00 UTC in 2025', () => {
    expect(atZonedTime('2021-07-09', '18:00', 'Asia/Almaty')).toBe('2021-07-09T12:00:00.000Z');
    expect(atZonedTime('2025-07-09', '18:00', 'Asia/Almaty')).toBe('2025-07-09T13:00:00.000Z');
    expect(atZonedTime('2021-07-09', '18:00', 'Asia/Atyrau')).toBe('2021-07-09T13:00:00.000Z');
    expect(localDateOf('2025-07-09T19:30:00.000Z', 'Asia/Almaty')).toBe('2025-07-10');
    expect(localDateOf('2021-07-09T18:30:00.000Z', 'Asia/Almaty')).toBe('2021-07-10');
    expect(localDateOf('2021-07-09T18:30:00.000Z', 'Asia/Atyrau')).toBe('2021-07-09');
  });

  it('follows Almaty across 1 March 2024, when its clocks went back from UTC+6 to UTC+5', () => {
    expect(atZonedTime('2024-02-29', '18:00', 'Asia/Almaty')).toBe('2024-02-29T12:00:00.000Z');
    expect(atZonedTime('2024-03-01', '18:00', 'Asia/Almaty')).toBe('2024-03-01T13:00:00.000Z');
    expect(atZonedTime('2024-03-01', '00:00', 'Asia/Almaty')).toBe('2024-02-29T19:00:00.000Z');
    // 23:30 on 29 February was shown twice, at UTC+6 and again at UTC+5: the earlier counts.
    expect(atZonedTime('2024-02-29', '23:30', 'Asia/Almaty')).toBe('2024-02-29T17:30:00.000Z');
    expect(localDateOf('2024-02-29T18:30:00.000Z', 'Asia/Almaty')).toBe('2024-02-29');
    expect(localDateOf('2024-02-29T19:00:00.000Z', 'Asia/Almaty')).toBe('2024-03-01');
  });

  it('takes a time the clocks skip at the end of the gap, as any zone with summer time needs', () => {
    // London went from 01:00 GMT to 02:00 BST on 31 March 2024: 01:30 never showed.
    expect(atZonedTime('2024-03-31', '01:30', 'Europe/London')).toBe('2024-03-31T01:30:00.000Z');
    expect(atZonedTime('2024-10-27', '01:30', 'Europe/London')).toBe('2024-10-27T00:30:00.000Z');
  });

  it('counts a fixed offset as a zone too', () => {
    expect(atZonedTime('2021-07-09', '18:00', '+06:00')).toBe('2021-07-09T12:00:00.000Z');
    expect(atZonedTime('2026-01-01', '00:00', '-03:30')).toBe('2026-01-01T03:30:00.000Z');
    expect(localDateOf('2026-01-01T03:29:00.000Z', '-03:30')).toBe('2025-12-31');
  });

  it('shows the asked date and time in the zone, for any date 2019–2030 in any region', () => {
    const zones = [...new Set(Object.values(kazakhstanRegions).map((region) => region.timeZone))];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2019-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (day, hours, minutes, zone) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
          const instant = atZonedTime(date, time, zone);
          expect(wallClock(instant, zone)).toBe(`${date} ${time}`);
          expect(localDateOf(instant, zone)).toBe(date);
        },
      ),
    );
  });

  it('counts days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-07-25', -16)).toBe('2021-07-09');
    expect(daysBetween('2021-07-09', '2021-07-25')).toBe(16);
  });

  it('comes of age on the birthday, and on 1 March for 29 February', () => {
    expect(ageOn('2000-07-10', '2018-07-09')).toBe(17);
    expect(ageOn('2000-07-10', '2018-07-10')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
  });
});
