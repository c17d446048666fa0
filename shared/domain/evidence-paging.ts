import * as z from 'zod';
import { type TrailEvent, type TrailLink, TrailLinkSchema } from './case-trail.ts';
import { ValidationError } from './errors.ts';
import { EVIDENCE_FORMAT, type EvidencePage } from './evidence-pack.ts';
import type { NominationCase } from './nomination-case.ts';
import type { RecordedSignatureLine } from './signature-record.ts';

export interface EvidencePageLimits {
  readonly events: number;
  readonly lines: number;
  /** The most a page may weigh in the answer of the Lambda that serves it, in UTF-8 bytes. */
  readonly bytes: number;
}

/**
 * What one page of evidence may hold. Lambda answers at most 6 MB (6,291,456 bytes), and its answer carries the
 * body as a JSON string, so a page is weighed as it travels there (what is left of the limit covers the answer's
 * status and headers). The counts bound a page of the longest Cyrillic lines at about 3.2 MB; the bytes bound
 * what the counts cannot: a control character in a line takes seven bytes there.
 */
export const evidencePageLimits: EvidencePageLimits = { events: 500, lines: 1_000, bytes: 6_000_000 };

/** The longest cursor a page hands out (its JSON is a few hundred bytes): longer ones are refused unread. */
const MAX_CURSOR_CHARS = 2_000;

const LinePlaceSchema = z.strictObject({
  submissionId: z.string().min(1).max(64),
  sheet: z.int().min(1).max(9999),
  line: z.int().min(1).max(999),
});
type LinePlace = z.infer<typeof LinePlaceSchema>;

/**
 * Where the next page starts: the head page 1 was pinned to, so that every page walks the same trail however the
 * case moves on meanwhile; the last event given (by seq) and the last line given (by its key).
 */
export const EvidenceCursorSchema = z
  .strictObject({
    electionId: z.string().min(1).max(64),
    caseId: z.string().min(1).max(64),
    head: TrailLinkSchema,
    page: z.int().min(2).max(1_000_000),
    afterSeq: z.int().min(0),
    afterLine: LinePlaceSchema.nullable(),
  })
  .refine((cursor) => cursor.afterSeq <= cursor.head.seq);
export type EvidenceCursor = z.infer<typeof EvidenceCursorSchema>;

/** Opaque to clients: base64url of the cursor's JSON. */
export function encodeCursor(cursor: EvidenceCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): EvidenceCursor | null {
  if (text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = EvidenceCursorSchema.safeParse(
      JSON.parse(Buffer.from(text, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A cursor that is malformed, or was not handed out for this case. */
export function cursorRefused(): ValidationError {
  return new ValidationError([{ field: 'cursor', code: 'EVIDENCE_CURSOR_INVALID' }]);
}

/** The cursor a request gives for the case it names; null for page 1. */
export function readCursor(
  text: string | undefined,
  ids: { readonly electionId: string; readonly caseId: string },
): EvidenceCursor | null {
  if (text === undefined) return null;
  const cursor = decodeCursor(text);
  if (cursor === null || cursor.electionId !== ids.electionId || cursor.caseId !== ids.caseId) {
    throw cursorRefused();
  }
  return cursor;
}

/** What the next page is made of: what is left after the cursor, read from storage. */
export interface PageSource {
  readonly electionId: string;
  readonly caseId: string;
  readonly page: number;
  readonly head: TrailLink;
  /** The case as stored, with the head: given on page 1 only. */
  readonly record: NominationCase | null;
  /** The events the head reaches that no earlier page gave, oldest first. */
  readonly events: readonly TrailEvent[];
  /** Where `lines` start: after this line, or from the first when null. */
  readonly afterLine: LinePlace | null;
  /** Lines in key order from `afterLine`, and whether storage holds more; null when they were not read. */
  readonly lines: { readonly lines: readonly RecordedSignatureLine[]; readonly more: boolean } | null;
}

const encoder = new TextEncoder();
/** What `value` weighs inside Lambda's answer: its JSON, escaped again as part of the body's string. */
const answerBytes = (value: unknown): number =>
  encoder.encode(JSON.stringify(JSON.stringify(value))).byteLength - 2;

/** Takes items in order while the count and the bytes allow; one at least on a page that holds nothing yet. */
function takeWithin<T>(items: readonly T[], max: number, room: { bytes: number; empty: boolean }): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (taken.length === max) break;
    // The comma before it included.
    const bytes = answerBytes(item) + 1;
    if (bytes > room.bytes && !room.empty) break;
    taken.push(item);
    room.bytes -= bytes;
    room.empty = false;
  }
  return taken;
}

/** The next page of a pack: events first, then lines, within the limits; `next` says where the one after starts. */
export function evidencePage(
  source: PageSource,
  limits: EvidencePageLimits = evidencePageLimits,
): EvidencePage {
  const { electionId, caseId, page, head } = source;
  const envelope = {
    format: EVIDENCE_FORMAT,
    electionId,
    caseId,
    page,
    head,
    ...(source.record === null ? {} : { record: source.record }),
  } as const;
  const room = {
    bytes:
      limits.bytes -
      answerBytes({ ...envelope, events: [], signatureLines: [], next: null }) -
      MAX_CURSOR_CHARS,
    empty: source.record === null,
  };
  const events = takeWithin(source.events, limits.events, room);
  const eventsDone = events.length === source.events.length;
  const lines = eventsDone && source.lines !== null ? takeWithin(source.lines.lines, limits.lines, room) : [];
  const linesDone = source.lines !== null && lines.length === source.lines.lines.length && !source.lines.more;
  const lastLine = lines.at(-1);
  const next: EvidenceCursor | null =
    eventsDone && linesDone
      ? null
      : {
          electionId,
          caseId,
          head,
          page: page + 1,
          afterSeq: eventsDone ? head.seq : (events.at(-1)?.seq ?? (source.events[0]?.seq ?? 1) - 1),
          afterLine:
            lastLine === undefined
              ? source.afterLine
              : { submissionId: lastLine.submissionId, sheet: lastLine.sheet, line: lastLine.line },
        };
  return {
    ...envelope,
    events,
    signatureLines: lines,
    next: next === null ? null : encodeCursor(next),
  };
}
