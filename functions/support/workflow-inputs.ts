import * as z from 'zod';
import {
  type Election,
  type ElectionFactField,
  ElectionSchema,
  electionFactFields,
} from '../../shared/domain/election.ts';

/** What the nomination-case workflow carries: which case. */
export const CaseRefSchema = z.looseObject({ electionId: z.string().min(1), caseId: z.string().min(1) });

/** What the election-calendar workflow carries: which election. */
export const ElectionRefSchema = z.looseObject({ electionId: z.string().min(1) });

/** A waiting task's payload: the reference plus the token that resumes it. */
export const TokenSchema = z.looseObject({ taskToken: z.string().min(1) });

/**
 * What a case's steps need of its election that never changes once it is called (the election storage refuses
 * a change of it): carried in the execution's input, so that a step need not read the election for it.
 */
export const ElectionFactsSchema = ElectionSchema.pick(
  Object.fromEntries(electionFactFields.map((field) => [field, true])) as Record<ElectionFactField, true>,
);
export type ElectionFacts = z.infer<typeof ElectionFactsSchema>;

export function electionFactsOf(election: Election): ElectionFacts {
  return Object.fromEntries(electionFactFields.map((field) => [field, election[field]])) as ElectionFacts;
}

/**
 * A case step's payload: the reference, and the election's facts where the execution carries them. Facts that no
 * longer read (an execution started before a release changed their form) are as good as absent: the step reads
 * the election instead of failing every execution in flight.
 */
export const CaseStepInputSchema = z.looseObject({
  ...CaseRefSchema.shape,
  election: ElectionFactsSchema.optional().catch(undefined),
});
