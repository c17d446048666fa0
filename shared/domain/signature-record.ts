import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import * as z from 'zod';
import { type Instant, InstantSchema, isBefore } from './local-date.ts';
import { SignatureCheckSchema } from './signature-sampling.ts';
import { type LineVerdict, type SignatureLine, SignatureLineSchema } from './signatures.ts';

/**
 * A signature line as recorded: what the sheet said, the submission it came in, and the verdict on it. Every
 * line of every submission is kept, a line refused as a repeat of an earlier one included, so the verdicts a
 * count was made from can be shown and checked afterwards.
 */
export const LinePlaceSchema = z.strictObject({
  sheet: z.int(),
  line: z.int(),
  submissionId: z.string().min(1).max(64).optional(),
});

export const RecordedSignatureLineSchema = z.strictObject({
  ...SignatureLineSchema.shape,
  submissionId: z.string().min(1).max(64),
  valid: z.boolean(),
  reason: z.string().nullable(),
  /** For a signer counted before (DUPLICATE_SIGNER): where. */
  firstCounted: LinePlaceSchema.optional(),
  /** Present (false) only on a line the check policy left unchecked: it has no verdict and counts nothing. */
  checked: z.literal(false).optional(),
});
export type RecordedSignatureLine = z.infer<typeof RecordedSignatureLineSchema>;

/** The lines of one submission as they are recorded, each with its verdict; a line without one as not checked. */
export function recordLines(
  submissionId: string,
  lines: readonly SignatureLine[],
  verdicts: readonly LineVerdict[],
): RecordedSignatureLine[] {
  const verdictAt = new Map(verdicts.map((v) => [`${v.sheet}/${v.line}`, v]));
  return lines.map((line) => {
    const verdict = verdictAt.get(`${line.sheet}/${line.line}`);
    const first = verdict !== undefined && !verdict.valid ? verdict.firstCounted : undefined;
    return {
      ...line,
      submissionId,
      valid: verdict?.valid ?? false,
      reason: verdict === undefined || verdict.valid ? null : verdict.reason,
      ...(first === undefined ? {} : { firstCounted: first }),
      ...(verdict === undefined ? { checked: false as const } : {}),
    };
  });
}

/**
 * SHA-256 over the canonical JSON (RFC 8785) of a submission's recorded lines in sheet and line order. The
 * case's trail names it on the event that counted the submission, so a line or verdict changed afterwards
 * no longer matches the trail.
 */
export function linesDigest(lines: readonly RecordedSignatureLine[]): string {
  const ordered = [...lines].sort((a, b) => a.sheet - b.sheet || a.line - b.line);
  const hash = createHash('sha256');
  for (const line of ordered) hash.update(`${canonicalize(line)}\n`, 'utf8');
  return hash.digest('hex');
}

/**
 * A submission is named by its content: the case and its lines, in sheet and line order. The same sheets sent
 * again are the same submission, and get its first verdict; a retry after a crash finds its own counted
 * signatures by this name.
 */
export function submissionIdOf(caseId: string, lines: readonly SignatureLine[]): string {
  const ordered = [...lines].sort((a, b) => a.sheet - b.sheet || a.line - b.line);
  const hash = createHash('sha256').update(`${caseId}\n`, 'utf8');
  for (const line of ordered) hash.update(`${canonicalize(line)}\n`, 'utf8');
  return hash.digest('hex').slice(0, 32);
}

/** A submission's verdict as kept: the counts the answer gave (the rejected lines are on the lines themselves). */
export const SubmissionVerdictSchema = z.strictObject({
  validCount: z.int().min(0),
  required: z.int().min(0),
  shortfall: z.int().min(0),
  sufficient: z.boolean(),
  rejectedCount: z.int().min(0),
  reasons: z.record(z.string(), z.int()),
  crossCandidateSupport: z.int().min(0),
  /** Lines the check policy left unchecked; absent on verdicts kept before policies existed (none then). */
  notChecked: z.int().min(0).optional(),
  /** How the lines were checked (absent before policies existed: a full count). */
  check: SignatureCheckSchema.optional(),
});
export type SubmissionVerdict = z.infer<typeof SubmissionVerdictSchema>;

/**
 * A submission as kept beside its lines: first when it is received (`counting`), before any line is kept or
 * counted, so that a retry is known as one and the time it was handed in is on record; then with the verdict it
 * got (`counted`), kept before the case names it, for the same sheets sent again.
 */
const ReceivedShape = {
  submissionId: z.string(),
  receivedAt: InstantSchema,
  lineCount: z.int().min(1),
};
export const CountingSubmissionSchema = z.strictObject({ ...ReceivedShape, state: z.literal('counting') });
export type CountingSubmission = z.infer<typeof CountingSubmissionSchema>;
export const CountedSubmissionSchema = z.strictObject({
  ...ReceivedShape,
  // Records kept before submissions were marked while counting hold a verdict only.
  state: z.literal('counted').default('counted'),
  verdict: SubmissionVerdictSchema,
});
export type CountedSubmission = z.infer<typeof CountedSubmissionSchema>;
export const SubmissionRecordSchema = z.union([CountingSubmissionSchema, CountedSubmissionSchema]);
export type SubmissionRecord = z.infer<typeof SubmissionRecordSchema>;

/**
 * How long a submission may stay unrecorded before it is taken for abandoned (its request crashed and was not
 * retried): far longer than any request runs (the product's Lambdas stop at 15 seconds; locally, a 20,000-line
 * submission takes under a minute).
 */
export const COUNTING_LEASE_MS = 15 * 60_000;

/**
 * Whether a submission handed in before `deadline` may still be counting at `now`: it is not yet on the case's
 * trail (`recorded`: the ids the case names), whether still `counting` or counted and about to be recorded. The
 * law counts the signatures handed in before the deadline, so its verdict is still to come: a wait should not
 * end without it.
 */
export function isCountingInTime(
  record: SubmissionRecord,
  recorded: readonly string[],
  deadline: Instant,
  now: Instant,
): boolean {
  return (
    (record.state === 'counting' || !recorded.includes(record.submissionId)) &&
    isBefore(record.receivedAt, deadline) &&
    Date.parse(now) - Date.parse(record.receivedAt) < COUNTING_LEASE_MS
  );
}

/** What the trail's SignaturesVerified event says of its submission, beside the count. */
export const SubmissionNoteSchema = z.object({
  submissionId: z.string(),
  lineCount: z.int().min(0),
  linesDigest: z.string(),
  validCount: z.int().min(0),
  shortfall: z.int().min(0),
  /** When the sheets were handed in: a verdict recorded after the deadline was still handed in before it. */
  receivedAt: InstantSchema.optional(),
  /** The threshold and the verdict on it, so that the check can be recomputed from the trail and the lines. */
  required: z.int().min(0).optional(),
  sufficient: z.boolean().optional(),
  /**
   * How the lines were checked (`SignatureCheckSchema`, without the lines drawn): the policy, its outcome and,
   * for a sample, the seed it was drawn with. Read with its own schema where it is recomputed.
   */
  check: z.unknown().optional(),
});
export type SubmissionNote = z.infer<typeof SubmissionNoteSchema>;
