import { iinCheckDigit } from '../shared/domain/iin.ts';
import { requiredSignatures, type SignatureLine } from '../shared/domain/signatures.ts';
import type { VoterRow } from '../shared/domain/voter-register.ts';
import { addressesOf, fullNameOf, random } from './register-people.ts';

/**
 * A realistic national cycle, generated from a seed: every number below follows the domain reference §7
 * (2021: about 1,660 voters and 17 required signatures per district, 62% self-nominated, some districts
 * with 0 or 1 nominations, about 46% of self-nominees reaching 1%).
 */
export interface ElectionPlan {
  readonly index: number;
  /** The cycle's seed: the voters' names and addresses are drawn from it too. */
  readonly seed: number;
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
    return { index, seed, kato, voters: electorate(rand), nominations };
  });
}

const DAY_MS = 86_400_000;
const BORN_FROM = Date.UTC(1940, 0, 1);

const two = (n: number) => String(n).padStart(2, '0');

/** An IIN for a birth date, sex and serial: the first serial from `serial` on that has a check digit. */
function iinFor(birthMs: number, male: boolean, serial: number): { iin: string; birthDate: string } {
  const born = new Date(birthMs);
  const [y, m, d] = [born.getUTCFullYear(), born.getUTCMonth() + 1, born.getUTCDate()];
  const birthDate = `${y}-${two(m)}-${two(d)}`;
  const centuryDigit = (Math.floor(y / 100) - 18) * 2 + (male ? 1 : 2);
  const head = `${two(y % 100)}${two(m)}${two(d)}${centuryDigit}`;
  const digits = [...head].map(Number);
  for (let s = serial; ; s += 1) {
    const n = s % 10_000;
    digits.length = 7;
    digits.push(Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10);
    const check = iinCheckDigit(digits);
    if (check !== null) return { iin: `${head}${String(n).padStart(4, '0')}${check}`, birthDate };
  }
}

/** The voter list of an election: distinct IINs, everyone of age; made again on demand, never kept. */
export function votersOf(plan: ElectionPlan): VoterRow[] {
  const addressOf = addressesOf(plan.index, plan.seed);
  const rand = random(plan.seed ^ Math.imul(plan.index + 1, 0x85ebca6b));
  return Array.from({ length: plan.voters }, (_, k) => {
    const day = (k * 7_919 + plan.index * 104_729) % 24_800; // a bijection for k < 24,800
    const male = k % 2 === 0;
    const { iin, birthDate } = iinFor(BORN_FROM + day * DAY_MS, male, 1 + ((plan.index * 13) % 8_000));
    return { iin, fullName: fullNameOf(rand, male), birthDate, address: addressOf(rand) };
  });
}

/** A CSV cell as Excel writes it: quoted, inner quotes doubled, only where it holds the separator, a quote or a line break. */
function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The election's register as a commission exports it from Excel ("CSV UTF-8" on a Russian-language Windows):
 * a byte-order mark, `;` between cells, CRLF after each line, a header line of the API's field names.
 */
export function registerFile(plan: ElectionPlan): Buffer {
  const lines = ['iin;fullName;birthDate;address'];
  for (const v of votersOf(plan))
    lines.push(`${v.iin};${csvCell(v.fullName)};${v.birthDate};${csvCell(v.address)}`);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
}

export function candidateOf(n: number) {
  const { iin, birthDate } = iinFor(
    Date.UTC(1960, 0, 1) + ((n * 37) % 12_000) * DAY_MS,
    n % 2 === 0,
    9_000 + (n % 900),
  );
  return { iin, birthDate, fullName: `Candidate ${n}` };
}

/** How many valid signers a self-nominee brings: two more than required, or one to three short. */
function validSignersOf(plan: ElectionPlan, nomination: Extract<NominationPlan, { route: 'self' }>): number {
  const required = requiredSignatures(plan.voters);
  return nomination.reaches ? required + 2 : Math.max(0, required - 1 - (nomination.candidate % 3));
}

/** Invalid lines beside `valid` valid ones: about 15%, at least one, at most one of each of the seven reasons. */
function invalidLinesOf(valid: number): number {
  return Math.min(7, Math.max(1, Math.round(valid * 0.15)));
}

/**
 * The lines `signatureSheets` gives a self-nominee, counted without making the election's voters: the storage
 * floor writes one item per line.
 */
export function signatureLineCount(
  plan: ElectionPlan,
  nomination: Extract<NominationPlan, { route: 'self' }>,
): number {
  const valid = validSignersOf(plan, nomination);
  return valid + invalidLinesOf(valid);
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
  const valid = validSignersOf(plan, nomination);
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
    ...invalid.slice(0, invalidLinesOf(valid)),
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
