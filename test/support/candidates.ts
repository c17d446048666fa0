import { documentKinds } from '../../shared/domain/election-rules.ts';
import type { Candidate } from '../../shared/domain/eligibility.ts';
import type { Filing } from '../../shared/domain/nomination.ts';
import { makeIin } from './iins.ts';

/** An eligible candidate: 40 years old, a citizen, a newcomer, all documents in. */
export function aCandidate(overrides: Partial<Candidate> = {}, serial = 1): Candidate {
  const birthDate = overrides.birthDate ?? '1985-04-02';
  return {
    iin: makeIin(birthDate, 'male', serial),
    fullName: 'Candidate Test',
    birthDate,
    citizen: true,
    consecutiveTermsInUnit: 0,
    education: 'higher',
    documents: [...documentKinds],
    ...overrides,
  };
}

export function aPartyFiling(partyId = 'amanat', serial = 1): Filing {
  return {
    route: 'party',
    candidate: aCandidate({}, serial),
    party: {
      partyId,
      candidateIsMember: true,
      decisionBody: 'Regional branch council',
      decisionDate: '2026-02-06',
      protocolNumber: '12',
    },
  };
}

export function aSelfFiling(serial = 1): Filing {
  return { route: 'self', candidate: aCandidate({}, serial) };
}

export function anAkimatFiling(serial = 1): Filing {
  return {
    route: 'akimat',
    candidate: aCandidate({}, serial),
    akimat: { district: '1952', proposalNumber: 'P-1', proposedOn: '2026-02-18' },
  };
}
