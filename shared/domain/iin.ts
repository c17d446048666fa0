import { z } from 'zod';
import type { ErrorCode } from './error-catalogue.ts';
import type { LocalDate } from './local-date.ts';

/**
 * The individual identification number, as Government Resolution No. 406 of 22.05.2007 defines it:
 * `YYMMDD` birth date, digit 7 century and sex, digits 8–11 serial, digit 12 check digit.
 * IINs are personal data: nothing here logs them, and no public response may carry one.
 */
export type Sex = 'male' | 'female';

export type IinFacts = { readonly ok: true; readonly birthDate: LocalDate; readonly sex: Sex };
export type IinDefect = {
  readonly ok: false;
  readonly code: Extract<
    ErrorCode,
    'IIN_MALFORMED' | 'IIN_CENTURY_INVALID' | 'IIN_BIRTH_DATE_INVALID' | 'IIN_CHECKSUM'
  >;
};

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** Digit 7: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female; 0, 7, 8, 9 invalid. */
const CENTURY_BY_DIGIT: Readonly<Record<number, number>> = {
  1: 1800,
  2: 1800,
  3: 1900,
  4: 1900,
  5: 2000,
  6: 2000,
};

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;
}

/**
 * The check digit for the first 11 digits, or null when no check digit exists
 * (second pass also gives 10: such serials are never issued).
 */
export function iinCheckDigit(firstEleven: readonly number[]): number | null {
  const a = weightedMod11(firstEleven, FIRST_WEIGHTS);
  if (a < 10) return a;
  const b = weightedMod11(firstEleven, SECOND_WEIGHTS);
  return b === 10 ? null : b;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads an IIN: its structure, birth date, sex and check digit. */
export function readIin(iin: string): IinFacts | IinDefect {
  if (!/^\d{12}$/.test(iin)) return { ok: false, code: 'IIN_MALFORMED' };
  const digits = [...iin].map(Number);
  const centuryDigit = digits[6] ?? 0;
  const century = CENTURY_BY_DIGIT[centuryDigit];
  if (century === undefined) return { ok: false, code: 'IIN_CENTURY_INVALID' };
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isRealDate(year, month, day)) return { ok: false, code: 'IIN_BIRTH_DATE_INVALID' };
  if (iinCheckDigit(digits.slice(0, 11)) !== digits[11]) return { ok: false, code: 'IIN_CHECKSUM' };
  const birthDate = `${String(year).padStart(4, '0')}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { ok: true, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' };
}

/** A well-formed IIN whose check digit holds. */
export const IinSchema = z.string().superRefine((value, ctx) => {
  const facts = readIin(value);
  if (!facts.ok) ctx.addIssue({ code: 'custom', message: facts.code, params: { code: facts.code } });
});

/**
 * A refinement for records that state a birth date beside an IIN: the two must agree.
 * The mismatch is reported on `birthDate`.
 */
export function refineBirthDateMatchesIin(
  record: { iin: string; birthDate: string },
  ctx: z.RefinementCtx,
): void {
  const facts = readIin(record.iin);
  if (facts.ok && facts.birthDate !== record.birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: 'IIN_BIRTH_DATE_MISMATCH',
      params: { code: 'IIN_BIRTH_DATE_MISMATCH' },
    });
  }
}
