import * as z from 'zod';
import { DecisionNumberSchema } from './commission-record.ts';
import type { Election } from './election.ts';
import { regimeOf } from './election.ts';
import { daysBeforeElection } from './election-calendar.ts';
import { timeZoneOf } from './election-rules.ts';
import { DeadlinePassedError, ValidationError } from './errors.ts';
import { type Instant, isBefore } from './local-date.ts';
import { decideStep, type EventMeta, type NominationCase } from './nomination-case.ts';
import { trailText } from './trail-text.ts';

/**
 * The commission cancels a candidate's registration (false declarations, eligibility lost, a court's decision)
 * with grounds from the election's list and its reasons, as a refusal carries them [D, domain reference §5].
 */
export const CancellationSchema = z.strictObject({
  grounds: z.array(z.string().min(1).max(80)).min(1).max(10),
  reasons: trailText(4000),
  number: DecisionNumberSchema.optional(),
});
export type Cancellation = z.infer<typeof CancellationSchema>;

/** Until when a registration may be cancelled: `cancellationClosesDaysBefore` election day, at the cut-off [D]. */
export function cancellationClosesAt(election: Election): Instant {
  return daysBeforeElection(
    election.electionDay,
    election.rules.cancellationClosesDaysBefore,
    regimeOf(election),
    timeZoneOf(election.rules),
  );
}

/** Every cited ground must be on the election's list of cancellation grounds. */
export function checkCancellationGrounds(cancellation: Cancellation, election: Election): void {
  const issues = cancellation.grounds.flatMap((ground, index) =>
    election.rules.cancellationGrounds.includes(ground)
      ? []
      : [
          {
            field: `grounds.${index}`,
            code: 'CANCELLATION_GROUND_UNKNOWN' as const,
          },
        ],
  );
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * The case with its registration cancelled: grounds on the list, before the deadline, and only a Registered
 * case (anything else is an InvalidTransitionError naming its status). One cancellation per registration: a
 * second one finds the step decided (StepAlreadyDecidedError), until a reinstatement clears it.
 */
export function cancelRegistration(
  current: NominationCase,
  cancellation: Cancellation,
  election: Election,
  meta: EventMeta,
): NominationCase {
  checkCancellationGrounds(cancellation, election);
  const closesAt = cancellationClosesAt(election);
  if (!isBefore(meta.at, closesAt)) {
    throw new DeadlinePassedError('cancellation', closesAt, timeZoneOf(election.rules));
  }
  const details = {
    grounds: cancellation.grounds,
    reasons: cancellation.reasons,
    ...(cancellation.number === undefined ? {} : { number: cancellation.number }),
  };
  return decideStep(
    current,
    'cancellation',
    { outcome: 'cancelled', details },
    { type: 'RegistrationCancelled' },
    { ...meta, note: details },
  );
}
