import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import * as z from 'zod';
import { CaseStatusSchema } from './case-lifecycle.ts';
import { InstantSchema } from './local-date.ts';

/**
 * A case's audit trail is a hash chain: each event names the one before it by id and hash, and the case
 * names the last one (its head). Changing, removing or inserting any event breaks a link that anyone holding
 * the events can recompute offline (`npm run verify-evidence`).
 */

/** Who did something: a role and a non-personal id (a district code, a party id, a user id, or the engine). */
export const ActorSchema = z.strictObject({
  role: z.enum(['commission', 'akimat', 'party', 'candidate', 'engine']),
  id: z.string().min(1).max(200),
});
export type Actor = z.infer<typeof ActorSchema>;

/** One entry of the audit trail as the domain writes it: who, what, when, from which status to which. */
export const TrailEntrySchema = z.strictObject({
  /** The entry's place in the trail: 1 for the filing, then one more per entry. */
  seq: z.int().min(1),
  /** The case's version once the change this entry records is stored. */
  version: z.int().min(1),
  at: InstantSchema,
  actor: ActorSchema,
  event: z.string(),
  from: CaseStatusSchema.nullable(),
  to: CaseStatusSchema,
  note: z.record(z.string(), z.unknown()).optional(),
});
export type TrailEntry = z.infer<typeof TrailEntrySchema>;

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A reference to one stored event: its place, its id (that of the case write committing it), its hash. */
export const TrailLinkSchema = z.strictObject({
  seq: z.int().min(1),
  eventId: z.string().min(1).max(64),
  hash: HashSchema,
});
export type TrailLink = z.infer<typeof TrailLinkSchema>;

/** An event as stored and as handed out: the entry, the case it belongs to, its link to the one before, its hash. */
export const TrailEventSchema = z.strictObject({
  caseId: z.string().min(1),
  electionId: z.string().min(1),
  ...TrailEntrySchema.shape,
  eventId: z.string().min(1).max(64),
  /** SHA-256 of the case as this change left it, what only changes with an entry (`case-substance.ts`). */
  recordDigest: HashSchema,
  /** The event before this one; null only for the first. */
  prev: TrailLinkSchema.nullable(),
  hash: HashSchema,
});
export type TrailEvent = z.infer<typeof TrailEventSchema>;

/**
 * SHA-256 of the event's canonical JSON (RFC 8785) without its own hash: the same bytes whatever the order of
 * keys, so a verifier in another language gets the same digest.
 */
export function eventHash(event: Omit<TrailEvent, 'hash'> | TrailEvent): string {
  const { hash: _ignored, ...content } = event as TrailEvent;
  const text = canonicalize(content);
  if (text === undefined) throw new Error('An event always has a canonical form');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The event that stores `entry` after `prev` (null for the first), vouching for the case's `recordDigest`. */
export function chainEvent(
  ids: { readonly caseId: string; readonly electionId: string },
  entry: TrailEntry,
  eventId: string,
  prev: TrailLink | null,
  recordDigest: string,
): TrailEvent {
  const content = { caseId: ids.caseId, electionId: ids.electionId, ...entry, eventId, recordDigest, prev };
  return { ...content, hash: eventHash(content) };
}

/** The link by which the next event, or the case, names `event`. */
export function linkTo(event: TrailEvent): TrailLink {
  return { seq: event.seq, eventId: event.eventId, hash: event.hash };
}
