import * as z from 'zod';
import type { TimeZone } from './local-date.ts';
import { issueParams } from './validation.ts';

/**
 * Local time is a legal fact of the date and the region [L, domain reference §3]: until 1 March 2024 most
 * regions kept UTC+6 and the western ones UTC+5 (Kyzylorda from 21 December 2018); since then the whole
 * country keeps UTC+5. The IANA time zone database holds exactly this history, so each region names its
 * zone and Intl gives the offset of any date; no offset is written here.
 */
export interface Region {
  readonly name: string;
  readonly timeZone: TimeZone;
}

/** The regions by KATO region code, the first two digits of a unit's code (see `regionOf`). */
export const kazakhstanRegions: Readonly<Record<string, Region>> = {
  '10': { name: 'Abai region', timeZone: 'Asia/Almaty' },
  '11': { name: 'Akmola region', timeZone: 'Asia/Almaty' },
  '15': { name: 'Aktobe region', timeZone: 'Asia/Aqtobe' },
  '19': { name: 'Almaty region', timeZone: 'Asia/Almaty' },
  '23': { name: 'Atyrau region', timeZone: 'Asia/Atyrau' },
  '27': { name: 'West Kazakhstan region', timeZone: 'Asia/Oral' },
  '31': { name: 'Zhambyl region', timeZone: 'Asia/Almaty' },
  '33': { name: 'Zhetisu region', timeZone: 'Asia/Almaty' },
  '35': { name: 'Karaganda region', timeZone: 'Asia/Almaty' },
  '39': { name: 'Kostanay region', timeZone: 'Asia/Qostanay' },
  '43': { name: 'Kyzylorda region', timeZone: 'Asia/Qyzylorda' },
  '47': { name: 'Mangystau region', timeZone: 'Asia/Aqtau' },
  '55': { name: 'Pavlodar region', timeZone: 'Asia/Almaty' },
  '59': { name: 'North Kazakhstan region', timeZone: 'Asia/Almaty' },
  '61': { name: 'Turkistan region', timeZone: 'Asia/Almaty' },
  '62': { name: 'Ulytau region', timeZone: 'Asia/Almaty' },
  '63': { name: 'East Kazakhstan region', timeZone: 'Asia/Almaty' },
  '71': { name: 'Astana', timeZone: 'Asia/Almaty' },
  '75': { name: 'Almaty', timeZone: 'Asia/Almaty' },
  '79': { name: 'Shymkent', timeZone: 'Asia/Almaty' },
};

/** The region with this KATO region code, or null where KATO has none. */
function regionByCode(region: string): Region | null {
  return Object.hasOwn(kazakhstanRegions, region) ? (kazakhstanRegions[region] ?? null) : null;
}

/** The IANA zone of a region, or null where KATO has no such region. */
export function timeZoneOfRegion(region: string): TimeZone | null {
  return regionByCode(region)?.timeZone ?? null;
}

/** Why a region's zone is the default: the report shows it beside the value. */
export function regionTimeZoneBasis(region: string): string {
  const known = regionByCode(region);
  if (known === null) return `KATO region ${region} is not known to the product`;
  return (
    `Local time is a legal fact of the date and the region [L]: the unit is in KATO region ${region} ` +
    `(${known.name}), whose clocks the IANA time zone database keeps as ${known.timeZone} with every ` +
    'change of offset (one UTC+5 for all Kazakhstan since 1 March 2024); each deadline is counted in ' +
    'the offset of its own date'
  );
}

/** A fixed offset as Intl takes it for a zone: +05:00 for 300 minutes ahead of UTC. */
export function fixedOffsetZone(utcOffsetMinutes: number): TimeZone {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** IANA zone names run to a few dozen characters; a longer value is not one and is not handed to Intl. */
const ZONE_NAME_MAX = 64;

let listedZones: ReadonlySet<string> | undefined;

/** The zones Intl lists, as it spells them: a stored zone is one, and is checked without building a formatter. */
function isListedZone(value: string): boolean {
  listedZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return listedZones.has(value);
}

/**
 * A zone name Intl knows. Fixed offsets are refused here: a zone is named so that its history of offsets
 * applies, and a fixed offset has its own rule (`utcOffsetMinutes`).
 */
export function isIanaTimeZone(value: string): boolean {
  if (isListedZone(value)) return true;
  if (value.length === 0 || value.length > ZONE_NAME_MAX || /^[+-]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA zone name, in the spelling Intl gives it (asia/almaty → Asia/Almaty). */
export const IanaTimeZoneSchema = z
  .string()
  .refine(isIanaTimeZone, issueParams('TIME_ZONE_UNKNOWN'))
  .transform((value) =>
    isListedZone(value)
      ? value
      : new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone,
  );
