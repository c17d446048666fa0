import { waitingStepOf } from './case-lifecycle.ts';
import { waitDeadline } from './deadlines.ts';
import type { Election } from './election.ts';
import type { WaitingStep } from './election-calendar.ts';
import { specialCheckClockOf } from './legal-clocks.ts';
import type { NominationCase } from './nomination-case.ts';

/**
 * What each audience sees of a case. IINs and birth dates appear only to the district commission and to the
 * candidate themself; the public sees registered candidates' names, routes and nominators only.
 */
const whoDecides: Readonly<Record<WaitingStep, 'party' | 'candidate' | 'akimat' | 'commission'>> = {
  'party-confirmation': 'party',
  signatures: 'candidate',
  'community-consent': 'akimat',
  'registration-decision': 'commission',
};

export function nominatorOf(c: NominationCase) {
  switch (c.filing.route) {
    case 'party':
      return { partyId: c.filing.party.partyId };
    case 'akimat':
      return { akimatDistrict: c.filing.akimat.district };
    case 'self':
      return null;
  }
}

export function caseView(c: NominationCase, election: Election, personal: boolean) {
  const step = waitingStepOf(c.status);
  const { candidate } = c.filing;
  return {
    caseId: c.caseId,
    electionId: c.electionId,
    route: c.filing.route,
    status: c.status,
    version: c.version,
    candidate: {
      fullName: candidate.fullName,
      ...(personal ? { iin: candidate.iin, birthDate: candidate.birthDate } : {}),
    },
    nominator: nominatorOf(c),
    filedAt: c.filedAt,
    waitingFor:
      step === null ? null : { step, from: whoDecides[step], deadline: waitDeadline(step, election, c) },
    deadlines: deadlinesOf(c, election),
    decisions: c.decisions,
    // Refusals and cancellations overturned on appeal, with the decision that overturned each.
    reinstatements: c.reinstatements ?? [],
    checks: c.checks,
    specialCheck: specialCheckClockOf(c, election),
    findings: c.findings,
  };
}

/** The deadlines that apply to this case, by its route: its own step, registration, withdrawal. */
function deadlinesOf(c: NominationCase, election: Election) {
  const firstStep: Record<NominationCase['filing']['route'], WaitingStep> = {
    party: 'party-confirmation',
    self: 'signatures',
    akimat: 'community-consent',
  };
  const step = firstStep[c.filing.route];
  return {
    [step]: waitDeadline(step, election, c),
    'registration-decision': waitDeadline('registration-decision', election, c),
    withdrawal: election.calendar.withdrawalClosesAt,
  };
}

export function publicCandidateView(c: NominationCase) {
  const registered = c.decisions['registration-decision'];
  return {
    caseId: c.caseId,
    fullName: c.filing.candidate.fullName,
    route: c.filing.route,
    nominator: nominatorOf(c),
    registeredAt: registered?.at ?? null,
  };
}
