import * as z from 'zod';
import { TrailEventSchema, TrailLinkSchema } from './case-trail.ts';
import { NominationCaseSchema } from './nomination-case.ts';
import { RecordedSignatureLineSchema } from './signature-record.ts';

/**
 * A case's evidence pack: everything needed to prove its trail offline. A sequence of pages, each pinned to the
 * same head (the last event the case named when page 1 was read): the case as stored on page 1, then every event
 * the head reaches in seq order, then every recorded signature line, across as many pages as it takes.
 * As a file it is NDJSON, one page a line (`npm run evidence`); `npm run verify-evidence` proves it.
 */
export const EVIDENCE_FORMAT = 'akim-nominations/evidence@1';

export const EvidencePageSchema = z.strictObject({
  format: z.literal(EVIDENCE_FORMAT),
  electionId: z.string().min(1),
  caseId: z.string().min(1),
  /** 1 for the first page, then one more per page. */
  page: z.int().min(1),
  /** The link the whole pack is pinned to, the same on every page. */
  head: TrailLinkSchema,
  /** The case as stored when page 1 was read: on page 1 only. */
  record: NominationCaseSchema.optional(),
  events: z.array(TrailEventSchema),
  signatureLines: z.array(RecordedSignatureLineSchema),
  /** What to ask for the next page with (`?cursor=`); null on the last page. */
  next: z.string().min(1).nullable(),
});
export type EvidencePage = z.infer<typeof EvidencePageSchema>;

/**
 * The pages of a pack file, unchecked: NDJSON (one page a line), a JSON array of pages, or one page object.
 * Throws a SyntaxError naming the first line that is not JSON.
 */
export function pagesOfFile(text: string): unknown[] {
  const content = text.replace(/^\uFEFF/, '');
  try {
    const whole: unknown = JSON.parse(content);
    return Array.isArray(whole) ? whole : [whole];
  } catch {
    // Not one JSON document: one page a line.
  }
  return content.split(/\r?\n/).flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      throw new SyntaxError(`line ${index + 1} is not JSON`);
    }
  });
}
