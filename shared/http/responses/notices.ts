import * as z from 'zod';
import { ElectoralUnitSchema } from '../../domain/election.ts';
import { DistrictCodeSchema } from '../../domain/kato.ts';
import { InstantResponseSchema } from './instant.ts';
import { LocalizedTextSchema } from './localized-text.ts';

const InboxNoticeResponseSchema = z.strictObject({
  id: z.string().describe('The same on every reading: a desk can tell which notices it has shown'),
  at: InstantResponseSchema,
  electionId: z.string(),
  caseId: z.string().nullable().describe('Null for a notice of the election itself'),
  code: z.string().describe('Stable: the kind of notice (e.g. CASE_WAITING_FOR_YOU, DEADLINE_NEAR)'),
  details: z.record(z.string(), z.unknown()),
  message: LocalizedTextSchema.nullable().describe('Null for a code this version does not know'),
  unread: z.boolean(),
});

/** listNotices' answer: the account's inbox, newest first, and how many it has not read. */
export const NoticesResponseSchema = z.strictObject({
  district: DistrictCodeSchema,
  readUpTo: InstantResponseSchema.nullable(),
  unread: z.int().min(0),
  notices: z.array(InboxNoticeResponseSchema),
});

/** markNoticesRead's answer: how far the account has now read. */
export const ReadMarkResponseSchema = z.strictObject({ readUpTo: InstantResponseSchema });

/**
 * What markNoticesRead takes: read up to this instant (never later than the engine's now), and which notices of
 * exactly that instant the reader has seen: one that comes to light later at the same instant (a clock standing
 * still, as the manual one does) stays unread. Without `seen`, every notice of that instant is read.
 */
export const MarkNoticesReadSchema = z.strictObject({
  upTo: z.iso.datetime({ offset: true }),
  seen: z
    .array(z.string().min(1).max(300))
    .min(1)
    .max(200)
    .optional()
    .describe('The ids of the notices at exactly `upTo` the reader has seen'),
});

const ElectionSummarySchema = z.strictObject({
  electionId: z.string(),
  unit: ElectoralUnitSchema,
  electionDay: z.iso.date(),
  phase: z.string(),
  timeZone: z.string(),
  nominationClosesAt: InstantResponseSchema,
  registrationClosesAt: InstantResponseSchema,
});

/** listElections' answer: a district's elections, by election day. */
export const ElectionsResponseSchema = z.strictObject({
  district: DistrictCodeSchema,
  elections: z.array(ElectionSummarySchema),
});
