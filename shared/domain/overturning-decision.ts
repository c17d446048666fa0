import { z } from 'zod';
import { reinstatedStatuses } from './case-lifecycle.ts';
import { ActorSchema } from './case-trail.ts';
import { InstantSchema, LocalDateSchema } from './local-date.ts';
import { trailText } from './trail-text.ts';

/**
 * A decision of a court or a higher election commission that overturns a commission's refusal or cancellation
 * of registration, named as such decisions are cited: which body, on which day, under which number. It goes on
 * the case's trail for good, so its texts may hold no IIN (`trailText`).
 */
export const OverturningDecisionSchema = z.strictObject({
  body: z.enum(['court', 'higher-commission']),
  /** The court or commission by name (e.g. the regional court, the regional territorial election commission). */
  bodyName: trailText(200),
  date: LocalDateSchema,
  number: trailText(64),
});
export type OverturningDecision = z.infer<typeof OverturningDecisionSchema>;

/** The steps whose decision a reinstatement overturns. */
export const OverturnedStepSchema = z.enum(['registration-decision', 'cancellation']);

/**
 * A reinstatement as the case keeps it: who recorded which decision, where it put the case, and the decision it
 * overturned, moved here whole from the case's decisions so that the step can be decided again.
 */
export const ReinstatementRecordSchema = z.strictObject({
  at: InstantSchema,
  actor: ActorSchema,
  decision: OverturningDecisionSchema,
  to: z.enum(reinstatedStatuses),
  overturned: z.strictObject({
    step: OverturnedStepSchema,
    at: InstantSchema,
    actor: ActorSchema,
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ReinstatementRecord = z.infer<typeof ReinstatementRecordSchema>;

/** Whether two citations name the same decision: the same body, day and number. */
export function sameDecision(a: OverturningDecision, b: OverturningDecision): boolean {
  return (
    a.body === b.body &&
    a.date === b.date &&
    a.number.toLowerCase() === b.number.toLowerCase() &&
    a.bodyName.toLowerCase() === b.bodyName.toLowerCase()
  );
}
