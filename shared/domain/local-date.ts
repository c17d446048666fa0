import * as z from 'zod';

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

/**
 * Where local times are counted: an IANA zone name (Asia/Almaty) or a fixed offset (+05:00), as Intl takes it.
 * A named zone carries its history, so the offset used is the one in force on the date in question.
 */
export type TimeZone = string;

const wallClocks = new Map<TimeZone, Intl.DateTimeFormat>();

/** Formatting is the one door Intl opens onto a zone's offsets; a formatter per zone is built once. */
function wallClockFormat(timeZone: TimeZone): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** What the clocks in `timeZone` show at `epochMs` (whole seconds), as the UTC milliseconds of that reading. */
function wallClockMs(epochMs: number, timeZone: TimeZone): number {
  const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const parts = wallClockFormat(timeZone).formatToParts(epochMs);
  return Date.UTC(
    part(parts, 'year'),
    part(parts, 'month') - 1,
    part(parts, 'day'),
    part(parts, 'hour'),
    part(parts, 'minute'),
    part(parts, 'second'),
  );
}

function offsetMsAt(epochMs: number, timeZone: TimeZone): number {
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return wallClockMs(wholeSeconds, timeZone) - wholeSeconds;
}

/**
 * The instant at which the clocks in `timeZone` show `time` on `date`, in the offset in force then.
 * Around a change of offset a reading can occur twice (clocks set back) or never (clocks set forward):
 * the earlier of two counts, and a skipped reading counts at the end of the gap, as Temporal's
 * 'compatible' choice does.
 */
export function atZonedTime(date: LocalDate, time: LocalTime, timeZone: TimeZone): Instant {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = dateToUtcMs(date) + (hours * 60 + minutes) * 60_000;
  // A reading lies next to at most one change of offset: the offsets a day either side are its candidates.
  const offsetBefore = offsetMsAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(wall + DAY_MS, timeZone);
  const showing = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => wallClockMs(instant, timeZone) === wall,
  );
  const instant = showing.length > 0 ? Math.min(...showing) : wall - offsetBefore;
  return new Date(instant).toISOString();
}

/**
 * What the clocks in `timeZone` show at `instant`, as a Date whose UTC fields are that reading; null for an
 * instant or a zone Intl does not take (a message still has to say something).
 */
export function wallClockAt(instant: string, timeZone: string): Date | null {
  const epochMs = Date.parse(instant);
  if (Number.isNaN(epochMs)) return null;
  try {
    return new Date(wallClockMs(epochMs, timeZone));
  } catch {
    return null;
  }
}

/** The calendar date the clocks in `timeZone` show at `instant`. */
export function localDateOf(instant: Instant, timeZone: TimeZone): LocalDate {
  return utcMsToDate(wallClockMs(Date.parse(instant), timeZone));
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
