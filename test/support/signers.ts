import { type Election, signingWindow } from '../../shared/domain/election.ts';
import { type SignatureLine, verifySignatures } from '../../shared/domain/signatures.ts';
import type { VoterRow } from '../../shared/domain/voter-register.ts';
import { makeIin } from './iins.ts';

/** `count` adult voters of the district, distinct IINs (born 1970 + i % 40). */
export function voterRows(count: number, offset = 0): VoterRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const birthDate = `${1960 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
    return {
      iin: makeIin(birthDate, i % 2 === 0 ? 'female' : 'male', 1 + Math.floor(i / 40) * 3),
      fullName: `Voter ${i}`,
      birthDate,
      address: `Aul, ${i}`,
    };
  });
}

/** Signature lines from voters, one per line, on sheets of 20, signed on `signedOn`. */
export function linesFrom(
  voters: readonly VoterRow[],
  signedOn = '2026-02-08',
  firstSheet = 1,
): SignatureLine[] {
  return voters.map((v, i) => ({
    sheet: firstSheet + Math.floor(i / 20),
    line: (i % 20) + 1,
    iin: v.iin,
    fullName: v.fullName,
    birthDate: v.birthDate,
    address: v.address,
    signedOn,
    collector: 'Collector',
  }));
}

/**
 * The verdicts one pass over `lines` gives when every signer is on a register of `voters` and supports nobody
 * else, and nothing was counted before: what a count cut into chunks, or by crashes, must come to.
 */
export function onePassVerdict(lines: readonly SignatureLine[], election: Election, voters: number) {
  return verifySignatures(lines, {
    voters,
    window: signingWindow(election),
    isOnRegister: () => true,
    alreadySubmitted: new Set(),
    alreadyCounted: new Map(),
    countedBefore: 0,
    supportsAnotherCandidate: () => false,
    multipleSupportAllowed: election.rules.multipleSupportAllowed,
  });
}
