import { z } from 'zod';
import { centuryOf, IinSchema, readIin, refineBirthDateMatchesIin } from './iin.ts';
import { ageOn, type LocalDate, LocalDateSchema } from './local-date.ts';
import { SIGNER_MINIMUM_AGE } from './signatures.ts';

/** The birth date digits 1–7 of an IIN state (`YYMMDD` and the century), not checked; null when they cannot. */
function birthDateStated(iin: unknown): string | null {
  if (typeof iin !== 'string' || iin.length !== 12) return null;
  const century = centuryOf(iin.charCodeAt(6) - 0x30);
  if (century === null) return null;
  const year = century + Number(iin.slice(0, 2));
  return `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
}

/**
 * `refineBirthDateMatchesIin`, without reading the IIN a second time (the field's schema has read it) where the
 * birth date is the one the IIN states, as on every row of a sound register: there the two agree whatever the
 * IIN's faults, which its own schema reports. Reading an IIN is the dearest step of checking a row.
 */
function refineRowBirthDate(row: { iin: string; birthDate: string }, ctx: z.RefinementCtx): void {
  if (birthDateStated(row.iin) === row.birthDate) return;
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
  if (Object.keys(value).length !== ROW_FIELDS) return null;
  const { iin, fullName, birthDate, address } = value as Record<string, unknown>;
  if (typeof iin !== 'string' || typeof birthDate !== 'string') return null;
  if (!hasTrimmedLength(fullName, FULL_NAME_MAX) || !hasTrimmedLength(address, ADDRESS_MAX)) return null;
  if (birthDateStated(iin) !== birthDate || !readIin(iin).ok) return null;
  return { iin, birthDate };
}

/** CLE 4 p.1: on the list only if 18 or older on election day. */
export function votesOn(row: Pick<VoterRow, 'birthDate'>, electionDay: LocalDate): boolean {
  // 18 or older ⟺ born on or before the same day 18 years earlier. ISO dates of four-digit years compare as text
  // (a 29 February that year lacks compares right too): no date arithmetic for each row of a list.
  const year = Number(electionDay.slice(0, 4)) - SIGNER_MINIMUM_AGE;
  if (year < 1000) return ageOn(row.birthDate, electionDay) >= SIGNER_MINIMUM_AGE;
  return row.birthDate <= `${year}${electionDay.slice(4)}`;
}
