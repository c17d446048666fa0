import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { IinSchema, refineBirthDateMatchesIin } from '../../shared/domain/iin.ts';
import { ageOn, LocalDateSchema } from '../../shared/domain/local-date.ts';
import { SIGNER_MINIMUM_AGE } from '../../shared/domain/signatures.ts';
import { soundRow, VoterRowSchema, votesOn } from '../../shared/domain/voter-register.ts';
import { validIinArb } from '../support/iins.ts';

/** The row as the law states it, each rule read the plain way: what the schema must answer, issue for issue. */
const PlainVoterRowSchema = z
  .strictObject({
    iin: IinSchema,
    fullName: z.string().trim().min(1).max(300),
    birthDate: LocalDateSchema,
    address: z.string().trim().min(1).max(500),
  })
  .superRefine(refineBirthDateMatchesIin);

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const dates = fc
  .date({ min: new Date('1800-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** An IIN stating `date`, with any digit 7 (the century) and any serial and check digit. */
const iinOf = (date: string, centuryDigit: number, rest: string) =>
  `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8)}${centuryDigit}${rest}`;
const digit = fc.integer({ min: 0, max: 9 });
/** IINs of every kind: right, wrong check digit, wrong century, impossible dates, too short, not digits. */
const iins = fc.oneof(
  digits(12),
  fc.tuple(dates, digit, digits(5)).map(([date, c, rest]) => iinOf(date, c, rest)),
  fc.string({ maxLength: 13 }),
);
const names = {
  fullName: fc.constantFrom('Асқар Нұрланұлы', '', '  '),
  address: fc.constantFrom('с. Шамалган', ''),
};
const rows = fc.oneof(
  fc.record({
    iin: iins,
    birthDate: fc.oneof(dates, fc.constantFrom('1985-02-30', '85-04-02', '')),
    ...names,
  }),
  // The birth date the IIN states, right or wrong about the century.
  fc
    .tuple(dates, digit, digits(5))
    .chain(([date, c, rest]) =>
      fc.record({ iin: fc.constant(iinOf(date, c, rest)), birthDate: fc.constant(date), ...names }),
    ),
);

describe('a voter row', () => {
  it('is judged as the plain reading of its rules judges it: the same issues, or the same row', () => {
    fc.assert(
      fc.property(rows, (row) => {
        const [fast, plain] = [VoterRowSchema.safeParse(row), PlainVoterRowSchema.safeParse(row)];
        expect(fast.success).toBe(plain.success);
        expect(fast.error?.issues).toEqual(plain.error?.issues);
        expect(fast.data).toEqual(plain.data);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is taken without its schema only when the schema takes it, with the same IIN and birth date', () => {
    const soundRows = fc
      .tuple(validIinArb, fc.string({ maxLength: 320 }), fc.string({ maxLength: 520 }))
      .map(([{ iin, birthDate }, fullName, address]) => ({ iin, fullName, birthDate, address }));
    // Sound rows bent: a field dropped, added, of another type, padded; the row not a plain object at all.
    const bent = fc.oneof(
      soundRows.map(({ address: _, ...rest }) => rest),
      soundRows.map((row) => ({ ...row, extra: 'x' })),
      soundRows.map((row) => ({ ...row, fullName: 42 })),
      soundRows.map((row) => ({ ...row, iin: ` ${row.iin}` })),
      soundRows.map((row) => Object.assign(Object.create({ inherited: 1 }), row)),
      soundRows.map((row) => Object.assign(Object.create(null), row)),
      soundRows.map((row) => [row.iin, row.fullName, row.birthDate, row.address]),
      fc.constantFrom(null, undefined, 'row', 7),
    );
    fc.assert(
      fc.property(fc.oneof(rows, soundRows, bent), (row) => {
        const fast = soundRow(row);
        const parsed = VoterRowSchema.safeParse(row);
        if (fast !== null) {
          expect(parsed.success).toBe(true);
          expect(fast).toEqual({ iin: parsed.data?.iin, birthDate: parsed.data?.birthDate });
        }
      }),
      { numRuns: 10_000 },
    );
    // Every row a sound register has is taken (that is what makes a large import fast).
    fc.assert(
      fc.property(soundRows, (row) => {
        const parsed = VoterRowSchema.safeParse(row);
        expect(soundRow(row) !== null).toBe(parsed.success);
      }),
      { numRuns: 5_000 },
    );
  });

  it('votes when 18 or older on election day, whatever the two dates', () => {
    fc.assert(
      fc.property(dates, dates, (birthDate, electionDay) => {
        const row = { iin: '850402300011', fullName: 'A', birthDate, address: 'B' };
        expect(votesOn(row, electionDay)).toBe(ageOn(birthDate, electionDay) >= SIGNER_MINIMUM_AGE);
      }),
      { numRuns: 20_000 },
    );
    // Born on 29 February: 18 on 1 March of a year without one, not on 28 February.
    const leapling = { iin: '080229500000', fullName: 'A', birthDate: '2008-02-29', address: 'B' };
    expect(votesOn(leapling, '2026-02-28')).toBe(false);
    expect(votesOn(leapling, '2026-03-01')).toBe(true);
  });
});
