// A register replaced: the ledger is made what the recorded lines give on the new one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedSignatureLine } from '../../shared/domain/signature-record.ts';
import { ledgerCorrection } from '../../shared/domain/signature-recount.ts';

/** A recorded line of `iin` at `submissionId` sheet/line, valid or refused with `reason`. */
function recorded(
  iin: string,
  [submissionId, sheet, line]: readonly [string, number, number],
  reason: string | null = null,
): RecordedSignatureLine {
  return {
    sheet,
    line,
    iin,
    fullName: `Signer ${iin}`,
    birthDate: '1975-03-04',
    address: 'Aul, 1',
    signedOn: '2026-02-10',
    collector: 'Collector',
    submissionId,
    valid: reason === null,
    reason,
  };
}

const listed =
  (...iins: string[]) =>
  (iin: string) =>
    iins.includes(iin);

describe('correcting a ledger on a new register', () => {
  it('takes off the counted signers it does not list, and counts the listed ones refused as not listed', () => {
    const lines = [
      recorded('a', ['s1', 1, 1]),
      recorded('b', ['s1', 1, 2]),
      recorded('c', ['s1', 1, 3], 'SIGNER_NOT_ON_REGISTER'),
      recorded('d', ['s1', 1, 4], 'SIGNER_NOT_ON_REGISTER'),
      recorded('e', ['s1', 1, 5], 'SIGNED_OUTSIDE_WINDOW'),
    ];
    expect(ledgerCorrection(lines, ['a', 'b'], listed('a', 'c', 'e'))).toEqual({
      remove: ['b'],
      add: [{ iin: 'c', at: { submissionId: 's1', sheet: 1, line: 3 } }],
    });
  });

  it('counts a signer once, at their valid line if they have one, never one already counted', () => {
    const lines = [
      recorded('a', ['s2', 1, 1], 'SIGNER_NOT_ON_REGISTER'),
      recorded('a', ['s1', 2, 7]),
      recorded('b', ['s2', 1, 2], 'SIGNER_NOT_ON_REGISTER'),
      recorded('b', ['s1', 1, 9], 'SIGNER_NOT_ON_REGISTER'),
      recorded('c', ['s1', 1, 3], 'SIGNER_NOT_ON_REGISTER'),
    ];
    expect(ledgerCorrection(lines, ['c'], listed('a', 'b', 'c')).add).toEqual([
      { iin: 'a', at: { submissionId: 's1', sheet: 2, line: 7 } },
      { iin: 'b', at: { submissionId: 's2', sheet: 1, line: 2 } },
    ]);
  });

  it('never counts a line a sample left unchecked, even when its signer is listed now', () => {
    const drawn = recorded('a', ['s1', 1, 1], 'SIGNER_NOT_ON_REGISTER');
    const notDrawn: RecordedSignatureLine = { ...recorded('b', ['s1', 1, 2]), valid: false, checked: false };
    expect(ledgerCorrection([drawn, notDrawn], [], listed('a', 'b'))).toEqual({
      remove: [],
      add: [{ iin: 'a', at: { submissionId: 's1', sheet: 1, line: 1 } }],
    });
  });

  it('leaves exactly the listed signers of lines that count, and those counted before who are listed', () => {
    const iin: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const lineArb = fc.record({
      iin,
      submissionId: fc.constantFrom('s1', 's2'),
      sheet: fc.integer({ min: 1, max: 3 }),
      line: fc.integer({ min: 1, max: 5 }),
      reason: fc.constantFrom(null, 'SIGNER_NOT_ON_REGISTER', 'DUPLICATE_SIGNER', 'IIN_CHECKSUM'),
    });
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 20 }),
        fc.uniqueArray(iin),
        fc.uniqueArray(iin),
        (raw, counted, register) => {
          const lines = raw.map((r) => recorded(r.iin, [r.submissionId, r.sheet, r.line], r.reason));
          const onRegister = (i: string) => register.includes(i);
          const { remove, add } = ledgerCorrection(lines, counted, onRegister);
          const after = new Set([...counted.filter((i) => !remove.includes(i)), ...add.map((a) => a.iin)]);
          const countable = lines.filter((l) => l.valid || l.reason === 'SIGNER_NOT_ON_REGISTER');
          const expected = new Set([...counted, ...countable.map((l) => l.iin)].filter(onRegister));
          expect(after).toEqual(expected);
          expect(add.filter((a) => counted.includes(a.iin))).toEqual([]);
          expect(new Set(add.map((a) => a.iin)).size).toBe(add.length);
        },
      ),
    );
  });
});
