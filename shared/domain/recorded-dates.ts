import { ValidationError } from './errors.ts';
import type { LocalDate } from './local-date.ts';

/**
 * A record states what has happened: a meeting held, a deposit paid. A date it gives after today (in the
 * election's zone) records a promise, and would let a step pass on the strength of it, so it is refused, each such
 * field named; nothing is written.
 */
export function requireNotAfterToday(
  dates: Readonly<Record<string, LocalDate | undefined>>,
  today: LocalDate,
): void {
  const issues = Object.entries(dates)
    .filter((entry): entry is [string, LocalDate] => entry[1] !== undefined && entry[1] > today)
    .map(([field, date]) => ({
      field,
      code: 'DATE_AFTER_TODAY' as const,
      details: { date, today },
    }));
  if (issues.length > 0) throw new ValidationError(issues);
}
