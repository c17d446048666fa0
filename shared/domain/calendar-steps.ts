import { type Election, type ElectionNotice, regimeOf } from './election.ts';
import { phaseAtExtendedClose, phaseAtNominationClose } from './election-phases.ts';
import type { Instant } from './local-date.ts';

/**
 * What happens to an election at each calendar deadline, given the live nominations counted then.
 * Each step applies only in its own phase, so running it again (a resumed workflow) changes nothing.
 */

function notice(
  at: Instant,
  to: ElectionNotice['to'],
  code: string,
  details: Record<string, unknown>,
): ElectionNotice {
  return { at, to, code, details };
}

function afterClose(
  election: Election,
  liveNominations: number,
  now: Instant,
  extendedNow: boolean,
): Election {
  const phase = extendedNow
    ? phaseAtNominationClose(liveNominations, regimeOf(election), election.rules)
    : phaseAtExtendedClose(liveNominations);
  const notices = [...election.notices];
  if (phase === 'NominationExtended') {
    notices.push(
      notice(now, 'commission', 'NOMINATION_EXTENDED', {
        liveNominations,
        until: election.calendar.extendedNominationClosesAt,
      }),
    );
  }
  if (phase === 'AdditionalCandidateWindow') {
    notices.push(
      notice(now, 'akimat', 'ADDITIONAL_CANDIDATE_WINDOW_OPEN', {
        liveNominations,
        until: election.calendar.additionalCandidateClosesAt,
      }),
    );
  }
  return {
    ...election,
    phase,
    nominationExtended: election.nominationExtended || phase === 'NominationExtended',
    nominationsAtClose: phase === 'NominationExtended' ? null : liveNominations,
    notices,
  };
}

/** At the planned close: extend when fewer than two are nominated, else open the akim's window or move on. */
export function closeNomination(election: Election, liveNominations: number, now: Instant): Election {
  if (election.phase !== 'Nomination') return election;
  return afterClose(election, liveNominations, now, true);
}

/** At the extended close: 0 or 1 live nominations open the district akim's window (CLE 113-3 p.6). */
export function closeExtendedNomination(election: Election, liveNominations: number, now: Instant): Election {
  if (election.phase !== 'NominationExtended') return election;
  return afterClose(election, liveNominations, now, false);
}

/**
 * At registration close: the registered list is final and published (CLE 113-5 p.9). Cases storage holds
 * but cannot read are counted in the notice, so a list published without them says so.
 */
export function closeRegistration(
  election: Election,
  registered: number,
  now: Instant,
  unreadableCases = 0,
): Election {
  if (election.phase === 'RegistrationClosed') return election;
  const details = unreadableCases > 0 ? { registered, unreadableCases } : { registered };
  return {
    ...election,
    phase: 'RegistrationClosed',
    notices: [...election.notices, notice(now, 'public', 'REGISTERED_LIST_PUBLISHED', details)],
  };
}
