import { z } from 'zod';
import { IinSchema, refineBirthDateMatchesIin } from './iin.ts';
import { ageOn, type LocalDate, LocalDateSchema } from './local-date.ts';
import { SIGNER_MINIMUM_AGE } from './signatures.ts';

/** The birth date digits 1–7 of an IIN state (`YYMMDD` and the century), not checked; null when they cannot. */
function birthDateStated(iin: unknown): string | null {
  if (typeof iin !== 'string' || iin.length !== 12) return null;
  const centuryDigit = iin.charCodeAt(6) - 0x30;
  if (centuryDigit < 1 || centuryDigit > 6) return null;
  const year = 1800 + Math.floor((centuryDigit - 1) / 2) * 100 + Number(iin.slice(0, 2));
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

/**
 * One row of the district's voter list as the commission imports it. Only the IIN is kept afterwards:
 * it is all the signature check needs, and personal data not kept cannot leak.
 */
export const VoterRowSchema = z
  .strictObject({
    iin: IinSchema,
    fullName: z.string().trim().min(1).max(300),
    birthDate: LocalDateSchema,
    address: z.string().trim().min(1).max(500),
  })
  .superRefine(refineRowBirthDate);
export type VoterRow = z.infer<typeof VoterRowSchema>;

/** CLE 4 p.1: on the list only if 18 or older on election day. */
export function votesOn(row: VoterRow, electionDay: LocalDate): boolean {
  // 18 or older ⟺ born on or before the same day 18 years earlier. ISO dates of four-digit years compare as text
  // (a 29 February that year lacks compares right too): no date arithmetic for each row of a list.
  const year = Number(electionDay.slice(0, 4)) - SIGNER_MINIMUM_AGE;
  if (year < 1000) return ageOn(row.birthDate, electionDay) >= SIGNER_MINIMUM_AGE;
  return row.birthDate <= `${year}${electionDay.slice(4)}`;
}
