import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  requiredSignatures,
  type SignatureCheckContext,
  type SignatureLine,
  verifySignatures,
} from '../../shared/domain/signatures.ts';
import { makeIin } from '../support/iins.ts';
import { signatureContext } from '../support/signatures.ts';

const adult = makeIin('1980-05-17', 'male', 11);

function line(sheet: number, n: number, overrides: Partial<SignatureLine> = {}): SignatureLine {
  const iin = overrides.iin ?? makeIin('1975-01-01', 'female', sheet * 100 + n);
  return {
    sheet,
    line: n,
    iin,
    fullName: 'Signer',
    birthDate: overrides.birthDate ?? `19${iin.slice(0, 2)}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
    address: 'Aul, 1',
    signedOn: '2026-02-10',
    collector: 'Collector 1',
    ...overrides,
  };
}

const context = signatureContext;

describe('the 1% threshold (CLE 113-3)', () => {
  it('rounds up: 800 voters need 8, 1,236 need 13, 100 need 1', () => {
    expect(requiredSignatures(800)).toBe(8);
    expect(requiredSignatures(1236)).toBe(13);
    expect(requiredSignatures(100)).toBe(1);
    expect(requiredSignatures(101)).toBe(2);
  });

  it('is the least count that reaches 1% of the voters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (voters) => {
        const required = requiredSignatures(voters);
        expect(required * 100).toBeGreaterThanOrEqual(voters);
        expect((required - 1) * 100).toBeLessThan(voters);
      }),
    );
  });
});

describe('verifying signature sheets', () => {
  it('counts valid lines and reports the shortfall against the threshold', () => {
    const verdict = verifySignatures([line(1, 1), line(1, 2), line(1, 3)], context({ voters: 800 }));
    expect(verdict).toMatchObject({
      validCount: 3,
      required: 8,
      shortfall: 5,
      sufficient: false,
      rejectedCount: 0,
    });
  });

  it('is sufficient at exactly the threshold', () => {
    const lines = Array.from({ length: 8 }, (_, i) => line(1, i + 1));
    expect(verifySignatures(lines, context({ voters: 800 }))).toMatchObject({
      validCount: 8,
      shortfall: 0,
      sufficient: true,
    });
  });

  it.each<[string, Partial<SignatureLine>, Partial<SignatureCheckContext>, string]>([
    ['a malformed IIN', { iin: '12345' }, {}, 'IIN_MALFORMED'],
    [
      'a wrong check digit',
      { iin: `${adult.slice(0, 11)}${(Number(adult[11]) + 1) % 10}`, birthDate: '1980-05-17' },
      {},
      'IIN_CHECKSUM',
    ],
    [
      'a birth date other than the IIN’s',
      { iin: adult, birthDate: '1980-05-18' },
      {},
      'IIN_BIRTH_DATE_MISMATCH',
    ],
    [
      'a sex other than the IIN’s',
      { iin: adult, birthDate: '1980-05-17', sex: 'female' },
      {},
      'IIN_SEX_MISMATCH',
    ],
    [
      'a signer under 18 on the signing date',
      { iin: makeIin('2008-02-11'), birthDate: '2008-02-11', signedOn: '2026-02-10' },
      {},
      'SIGNER_UNDER_18',
    ],
    ['a date before nomination opened', { signedOn: '2026-02-04' }, {}, 'SIGNED_OUTSIDE_WINDOW'],
    ['a date after nomination closed', { signedOn: '2026-02-18' }, {}, 'SIGNED_OUTSIDE_WINDOW'],
    ['a signer not on the register', {}, { isOnRegister: () => false }, 'SIGNER_NOT_ON_REGISTER'],
    [
      'a voter counted by an earlier submission',
      { iin: adult, birthDate: '1980-05-17' },
      {
        alreadyCounted: new Map([[adult, { sheet: 3, line: 7, submissionId: 'earlier' }]]),
        countedBefore: 1,
      },
      'DUPLICATE_SIGNER',
    ],
    ['a line an earlier submission gave', {}, { alreadySubmitted: new Set(['1/1']) }, 'DUPLICATE_LINE'],
    [
      'a supporter of another candidate where that is forbidden',
      {},
      { supportsAnotherCandidate: () => true, multipleSupportAllowed: false },
      'SUPPORTS_ANOTHER_CANDIDATE',
    ],
  ])('rejects %s with its reason', (_, lineOverrides, contextOverrides, reason) => {
    const verdict = verifySignatures([line(1, 1, lineOverrides)], context(contextOverrides));
    const firstCounted =
      reason === 'DUPLICATE_SIGNER' ? { firstCounted: { sheet: 3, line: 7, submissionId: 'earlier' } } : {};
    expect(verdict.lines).toEqual([{ sheet: 1, line: 1, valid: false, reason, ...firstCounted }]);
    expect(verdict.reasons).toEqual({ [reason]: 1 });
    expect(verdict.validCount).toBe(contextOverrides.countedBefore ?? 0);
  });

  it('accepts a signer who turns 18 on the signing date', () => {
    const iin = makeIin('2008-02-10');
    const verdict = verifySignatures(
      [line(1, 1, { iin, birthDate: '2008-02-10', signedOn: '2026-02-10' })],
      context(),
    );
    expect(verdict.validCount).toBe(1);
  });

  it('counts a voter once: the first line in sheet order, the later ones are duplicates', () => {
    const verdict = verifySignatures(
      [
        line(2, 5, { iin: adult, birthDate: '1980-05-17' }),
        line(1, 9, { iin: adult, birthDate: '1980-05-17' }),
      ],
      context(),
    );
    expect(verdict.lines).toEqual([
      { sheet: 1, line: 9, valid: true, alsoSupportsAnother: false },
      { sheet: 2, line: 5, valid: false, reason: 'DUPLICATE_SIGNER', firstCounted: { sheet: 1, line: 9 } },
    ]);
    expect(verdict.newlyCounted).toEqual([adult]);
  });

  it('reports support of several candidates when it is allowed', () => {
    const verdict = verifySignatures(
      [line(1, 1), line(1, 2)],
      context({ supportsAnotherCandidate: (iin) => iin === line(1, 2).iin }),
    );
    expect(verdict).toMatchObject({ validCount: 2, crossCandidateSupport: 1 });
  });

  it('adds earlier counted signatures to the total', () => {
    const verdict = verifySignatures([line(1, 1)], context({ voters: 300, countedBefore: 2 }));
    expect(verdict).toMatchObject({ validCount: 3, required: 3, sufficient: true });
  });

  it('always accounts for every line exactly once, valid or with one reason', () => {
    const lineArb = fc.record({
      sheet: fc.integer({ min: 1, max: 3 }),
      line: fc.integer({ min: 1, max: 5 }),
      iin: fc.oneof(fc.constant(adult), fc.stringMatching(/^\d{12}$/)),
      signedOn: fc.constantFrom('2026-02-01', '2026-02-10'),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), fc.boolean(), (raw, allowed) => {
        const lines = raw.map((r) =>
          line(r.sheet, r.line, { iin: r.iin, birthDate: '1980-05-17', signedOn: r.signedOn }),
        );
        const verdict = verifySignatures(
          lines,
          context({ multipleSupportAllowed: allowed, supportsAnotherCandidate: () => true }),
        );
        expect(verdict.lines).toHaveLength(lines.length);
        const rejected = Object.values(verdict.reasons).reduce((a, b) => a + b, 0);
        expect(rejected + verdict.newlyCounted.length).toBe(lines.length);
        expect(new Set(verdict.newlyCounted).size).toBe(verdict.newlyCounted.length);
      }),
    );
  });
});
