import * as z from 'zod';
import { SubmissionVerdictSchema } from '../../domain/signature-record.ts';
import { InstantResponseSchema } from './instant.ts';
import { LocalizedTextSchema } from './localized-text.ts';

/**
 * What the checks found on a case, as the case view shows it. The case keeps its findings loosely (one stored
 * by an older version keeps whatever it held), so its view is typed as any record and documented as this; the
 * API's tests hold every case they see to it.
 */
export const CaseFindingsSchema = z.looseObject({
  eligibility: z
    .looseObject({
      outcome: z.enum(['eligible', 'ineligible', 'pending']),
      findings: z.array(
        z.looseObject({
          code: z.string().describe('The rule, e.g. UNDER_MINIMUM_AGE, SPECIAL_CHECK_PENDING'),
          ground: z.string().describe('The article it rests on, e.g. CLE 113-2'),
          effect: z.enum(['fails', 'pending']),
          details: z.record(z.string(), z.unknown()),
          message: LocalizedTextSchema.nullable().describe('The finding in a sentence with its ground'),
        }),
      ),
    })
    .optional()
    .describe('CLE 113-2, CLE 4 p.4, LGA 36 and the special check, judged at the check and at the decision'),
  signatures: SubmissionVerdictSchema.omit({ check: true })
    .extend({
      check: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('How the lines were checked (policy, outcome)'),
      rejected: z.int().min(0).describe('Lines rejected'),
    })
    .loose()
    .optional()
    .describe('The counts of the latest signatures verdict'),
  workflowFailure: z
    .looseObject({ error: z.string(), cause: z.string(), at: InstantResponseSchema })
    .optional()
    .describe('A failure of the case’s workflow that no retry mended'),
});
