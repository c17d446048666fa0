import * as z from 'zod';
import { LocalTimeSchema } from './local-date.ts';

/**
 * A calendar regime: how an election's deadlines follow from its election day D. Kept as data,
 * versioned by id, and chosen per election, because the offsets changed between 2021 and 2023
 * and will change again.
 *
 * Counting rule (domain reference §3, verified on four real calendars [I]):
 * "N days before the election" is the local date D − (N + 1) at the cut-off time.
 */
export const CalendarRegimeSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  basis: z.string(),
  /** Nomination closes "N days before" the election. */
  nominationClosesDaysBefore: z.int().min(1),
  /** Registration closes "N days before" the election. */
  registrationClosesDaysBefore: z.int().min(0),
  cutOffLocalTime: LocalTimeSchema,
  /**
   * Nomination is extended, by at most this many days, when fewer than `extendWhenFewerThan` are nominated; an
   * election's extension must also leave the akimat's window its minimum (`additionalCandidateWindowMinDays`).
   */
  extensionMaxDays: z.int().min(0),
  extendWhenFewerThan: z.int().min(1),
});
export type CalendarRegime = z.infer<typeof CalendarRegimeSchema>;

export const calendarRegimes = {
  'kz-2021': {
    id: 'kz-2021',
    title: 'First direct elections of rural akims (2021)',
    basis:
      'CLE as amended by Constitutional Law 24.05.2021 No. 41-VII [L]; calendar of 25.07.2021 [P]: ' +
      'nomination closes 15 days before (D−16 18:00), registration 10 days before (D−11 18:00); ' +
      'extension up to 5 days when fewer than two are nominated [P]; 5 would end it at registration close, leaving ' +
      'the district akim no time after it (CLE 113-3 p.6), so an election takes at most 4 [D: additionalCandidateWindowMinDays]',
    nominationClosesDaysBefore: 15,
    registrationClosesDaysBefore: 10,
    cutOffLocalTime: '18:00',
    extensionMaxDays: 5,
    extendWhenFewerThan: 2,
  },
  'kz-2023': {
    id: 'kz-2023',
    title: 'Regime seen from 2023',
    basis:
      'Calendars published from 2023 [I]: calling ≈ D−39, nomination closes D−26 18:00, ' +
      'registration D−21 18:00; the 2021 extension rule kept [I]',
    nominationClosesDaysBefore: 25,
    registrationClosesDaysBefore: 20,
    cutOffLocalTime: '18:00',
    extensionMaxDays: 5,
    extendWhenFewerThan: 2,
  },
} as const satisfies Record<string, CalendarRegime>;

export type CalendarRegimeId = keyof typeof calendarRegimes;
export const calendarRegimeIds = Object.keys(calendarRegimes) as [CalendarRegimeId, ...CalendarRegimeId[]];
export const CalendarRegimeIdSchema = z.enum(calendarRegimeIds);
