import * as z from 'zod';
import { nominationRoutes } from '../../domain/nomination.ts';
import { publishedDecisions } from '../../domain/public-decisions.ts';
import { GroundCategorySchema } from '../../domain/public-grounds.ts';
import { NominatorSchema } from './case.ts';
import { InstantResponseSchema } from './instant.ts';
import { LocalizedTextSchema } from './localized-text.ts';

/**
 * listCandidates, public: the registered candidates, and the refused and cancelled ones with the category of
 * each legal ground in words; no personal data, never the reasons.
 */
export const CandidateListSchema = z.strictObject({
  electionId: z.string(),
  final: z.boolean().describe('True once nothing can change the list any more'),
  candidates: z.array(
    z.strictObject({
      caseId: z.string(),
      fullName: z.string(),
      route: z.enum(nominationRoutes),
      nominator: NominatorSchema,
      registeredAt: InstantResponseSchema.nullable(),
    }),
  ),
  refusedOrCancelled: z.array(
    z.strictObject({
      caseId: z.string(),
      fullName: z.string(),
      route: z.enum(nominationRoutes),
      nominator: NominatorSchema,
      decision: z.enum(publishedDecisions),
      decidedAt: InstantResponseSchema,
      grounds: z.array(z.strictObject({ category: GroundCategorySchema, text: LocalizedTextSchema })),
    }),
  ),
  unreadableCases: z
    .int()
    .min(0)
    .describe('Stored cases that could not be read when last listed: the list may be missing someone'),
});
