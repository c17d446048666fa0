import { describe, expect, it } from 'vitest';
import type { Election } from '../../shared/domain/election.ts';
import {
  checkFilingAllowed,
  FilingSchema,
  nominatorSlot,
  slotTakenError,
} from '../../shared/domain/nomination.ts';
import { aCandidate, anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';

const election = anElection();
const { nominationOpensAt, nominationClosesAt, extendedNominationClosesAt, additionalCandidateClosesAt } =
  election.calendar;
const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
const inWindow: Election = {
  ...election,
  phase: 'AdditionalCandidateWindow',
  nominationExtended: true,
  nominationsAtClose: 1,
};

describe('nomination routes (CLE 113-3)', () => {
  it('accepts party and self nominations from the day after calling until the close', () => {
    expect(() => checkFilingAllowed(aPartyFiling(), election, nominationOpensAt)).not.toThrow();
    expect(() => checkFilingAllowed(aSelfFiling(), election, justBefore(nominationClosesAt))).not.toThrow();
  });

  it('refuses a filing before nomination opens, naming when it opens', () => {
    expect(() => checkFilingAllowed(aSelfFiling(), election, justBefore(nominationOpensAt))).toThrowError(
      expect.objectContaining({
        name: 'NominationNotOpenError',
        details: { opensAt: nominationOpensAt, timeZone: 'Asia/Almaty' },
      }),
    );
  });

  it('refuses a filing at the close, even before the deadline step has run', () => {
    expect(() => checkFilingAllowed(aSelfFiling(), election, nominationClosesAt)).toThrowError(
      expect.objectContaining({
        name: 'NominationClosedError',
        details: { closedAt: nominationClosesAt, timeZone: 'Asia/Almaty' },
      }),
    );
  });

  it('keeps accepting filings until the extended close when nomination was extended', () => {
    const extended: Election = { ...election, phase: 'NominationExtended', nominationExtended: true };
    expect(() => checkFilingAllowed(aSelfFiling(), extended, nominationClosesAt)).not.toThrow();
    expect(() => checkFilingAllowed(aSelfFiling(), extended, extendedNominationClosesAt)).toThrowError(
      expect.objectContaining({ name: 'NominationClosedError' }),
    );
  });

  it('lets a party nominate only its members', () => {
    const filing = aPartyFiling();
    if (filing.route !== 'party') throw new Error('fixture');
    const outsider = { ...filing, party: { ...filing.party, candidateIsMember: false } };
    expect(() => checkFilingAllowed(outsider, election, nominationOpensAt)).toThrowError(
      expect.objectContaining({ name: 'NotAPartyMemberError', code: 'NOT_A_PARTY_MEMBER' }),
    );
  });

  it('allows the district akim’s candidate only in the window opened by 0 or 1 nominations (p.6)', () => {
    expect(() => checkFilingAllowed(anAkimatFiling(), election, nominationOpensAt)).toThrowError(
      expect.objectContaining({ name: 'AdditionalCandidateNotAllowedError' }),
    );
    const twoNominated: Election = { ...election, phase: 'AwaitingRegistrationClose', nominationsAtClose: 2 };
    expect(() => checkFilingAllowed(anAkimatFiling(), twoNominated, extendedNominationClosesAt)).toThrowError(
      expect.objectContaining({ details: { liveNominations: 2 } }),
    );
    expect(() => checkFilingAllowed(anAkimatFiling(), inWindow, extendedNominationClosesAt)).not.toThrow();
  });

  it('closes the akim’s window at its deadline, and keeps to a configured number of proposals', () => {
    expect(() => checkFilingAllowed(anAkimatFiling(), inWindow, additionalCandidateClosesAt)).toThrowError(
      expect.objectContaining({ name: 'AdditionalCandidateWindowClosedError' }),
    );
    const limited: Election = {
      ...inWindow,
      rules: { ...inWindow.rules, additionalCandidateProposalLimit: 2 },
      additionalProposals: 2,
    };
    expect(() => checkFilingAllowed(anAkimatFiling(), limited, extendedNominationClosesAt)).toThrowError(
      expect.objectContaining({ name: 'AdditionalCandidateLimitReachedError', details: { limit: 2 } }),
    );
  });

  it('gives each nominator one slot: a party its own, the akimat one, a self-nominee none', () => {
    expect(nominatorSlot(aPartyFiling('amanat'))).toBe('party:amanat');
    expect(nominatorSlot(anAkimatFiling())).toBe('akimat');
    expect(nominatorSlot(aSelfFiling())).toBeNull();
    expect(slotTakenError('party:amanat', 'c1').name).toBe('PartyNomineeExistsError');
    expect(slotTakenError('akimat', 'c1').name).toBe('AdditionalCandidatePendingError');
  });

  it('refuses a filing of an unknown route or with extra fields', () => {
    expect(FilingSchema.safeParse({ route: 'mayor', candidate: aCandidate() }).success).toBe(false);
    expect(FilingSchema.safeParse({ ...aSelfFiling(), note: 'x' }).success).toBe(false);
  });
});

describe('the district akim’s proposal', () => {
  it('comes only from the akim of the unit’s own district', () => {
    const filing = anAkimatFiling();
    if (filing.route !== 'akimat') throw new Error('fixture');
    const foreign = { ...filing, akimat: { ...filing.akimat, district: '2710' } };
    expect(() => checkFilingAllowed(foreign, inWindow, extendedNominationClosesAt)).toThrowError(
      expect.objectContaining({
        name: 'ValidationError',
        issues: [expect.objectContaining({ field: 'akimat.district' })],
      }),
    );
  });
});
