import * as z from 'zod';
import { centuryOf, IinSchema, iinDefectOf, refineBirthDateMatchesIin } from './iin.ts';
import { ageOn, type LocalDate, LocalDateSchema } from './local-date.ts';
import { SIGNER_MINIMUM_AGE } from './signatures.ts';

/**
 * Whether `birthDate` is the date digits 1–7 of `iin` state (`YYMMDD` and the century), read as written, not
 * checked; without allocating, as every row of a register asks it.
 */
function statesBirthDate(iin: unknown, birthDate: unknown): boolean {
  if (typeof iin !== 'string' || typeof birthDate !== 'string') return false;
  if (iin.length !== 12 || birthDate.length !== 10) return false;
  const century = centuryOf(iin.charCodeAt(6) - 0x30);
  if (century === null) return false;
  const hundreds = century / 100;
  const same = (at: number, of: number) => birthDate.charCodeAt(at) === iin.charCodeAt(of);
  return (
    birthDate.charCodeAt(0) === 0x30 + Math.floor(hundreds / 10) &&
    birthDate.charCodeAt(1) === 0x30 + (hundreds % 10) &&
    same(2, 0) &&
    same(3, 1) &&
    birthDate[4] === '-' &&
    same(5, 2) &&
    same(6, 3) &&
    birthDate[7] === '-' &&
    same(8, 4) &&
    same(9, 5)
  );
}

/**
 * `refineBirthDateMatchesIin`, without reading the IIN a second time (the field's schema has read it) where the
 * birth date is the one the IIN states, as on every row of a sound register: there the two agree whatever the
 * IIN's faults, which its own schema reports. Reading an IIN is the dearest step of checking a row.
 */
function refineRowBirthDate(row: { iin: string; birthDate: string }, ctx: z.RefinementCtx): void {
  if (statesBirthDate(row.iin, row.birthDate)) return;
  refineBirthDateMatchesIin(row, ctx);
}

const FULL_NAME_MAX = 300;
const ADDRESS_MAX = 500;

/**
 * One row of the district's voter list as the commission imports it. Only the IIN is kept afterwards:
 * it is all the signature check needs, and personal data not kept cannot leak.
 */
export const VoterRowSchema = z
  .strictObject({
    iin: IinSchema,
    fullName: z.string().trim().min(1).max(FULL_NAME_MAX),
    birthDate: LocalDateSchema,
    address: z.string().trim().min(1).max(ADDRESS_MAX),
  })
  .superRefine(refineRowBirthDate);
export type VoterRow = z.infer<typeof VoterRowSchema>;

/** What the checks need of a row: the voter's IIN, and the birth date that says whether they vote. */
export type ListedRow = Pick<VoterRow, 'iin' | 'birthDate'>;

const ROW_FIELDS = 4;

function hasTrimmedLength(value: unknown, max: number): boolean {
  if (typeof value !== 'string') return false;
  const length = value.trim().length;
  return length >= 1 && length <= max;
}

/**
 * A row `VoterRowSchema` takes, read without it: a plain object of exactly its four fields, each sound, the birth
 * date the one the IIN states. Null for anything else, which the schema then reads and names the faults of.
 * Building a schema's result for each of millions of rows was most of an import's time.
 */
export function soundRow(value: unknown): ListedRow | null {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return null;
  let fields = 0;
  for (const _ in value) fields += 1;
  if (fields !== ROW_FIELDS) return null;
  const { iin, fullName, birthDate, address } = value as Record<string, unknown>;
  if (typeof iin !== 'string' || typeof birthDate !== 'string') return null;
  if (!hasTrimmedLength(fullName, FULL_NAME_MAX) || !hasTrimmedLength(address, ADDRESS_MAX)) return null;
  if (!statesBirthDate(iin, birthDate) || iinDefectOf(iin) !== null) return null;
  return { iin, birthDate };
}

/**
 * CLE 4 p.1: who is on the list, 18 or older on election day: a test of a row's birth date, made once for a
 * whole list.
 */
export function votesOnDay(electionDay: LocalDate): (row: Pick<VoterRow, 'birthDate'>) => boolean {
  // 18 or older ⟺ born on or before the same day 18 years earlier. ISO dates of four-digit years compare as text
  // (a 29 February that year lacks compares right too): no date arithmetic for each row of a list.
  const year = Number(electionDay.slice(0, 4)) - SIGNER_MINIMUM_AGE;
  if (year < 1000) return (row) => ageOn(row.birthDate, electionDay) >= SIGNER_MINIMUM_AGE;
  const latestBirthDate = `${year}${electionDay.slice(4)}`;
  return (row) => row.birthDate <= latestBirthDate;
}

/** CLE 4 p.1: on the list only if 18 or older on election day. */
export function votesOn(row: Pick<VoterRow, 'birthDate'>, electionDay: LocalDate): boolean {
  return votesOnDay(electionDay)(row);
}
