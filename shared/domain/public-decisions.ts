import * as z from 'zod';
import { nominatorOf } from './case-views.ts';
import type { NominationCase } from './nomination-case.ts';
import { type GroundCategory, groundCategoriesOf } from './public-grounds.ts';

/** The decisions against a candidate that are published next to the registered list [D, see public-grounds.ts]. */
export const publishedDecisions = ['refused', 'registration-cancelled'] as const;
export type PublishedDecision = (typeof publishedDecisions)[number];

const GroundsSchema = z.array(z.string());

/**
 * A refused or cancelled candidate as the public sees them: name, route, nominator, which decision, when, and
 * the categories of its legal grounds. Never the commission's reasons, the checks or the grounds as cited.
 */
export function publicDecisionView(c: NominationCase) {
  const decided =
    c.status === 'Refused'
      ? { decision: 'refused' as const, recorded: c.decisions['registration-decision'] }
      : c.status === 'RegistrationCancelled'
        ? { decision: 'registration-cancelled' as const, recorded: c.decisions.cancellation }
        : null;
  if (decided === null || decided.recorded === undefined) return null;
  const grounds = GroundsSchema.safeParse(decided.recorded.details.grounds);
  const groundCategories: GroundCategory[] = groundCategoriesOf(grounds.success ? grounds.data : []);
  return {
    caseId: c.caseId,
    fullName: c.filing.candidate.fullName,
    route: c.filing.route,
    nominator: nominatorOf(c),
    decision: decided.decision,
    decidedAt: decided.recorded.at,
    groundCategories,
  };
}
export type PublicDecisionView = NonNullable<ReturnType<typeof publicDecisionView>>;
