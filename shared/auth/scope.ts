import type { Election } from '../domain/election.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { NominationCase } from '../domain/nomination-case.ts';
import type { Caller } from './caller.ts';

/**
 * Who may act on what. Each check throws ForbiddenError, which reveals nothing about the resource:
 * a commission and an akimat act within their district; a party on its own nominees; a candidate on
 * their own cases.
 */
export function requireCommissionOf(caller: Caller, district: string): void {
  if (caller.role !== 'commission' || caller.district !== district) throw new ForbiddenError();
}

export function requireAkimatOf(caller: Caller, district: string): void {
  if (caller.role !== 'akimat' || caller.district !== district) throw new ForbiddenError();
}

export function isOwnCase(caller: Caller, nominationCase: NominationCase): boolean {
  switch (caller.role) {
    case 'party':
      return nominationCase.slot === `party:${caller.partyId}`;
    case 'candidate':
      return nominationCase.filing.candidate.iin === caller.iin;
    default:
      return false;
  }
}

/** Who hands in a case's signature sheets: the district's commission, and the case's own party or candidate. */
export function requireSheetsSender(
  caller: Caller,
  election: Election,
  nominationCase: NominationCase,
): void {
  const commission = caller.role === 'commission' && caller.district === election.district;
  if (!commission && !isOwnCase(caller, nominationCase)) throw new ForbiddenError();
}

/** Reads of a case: the district's commission and akimat, and the case's own party or candidate. */
export function requireCaseReader(caller: Caller, election: Election, nominationCase: NominationCase): void {
  const inDistrict =
    (caller.role === 'commission' || caller.role === 'akimat') && caller.district === election.district;
  if (!inDistrict && !isOwnCase(caller, nominationCase)) throw new ForbiddenError();
}

/**
 * The evidence of a case (every event, every signature line with the signer's IIN and address): the district's
 * commission, and the candidate whose case it is. Not the akimat nor the party, who read the case but not whole.
 */
export function requireEvidenceReader(
  caller: Caller,
  election: Election,
  nominationCase: NominationCase,
): void {
  const commission = caller.role === 'commission' && caller.district === election.district;
  const candidate = caller.role === 'candidate' && isOwnCase(caller, nominationCase);
  if (!commission && !candidate) throw new ForbiddenError();
}

/**
 * Whether the caller may act in an election at all. A party's secretary or a candidate whose account a
 * district's commission made acts in that district's elections only, so that one district's administrator
 * cannot make an account that acts on another district's nominations. Everyone else is judged by the
 * operation itself. An election's id begins with its unit's KATO code, whose first four digits are the district
 * (`electionIdOf`, `districtOf`).
 */
export function actsInElection(caller: Caller, electionId: string): boolean {
  if (caller.role !== 'party' && caller.role !== 'candidate') return true;
  return caller.managedBy === undefined || electionId.slice(0, 4) === caller.managedBy;
}
