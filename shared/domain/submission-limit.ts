import * as z from 'zod';
import { SubmissionLimitReachedError } from './errors.ts';
import { type LocalDate, LocalDateSchema } from './local-date.ts';

/** How many signature submissions a case has taken on one local day. */
export const SubmissionsOfDaySchema = z.strictObject({ on: LocalDateSchema, count: z.int().min(1) });
export type SubmissionsOfDay = z.infer<typeof SubmissionsOfDaySchema>;

/**
 * Takes one of the day's submissions for a case, or refuses once `limit` are taken [D: the election's
 * `signatureSubmissionsPerDay`]. Taken before the lines are counted, so a refused submission changes nothing,
 * and a submission that then fails still uses its place: the bound holds whatever happens after.
 */
export function takeSubmission(
  taken: SubmissionsOfDay | null,
  today: LocalDate,
  limit: number,
): SubmissionsOfDay {
  // Sheets handed in on an earlier day (a job read after midnight) are past that day's bound, whose count is
  // no longer kept: they take no place, and the later day's count stays as it is.
  if (taken !== null && taken.on > today) return taken;
  const count = taken?.on === today ? taken.count : 0;
  if (count >= limit) throw new SubmissionLimitReachedError(limit, today);
  return { on: today, count: count + 1 };
}
