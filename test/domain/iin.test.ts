import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IinSchema, iinCheckDigit, readIin } from '../../shared/domain/iin.ts';
import { validIinArb } from '../support/iins.ts';

/** The resolution read the plain way, step by step: what the one-pass reader must answer for any string. */
function plainReading(iin: string) {
  if (!/^\d{12}$/.test(iin)) return { ok: false, code: 'IIN_MALFORMED' };
  const digits = [...iin].map(Number);
  const centuryDigit = digits[6] ?? 0;
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: false, code: 'IIN_CENTURY_INVALID' };
  const year = [1800, 1900, 2000][Math.floor((centuryDigit - 1) / 2)] ?? 0;
  const [yy, month, day] = [iin.slice(0, 2), iin.slice(2, 4), iin.slice(4, 6)].map(Number);
  const date = new Date(Date.UTC(year + (yy ?? 0), (month ?? 0) - 1, day));
  if (date.getUTCMonth() !== (month ?? 0) - 1 || date.getUTCDate() !== day) {
    return { ok: false, code: 'IIN_BIRTH_DATE_INVALID' };
  }
  if (iinCheckDigit(digits.slice(0, 11)) !== digits[11]) return { ok: false, code: 'IIN_CHECKSUM' };
  const birthDate = `${year + (yy ?? 0)}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { ok: true, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' };
}

describe('IIN (Government Resolution No. 406)', () => {
  it('answers for any string what the plain reading of the resolution answers', () => {
    const nearIins = fc.oneof(
      fc.stringMatching(/^\d{12}$/),
      validIinArb.map(({ iin }) => iin),
      // Real IINs with one character changed (a letter, a non-ASCII digit, another digit), cut or lengthened.
      fc
        .tuple(validIinArb, fc.nat(11), fc.constantFrom('a', '٣', ' ', '0', '9', '', '12'))
        .map(([{ iin }, at, put]) => `${iin.slice(0, at)}${put}${iin.slice(at + 1)}`),
      fc.string({ maxLength: 14 }),
    );
    fc.assert(
      fc.property(nearIins, (iin) => {
        expect(readIin(iin)).toEqual(plainReading(iin));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the reference example: born 2006-12-11, female', () => {
    expect(readIin('061211600012')).toEqual({ ok: true, birthDate: '2006-12-11', sex: 'female' });
  });

  it('uses the second weights when the first sum gives 10', () => {
    // 061211600012: first pass gives 87 mod 11 = 10, second gives 112 mod 11 = 2.
    expect(iinCheckDigit([0, 6, 1, 2, 1, 1, 6, 0, 0, 0, 1])).toBe(2);
  });

  it.each([
    ['06121160001', 'IIN_MALFORMED'],
    ['06121160001a', 'IIN_MALFORMED'],
    [' 061211600012', 'IIN_MALFORMED'],
    ['061211000012', 'IIN_CENTURY_INVALID'],
    ['061211700012', 'IIN_CENTURY_INVALID'],
    ['061311600012', 'IIN_BIRTH_DATE_INVALID'],
    ['070229600012', 'IIN_BIRTH_DATE_INVALID'],
    ['061211600013', 'IIN_CHECKSUM'],
  ])('rejects %s as %s', (iin, code) => {
    expect(readIin(iin)).toEqual({ ok: false, code });
  });

  it('reads back the birth date and sex of every IIN it can issue', () => {
    fc.assert(
      fc.property(validIinArb, ({ iin, birthDate, sex }) => {
        expect(readIin(iin)).toEqual({ ok: true, birthDate, sex });
      }),
    );
  });

  it('refuses every other check digit', () => {
    fc.assert(
      fc.property(validIinArb, fc.integer({ min: 1, max: 9 }), ({ iin }, shift) => {
        const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + shift) % 10}`;
        expect(readIin(wrong)).toEqual({ ok: false, code: 'IIN_CHECKSUM' });
      }),
    );
  });

  it('accepts a string only when its check digit is the computed one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (iin) => {
        const facts = readIin(iin);
        if (facts.ok) expect(iinCheckDigit([...iin.slice(0, 11)].map(Number))).toBe(Number(iin[11]));
      }),
    );
  });

  it('names the broken rule when used as a schema', () => {
    const result = IinSchema.safeParse('061211600013');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'IIN_CHECKSUM' } });
  });
});
