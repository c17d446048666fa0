import { describe, expect, it } from 'vitest';
import { addDays, ageOn, atLocalTime, daysBetween, localDateOf } from '../../shared/domain/local-date.ts';

describe('local dates and instants', () => {
  it('places 18:00 in Kazakhstan (UTC+5) at 13:00 UTC', () => {
    expect(atLocalTime('2025-07-09', '18:00', 300)).toBe('2025-07-09T13:00:00.000Z');
    expect(localDateOf('2025-07-09T19:30:00.000Z', 300)).toBe('2025-07-10');
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
