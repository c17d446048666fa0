import type { Election } from './election.ts';
import type { Instant } from './local-date.ts';
import { cancellationClosesAt } from './registration-cancellation.ts';
import { reinstatementClosesAt } from './reinstatement.ts';

/**
 * Until when the published list of registered candidates may still change: registration close publishes it, but
 * after that a registration may be cancelled (until `cancellationClosesDaysBefore`, D−6 by default) and a court's
 * or higher commission's decision may register a candidate, or overturn a cancellation (until
 * `reinstatementClosesDaysBefore`, D−1 18:00 by default) [D, domain reference §5]. The list is final from the
 * latest of the three, and not before.
 */
export function publishedListChangesUntil(election: Election): Instant {
  const moments = [
    election.calendar.registrationClosesAt,
    cancellationClosesAt(election),
    reinstatementClosesAt(election),
  ];
  return moments.reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest));
}

/** Whether the published list can no longer change: registration has closed and every later deadline passed. */
export function isPublishedListFinal(election: Election, now: Instant): boolean {
  return (
    election.phase === 'RegistrationClosed' &&
    Date.parse(now) >= Date.parse(publishedListChangesUntil(election))
  );
}
