import { beforeAll, describe, expect, it } from 'vitest';
import { recordLines } from '../../shared/domain/signature-record.ts';
import { type SignatureLine, verifySignatures } from '../../shared/domain/signatures.ts';
import { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { makeIin } from '../support/iins.ts';
import { signatureContext } from '../support/signatures.ts';
import { createTestTable } from '../support/test-table.ts';

let signatures: SignatureRepository;

beforeAll(async () => {
  signatures = new SignatureRepository(await createTestTable());
});

describe('signature storage: each voter counted once', () => {
  it('counts a voter for a candidate once on the ledger, however many submissions race, naming who counted it', async () => {
    const iin = makeIin('1970-01-01');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        signatures.ledger.count('case-a', iin, { submissionId: `sub-${i}`, sheet: 1, line: i + 1 }),
      ),
    );
    const winners = new Set(results.map((at) => at.submissionId));
    expect(winners.size).toBe(1);
    expect(await signatures.ledger.countOf('case-a')).toBe(1);
    const [winner] = results;
    expect(await signatures.ledger.entriesFor('case-a', [iin, makeIin('1970-01-02')])).toEqual(
      new Map([[iin, winner]]),
    );
  });

  it('recognises a submission’s own entry when it counts again (a retry after a crash)', async () => {
    const iin = makeIin('1970-02-01');
    const at = { submissionId: 'sub-1', sheet: 2, line: 3 };
    expect(await signatures.ledger.count('case-r', iin, at)).toEqual(at);
    expect(await signatures.ledger.count('case-r', iin, at)).toEqual(at);
    expect(
      await signatures.ledger.count('case-r', iin, { submissionId: 'sub-2', sheet: 9, line: 1 }),
    ).toEqual(at);
    expect(await signatures.ledger.countOf('case-r')).toBe(1);
  });

  it('lets a voter support several candidates where the election allows it, and reports it', async () => {
    const iin = makeIin('1971-01-01');
    expect(await signatures.holdSupport('e-2', 'case-a', iin, false)).toBe(true);
    expect(await signatures.holdSupport('e-2', 'case-b', iin, false)).toBe(true);
    expect((await signatures.supportOf('e-2', [iin])).get(iin)).toEqual(new Set(['case-a', 'case-b']));
  });

  it('keeps a voter to one candidate where the election forbids several, and to the same one on a retry', async () => {
    const iin = makeIin('1972-01-01');
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((c) => signatures.holdSupport('e-3', `case-${c}`, iin, true)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = `case-${['a', 'b', 'c', 'd'][results.indexOf(true)]}`;
    expect(await signatures.holdSupport('e-3', holder, iin, true)).toBe(true);
    expect((await signatures.supportOf('e-3', [iin])).get(iin)).toEqual(new Set([holder]));
  });

  it('knows nothing of voters never counted', async () => {
    expect(await signatures.supportOf('e-4', [makeIin('1973-01-01')])).toEqual(new Map());
  });
});

describe('signature storage: sheet lines', () => {
  it('keeps each line with its verdict and reason, in sheet order', async () => {
    const good = makeIin('1980-02-02');
    const lines: SignatureLine[] = [
      {
        sheet: 2,
        line: 1,
        iin: good,
        fullName: 'A',
        birthDate: '1980-02-02',
        address: 'x',
        signedOn: '2026-02-10',
        collector: 'c',
      },
      {
        sheet: 1,
        line: 3,
        iin: '1',
        fullName: 'B',
        birthDate: '1980-02-02',
        address: 'y',
        signedOn: '2026-02-10',
        collector: 'c',
      },
    ];
    const verdict = verifySignatures(lines, signatureContext({ voters: 500 }));
    await signatures.saveLines('case-lines', recordLines('sub-1', lines, verdict.lines));

    const stored = await signatures.listLines('case-lines');
    expect(stored.map((l) => [l.sheet, l.line, l.valid, l.reason, l.submissionId])).toEqual([
      [1, 3, false, 'IIN_MALFORMED', 'sub-1'],
      [2, 1, true, null, 'sub-1'],
    ]);
  });

  it('stores a thousand lines in batches', async () => {
    const lines: SignatureLine[] = Array.from({ length: 1000 }, (_, i) => ({
      sheet: Math.floor(i / 20) + 1,
      line: (i % 20) + 1,
      iin: makeIin('1975-06-06', 'male', i),
      fullName: 'Signer',
      birthDate: '1975-06-06',
      address: 'Aul',
      signedOn: '2026-02-10',
      collector: 'c',
    }));
    const verdicts = lines.map((l) => ({
      sheet: l.sheet,
      line: l.line,
      valid: true as const,
      alsoSupportsAnother: false,
    }));
    await signatures.saveLines('case-many', recordLines('sub-1', lines, verdicts));
    expect(await signatures.listLines('case-many')).toHaveLength(1000);
  });
});
