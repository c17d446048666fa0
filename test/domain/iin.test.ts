import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IinSchema, iinCheckDigit, readIin } from '../../shared/domain/iin.ts';
import { validIinArb } from '../support/iins.ts';

describe('IIN (Government Resolution No. 406)', () => {
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
