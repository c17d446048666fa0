import { createHash } from 'node:crypto';
import * as z from 'zod';
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

/**
 * A decision as the case remembers it for good: a fingerprint of what `sameDecision` compares (SHA-256 of the
 * body, the day, and the number and body's name case-folded, first 128 bits) and when it was recorded. The full
 * records are kept for the latest reinstatements only; these stay for every one, so a decision is never recorded
 * twice on a case however many came after it, in a few dozen bytes each.
 */
export const OverturnedBySchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  at: InstantSchema,
});
export type OverturnedBy = z.infer<typeof OverturnedBySchema>;

/** The fingerprint of a decision: equal for two citations exactly when `sameDecision` holds of them. */
export function decisionFingerprint(d: OverturningDecision): string {
  const identity = JSON.stringify([d.body, d.date, d.number.toLowerCase(), d.bodyName.toLowerCase()]);
  return createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 32);
}
