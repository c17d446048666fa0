import * as z from 'zod';
import { LinePlaceSchema, SubmissionVerdictSchema } from '../../domain/signature-record.ts';
import type { RejectionReason } from '../../domain/signatures.ts';

/** Every reason a line is rejected for (`signatures.ts` RejectionReason): the type check fails on one left out. */
const rejectionReasons = [
  'IIN_MALFORMED',
  'IIN_CENTURY_INVALID',
  'IIN_BIRTH_DATE_INVALID',
  'IIN_CHECKSUM',
  'IIN_BIRTH_DATE_MISMATCH',
  'IIN_SEX_MISMATCH',
  'SIGNER_UNDER_18',
  'SIGNED_OUTSIDE_WINDOW',
  'SIGNER_NOT_ON_REGISTER',
  'DUPLICATE_LINE',
  'DUPLICATE_SIGNER',
  'SUPPORTS_ANOTHER_CANDIDATE',
] as const satisfies readonly RejectionReason[];
const everyReasonListed: Exclude<RejectionReason, (typeof rejectionReasons)[number]> extends never
  ? true
  : never = true;
void everyReasonListed;
/**
 * A reason as kept with the line: one of `rejectionReasons`, typed as text since lines are kept as counted, by
 * whichever version counted them.
 */
const RejectionReasonSchema = z
  .string()
  .describe(`The rule the line broke: ${rejectionReasons.join(', ')} (each in words in the error catalogue)`);

/** A line refused: its place on the sheets and why; never the signer's IIN or name. */
const RejectedLineSchema = z.strictObject({
  sheet: z.int().min(1),
  line: z.int().min(1),
  reason: RejectionReasonSchema.nullable(),
  firstCounted: LinePlaceSchema.optional().describe(
    'For DUPLICATE_SIGNER: where the signer was counted first',
  ),
});

/**
 * submitSignatures' verdict (and a signatures job's result): the counts against the 1% threshold, how the lines
 * were checked, and each rejected line's place and reason. The same sheets sent again get their first verdict.
 */
export const SignatureVerdictSchema = SubmissionVerdictSchema.extend({
  reasons: z.record(RejectionReasonSchema, z.int().min(0)).describe('Rejected lines by reason'),
  rejected: z.array(RejectedLineSchema),
});

/**
 * A signatures job's result: the verdict's counts, and how many lines were rejected; the lines themselves (up to
 * 100,000 of them) are the case's evidence (getCaseEvidence), or the verdict the same sheets sent again get.
 */
export const SignatureJobResultSchema = SignatureVerdictSchema.omit({ rejected: true }).extend({
  rejectedLines: z.int().min(0),
});
