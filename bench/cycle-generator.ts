import { iinCheckDigit } from '../shared/domain/iin.ts';
import { requiredSignatures, type SignatureLine } from '../shared/domain/signatures.ts';
import type { VoterRow } from '../shared/domain/voter-register.ts';

/**
 * A realistic national cycle, generated from a seed: every number below follows the domain reference §7
 * (2021: about 1,660 voters and 17 required signatures per district, 62% self-nominated, some districts
 * with 0 or 1 nominations, about 46% of self-nominees reaching 1%).
 */
export interface ElectionPlan {
  readonly index: number;
  readonly kato: string;
  readonly voters: number;
  readonly nominations: readonly NominationPlan[];
}

export type NominationPlan =
  | {
      readonly route: 'party';
      readonly candidate: number;
      readonly partyId: string;
      readonly answer: 'confirm' | 'decline' | 'silent';
    }
  | {
      readonly route: 'self';
      readonly candidate: number;
      readonly reaches: boolean;
      readonly withdraws: boolean;
    };

export const ELECTION_DAY = '2026-03-15';
export const CALLED_ON = '2026-02-04';
const PARTIES = ['amanat', 'auyl', 'aq-jol', 'respublica', 'halyq', 'nur-otan-jastary'] as const;

/** mulberry32: a small seeded PRNG, so that every run generates the same country. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Electorates skewed like rural districts: log-normal around 1,200, clipped to 300–15,000 (mean ≈ 1,650). */
function electorate(rand: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.min(15_000, Math.max(300, Math.round(Math.exp(Math.log(1_200) + 0.8 * z))));
}

export function generateCycle(elections: number, seed = 2026): ElectionPlan[] {
  const rand = random(seed);
  let candidate = 0;
  return Array.from({ length: elections }, (_, index) => {
    const r = rand();
    const count = r < 0.08 ? 0 : r < 0.2 ? 1 : 2 + Math.floor(rand() * 4.6);
    const parties = [...PARTIES].sort(() => rand() - 0.5);
    const nominations: NominationPlan[] = [];
    for (let n = 0; n < count; n += 1) {
      candidate += 1;
      const party = rand() < 0.4 ? parties.pop() : undefined;
      if (party !== undefined) {
        const a = rand();
        nominations.push({
          route: 'party',
          candidate,
          partyId: party,
          answer: a < 0.88 ? 'confirm' : a < 0.94 ? 'decline' : 'silent',
        });
      } else {
        nominations.push({ route: 'self', candidate, reaches: rand() < 0.55, withdraws: rand() < 0.02 });
      }
    }
    // KATO: region 19, district by the hundred, unit within it; the district code is the first four digits.
    const kato = `19${String(10 + Math.floor(index / 100)).padStart(2, '0')}${String(index % 100).padStart(2, '0')}100`;
    return { index, kato, voters: electorate(rand), nominations };
  });
}

const DAY_MS = 86_400_000;
const BORN_FROM = Date.UTC(1940, 0, 1);

function iinFor(birthMs: number, male: boolean, serial: number): { iin: string; birthDate: string } {
  const birthDate = new Date(birthMs).toISOString().slice(0, 10);
  const [y = '', m = '', d = ''] = birthDate.split('-');
  const centuryDigit = (Math.floor(Number(y) / 100) - 18) * 2 + (male ? 1 : 2);
  for (let s = serial; ; s += 1) {
    const first = `${y.slice(2)}${m}${d}${centuryDigit}${String(s % 10_000).padStart(4, '0')}`;
    const check = iinCheckDigit([...first].map(Number));
    if (check !== null) return { iin: `${first}${check}`, birthDate };
  }
}

/** The voter list of an election: distinct IINs, everyone of age; made again on demand, never kept. */
export function votersOf(plan: ElectionPlan): VoterRow[] {
  return Array.from({ length: plan.voters }, (_, k) => {
    const day = (k * 7_919 + plan.index * 104_729) % 24_800; // a bijection for k < 24,800
    const { iin, birthDate } = iinFor(BORN_FROM + day * DAY_MS, k % 2 === 0, 1 + ((plan.index * 13) % 8_000));
    return { iin, fullName: `Voter ${plan.index}-${k}`, birthDate, address: `Aul ${plan.index}, house ${k}` };
  });
}

export function candidateOf(n: number) {
  const { iin, birthDate } = iinFor(
    Date.UTC(1960, 0, 1) + ((n * 37) % 12_000) * DAY_MS,
    n % 2 === 0,
    9_000 + (n % 900),
  );
  return { iin, birthDate, fullName: `Candidate ${n}` };
}

/**
 * A self-nominee's sheets: enough valid signatures or a few short, and ~15% invalid lines of every reason
 * (bad IIN, wrong check digit, birth date mismatch, signed before nomination opened, not on the register,
 * the same voter twice, a signer under 18).
 */
export function signatureSheets(
  plan: ElectionPlan,
  nomination: Extract<NominationPlan, { route: 'self' }>,
  voters: readonly VoterRow[],
  stranger: VoterRow,
): SignatureLine[] {
  const required = requiredSignatures(plan.voters);
  const valid = nomination.reaches ? required + 2 : Math.max(0, required - 1 - (nomination.candidate % 3));
  const start = (nomination.candidate * 31) % Math.max(1, voters.length - valid);
  const signers = voters.slice(start, start + valid);
  const teen = iinFor(Date.UTC(2009, 5, 1), true, 4_242);
  const first = signers[0] ?? stranger;
  const invalid: Omit<SignatureLine, 'sheet' | 'line' | 'collector'>[] = [
    { iin: '12345', fullName: 'Malformed', birthDate: '1980-01-01', address: 'x', signedOn: '2026-02-08' },
    { ...first, iin: `${first.iin.slice(0, 11)}${(Number(first.iin[11]) + 1) % 10}`, signedOn: '2026-02-08' },
    { ...first, birthDate: '1950-01-01', signedOn: '2026-02-08' },
    { ...first, signedOn: '2026-02-01' },
    { ...stranger, signedOn: '2026-02-08' },
    { ...first, signedOn: '2026-02-09' },
    { iin: teen.iin, birthDate: teen.birthDate, fullName: 'Teen', address: 'y', signedOn: '2026-02-08' },
  ];
  const rows = [
    ...signers.map((v) => ({ ...v, signedOn: '2026-02-08' })),
    ...invalid.slice(0, Math.max(1, Math.round(valid * 0.15))),
  ];
  return rows.map((row, i) => ({
    sheet: 1 + Math.floor(i / 20),
    line: 1 + (i % 20),
    iin: row.iin,
    fullName: row.fullName,
    birthDate: row.birthDate,
    address: row.address,
    signedOn: row.signedOn,
    collector: `Collector ${nomination.candidate}`,
  }));
}
