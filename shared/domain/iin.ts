import * as z from 'zod';
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
export function centuryOf(digit: number): number | null {
  return digit >= 1 && digit <= 6 ? 1800 + Math.floor((digit - 1) / 2) * 100 : null;
}

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;
}

/** The check digit of two weighted sums of the first 11 digits, or null when the second also gives 10. */
function checkDigitOf(first: number, second: number): number | null {
  if (first % 11 < 10) return first % 11;
  return second % 11 === 10 ? null : second % 11;
}

/**
 * The check digit for the first 11 digits, or null when no check digit exists
 * (second pass also gives 10: such serials are never issued).
 */
export function iinCheckDigit(firstEleven: readonly number[]): number | null {
  return checkDigitOf(weightedMod11(firstEleven, FIRST_WEIGHTS), weightedMod11(firstEleven, SECOND_WEIGHTS));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/**
 * What is wrong with an IIN, or null when nothing is. One pass over the characters, without allocating: a
 * register's every row is read, millions in a national cycle.
 */
export function iinDefectOf(iin: string): IinDefect['code'] | null {
  if (iin.length !== 12) return 'IIN_MALFORMED';
  let first = 0;
  let second = 0;
  for (let i = 0; i < 12; i += 1) {
    const digit = iin.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return 'IIN_MALFORMED';
    if (i < 11) {
      first += (FIRST_WEIGHTS[i] ?? 0) * digit;
      second += (SECOND_WEIGHTS[i] ?? 0) * digit;
    }
  }
  const digitAt = (i: number) => iin.charCodeAt(i) - 0x30;
  const century = centuryOf(digitAt(6));
  if (century === null) return 'IIN_CENTURY_INVALID';
  const year = century + digitAt(0) * 10 + digitAt(1);
  const month = digitAt(2) * 10 + digitAt(3);
  const day = digitAt(4) * 10 + digitAt(5);
  if (!isRealDate(year, month, day)) return 'IIN_BIRTH_DATE_INVALID';
  if (checkDigitOf(first, second) !== digitAt(11)) return 'IIN_CHECKSUM';
  return null;
}

/** Reads an IIN: its structure, birth date, sex and check digit. */
export function readIin(iin: string): IinFacts | IinDefect {
  const defect = iinDefectOf(iin);
  if (defect !== null) return { ok: false, code: defect };
  const centuryDigit = iin.charCodeAt(6) - 0x30;
  const year = (centuryOf(centuryDigit) ?? 0) + Number(iin.slice(0, 2));
  const birthDate = `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { ok: true, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' };
}

/** A well-formed IIN whose check digit holds. */
export const IinSchema = z
  .string()
  .superRefine((value, ctx) => {
    const facts = readIin(value);
    if (!facts.ok) ctx.addIssue({ code: 'custom', message: facts.code, params: { code: facts.code } });
  })
  // For the API's description only: the check itself says which rule a wrong IIN breaks.
  .meta({ pattern: '^\\d{12}$', description: 'IIN: 12 digits, the 12th a check digit' });

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
