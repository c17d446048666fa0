import { describe, expect, it } from 'vitest';
import { regionOf } from '../../shared/domain/kato.ts';
import {
  fixedOffsetZone,
  isIanaTimeZone,
  kazakhstanRegions,
  timeZoneOfRegion,
} from '../../shared/domain/time-zones.ts';

/** The UTC offset Intl gives for `zone` at `instant`, e.g. "GMT+06:00": the oracle, independent of the module. */
function offsetIn(zone: string, instant: string): string | undefined {
  return new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
}

const western = ['15', '23', '27', '47'];

describe('the time zone of each region of Kazakhstan (domain reference §3)', () => {
  it('knows the twenty KATO regions, each with a zone Intl knows', () => {
    expect(Object.keys(kazakhstanRegions).sort()).toEqual(
      [
        '10',
        '11',
        '15',
        '19',
        '23',
        '27',
        '31',
        '33',
        '35',
        '39',
        '43',
        '47',
        '55',
        '59',
        '61',
        '62',
        '63',
        '71',
        '75',
        '79',
      ].sort(),
    );
    const known = new Set(Intl.supportedValuesOf('timeZone'));
    for (const [region, { timeZone }] of Object.entries(kazakhstanRegions)) {
      expect(known.has(timeZone), `${region}: ${timeZone}`).toBe(true);
      expect(timeZoneOfRegion(region)).toBe(timeZone);
    }
  });

  it('gives the western regions, Kyzylorda and Kostanay their own zones, all others Asia/Almaty', () => {
    expect(timeZoneOfRegion('15')).toBe('Asia/Aqtobe');
    expect(timeZoneOfRegion('23')).toBe('Asia/Atyrau');
    expect(timeZoneOfRegion('27')).toBe('Asia/Oral');
    expect(timeZoneOfRegion('47')).toBe('Asia/Aqtau');
    expect(timeZoneOfRegion('43')).toBe('Asia/Qyzylorda');
    expect(timeZoneOfRegion('39')).toBe('Asia/Qostanay');
    for (const region of [
      '10',
      '11',
      '19',
      '31',
      '33',
      '35',
      '55',
      '59',
      '61',
      '62',
      '63',
      '71',
      '75',
      '79',
    ]) {
      expect(timeZoneOfRegion(region), region).toBe('Asia/Almaty');
    }
  });

  it('keeps each region’s clock history: UTC+5 in the west, UTC+6 elsewhere, UTC+5 everywhere from 1 March 2024', () => {
    for (const [region, { timeZone }] of Object.entries(kazakhstanRegions)) {
      const before2019 = western.includes(region) ? 'GMT+05:00' : 'GMT+06:00';
      const in2021 = western.includes(region) || region === '43' ? 'GMT+05:00' : 'GMT+06:00';
      expect(offsetIn(timeZone, '2018-07-01T12:00:00Z'), region).toBe(before2019);
      expect(offsetIn(timeZone, '2021-07-09T12:00:00Z'), region).toBe(in2021);
      expect(offsetIn(timeZone, '2024-02-29T12:00:00Z'), region).toBe(in2021);
      expect(offsetIn(timeZone, '2024-03-02T12:00:00Z'), region).toBe('GMT+05:00');
    }
  });

  it('knows no zone for a region KATO does not have', () => {
    for (const region of ['00', '28', '51', '99', '1', '195']) expect(timeZoneOfRegion(region)).toBeNull();
    expect(timeZoneOfRegion('__proto__')).toBeNull();
    expect(timeZoneOfRegion('toString')).toBeNull();
  });

  it('reads the region from the first two digits of a KATO code', () => {
    expect(regionOf('195230100')).toBe('19');
    expect(regionOf('231010100')).toBe('23');
  });

  it('accepts IANA zone names only, not fixed offsets or zones Intl does not know', () => {
    expect(isIanaTimeZone('Asia/Almaty')).toBe(true);
    expect(isIanaTimeZone('asia/almaty')).toBe(true);
    for (const value of ['+06:00', '-05:00', '', 'Mars/Olympus', 'Asia/Almaty ', 'x'.repeat(10_000)]) {
      expect(isIanaTimeZone(value), value.slice(0, 20)).toBe(false);
    }
  });

  it('writes a fixed offset as the zone Intl takes for it', () => {
    expect(fixedOffsetZone(300)).toBe('+05:00');
    expect(fixedOffsetZone(360)).toBe('+06:00');
    expect(fixedOffsetZone(-210)).toBe('-03:30');
    expect(fixedOffsetZone(0)).toBe('+00:00');
    expect(fixedOffsetZone(840)).toBe('+14:00');
    expect(fixedOffsetZone(-720)).toBe('-12:00');
    expect(offsetIn(fixedOffsetZone(345), '2024-01-01T00:00:00Z')).toBe('GMT+05:45');
  });
});
