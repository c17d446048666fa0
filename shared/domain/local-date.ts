import { z } from 'zod';

/**
 * Calendar dates (YYYY-MM-DD, a day in Kazakhstan) and instants (ISO-8601 UTC, `...Z`).
 * The law counts in local calendar days and local clock times; storage and clocks use instants.
 * Arithmetic goes through Date.UTC so that no machine time zone can shift a day.
 */
export const LocalDateSchema = z.iso.date();
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** An instant, normalised to UTC milliseconds form so that string order is time order. */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());
export type Instant = string;

export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export type LocalTime = z.infer<typeof LocalTimeSchema>;

const DAY_MS = 86_400_000;

function dateToUtcMs(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? Number.NaN, (m ?? Number.NaN) - 1, d ?? Number.NaN);
}

function utcMsToDate(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** The instant at which the local clock, `utcOffsetMinutes` ahead of UTC, shows `time` on `date`. */
export function atLocalTime(date: LocalDate, time: LocalTime, utcOffsetMinutes: number): Instant {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new Date(dateToUtcMs(date) + (hours * 60 + minutes - utcOffsetMinutes) * 60_000).toISOString();
}

/** The local calendar date at `instant`. */
export function localDateOf(instant: Instant, utcOffsetMinutes: number): LocalDate {
  return utcMsToDate(Date.parse(instant) + utcOffsetMinutes * 60_000);
}

export function addDaysToInstant(instant: Instant, days: number): Instant {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

export function isBefore(a: Instant, b: Instant): boolean {
  return Date.parse(a) < Date.parse(b);
}

/** Age in whole years on `on`; someone born on 29 February comes of age on 1 March in common years. */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [oy = 0, om = 0, od = 0] = on.split('-').map(Number);
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}
