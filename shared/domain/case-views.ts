import { overturnableStatuses, waitingStepOf } from './case-lifecycle.ts';
import { waitDeadline } from './deadlines.ts';
import type { Election } from './election.ts';
import type { WaitingStep } from './election-calendar.ts';
import { withFindingMessages } from './finding-messages.ts';
import { specialCheckClockOf } from './legal-clocks.ts';
import type { NominationCase } from './nomination-case.ts';
import { cancellationClosesAt } from './registration-cancellation.ts';
import { reinstatementClosesAt } from './reinstatement.ts';

/**
 * What each audience sees of a case. IINs and birth dates appear only to the district commission and to the
 * candidate themself; the public sees registered candidates' names, routes and nominators only.
 */
export const whoDecides: Readonly<Record<WaitingStep, 'party' | 'candidate' | 'akimat' | 'commission'>> = {
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
    // Each eligibility finding in words, beside its code.
    findings: withFindingMessages(c.findings),
  };
}

/**
 * The deadlines that apply to this case: its route's own step, registration, withdrawal; and, where its status
 * allows one, the cancellation of a registration (a registered case) or the recording of a decision that
 * overturns a refusal or a cancellation (a refused or cancelled case).
 */
function deadlinesOf(c: NominationCase, election: Election) {
  const firstStep: Record<NominationCase['filing']['route'], WaitingStep> = {
    party: 'party-confirmation',
    self: 'signatures',
    akimat: 'community-consent',
  };
  const step = firstStep[c.filing.route];
  const overturnable = (overturnableStatuses as readonly string[]).includes(c.status);
  return {
    [step]: waitDeadline(step, election, c),
    'registration-decision': waitDeadline('registration-decision', election, c),
    withdrawal: election.calendar.withdrawalClosesAt,
    ...(c.status === 'Registered' ? { cancellation: cancellationClosesAt(election) } : {}),
    ...(overturnable ? { reinstatement: reinstatementClosesAt(election) } : {}),
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
