import * as z from 'zod';
import { DecisionNumberSchema } from './commission-record.ts';
import type { ElectionRules } from './election-rules.ts';
import { CandidateChecksSchema, type Eligibility, type EligibilityFinding } from './eligibility.ts';
import { RegistrationBlockedError, ValidationError } from './errors.ts';
import { trailText } from './trail-text.ts';

/**
 * The commission's decision on a candidate (CLE 113-5), with the results of the checks other bodies reported
 * to it (special check, declarations) when it has them. A refusal always carries grounds and reasons [D].
 */
export const RegistrationDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('register'),
    checks: CandidateChecksSchema.optional(),
    number: DecisionNumberSchema.optional(),
  }),
  z.strictObject({
    decision: z.literal('refuse'),
    checks: CandidateChecksSchema.optional(),
    number: DecisionNumberSchema.optional(),
    grounds: z.array(z.string().min(1).max(80)).min(1).max(10),
    reasons: trailText(4000),
  }),
]);
export type RegistrationDecision = z.infer<typeof RegistrationDecisionSchema>;

/**
 * Pending findings that block registration whatever `registrationRequiresCompletedChecks` says: where the election
 * requires a deposit, a candidate without one recorded is not registered [D].
 */
const blockingWhilePending: ReadonlySet<EligibilityFinding['code']> = new Set(['DEPOSIT_NOT_RECORDED']);

/**
 * Checks a commission's decision against the candidate's eligibility: an ineligible candidate cannot be
 * registered; a candidate with checks outstanding neither, unless the election's rules allow it (never without a
 * deposit it requires); a refusal must cite grounds from the election's list.
 */
export function checkRegistrationDecision(
  decision: RegistrationDecision,
  eligibility: Eligibility,
  rules: ElectionRules,
): RegistrationDecision {
  if (decision.decision === 'register') {
    const blocking = eligibility.findings.filter(
      (f) =>
        f.effect === 'fails' || rules.registrationRequiresCompletedChecks || blockingWhilePending.has(f.code),
    );
    if (blocking.length > 0) throw new RegistrationBlockedError(blocking);
    return decision;
  }
  const unknown = decision.grounds.filter((ground) => !rules.refusalGrounds.includes(ground));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((ground) => ({
        field: `grounds.${decision.grounds.indexOf(ground)}`,
        code: 'REFUSAL_GROUND_UNKNOWN',
        details: { ground },
      })),
    );
  }
  return decision;
}
