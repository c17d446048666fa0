import { beforeAll, describe, expect, it } from 'vitest';
import { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { recordedLine } from '../support/evidence.ts';
import { createTestTable } from '../support/test-table.ts';

let signatures: SignatureRepository;

beforeAll(async () => {
  signatures = new SignatureRepository(await createTestTable());
});

const place = (l: { submissionId: string; sheet: number; line: number }) =>
  `${l.submissionId}/${l.sheet}/${l.line}`;

describe('signature storage: lines page by page', () => {
  it('gives every line of a case once, in submission, sheet and line order, and knows the last page', async () => {
    const lines = [
      ...Array.from({ length: 4 }, (_, i) => recordedLine('sub-b', 12, i + 1, i % 2 === 0)),
      ...Array.from({ length: 3 }, (_, i) => recordedLine('sub-a', 2 + i, 9, true)),
    ];
    await signatures.saveLines('case-paged', lines);
    await signatures.saveLines('case-other', [recordedLine('sub-a', 1, 1, true)]);

    const pages: { lines: string[]; more: boolean }[] = [];
    let after: { submissionId: string; sheet: number; line: number } | null = null;
    for (let more = true; more; ) {
      const page = await signatures.linesPage('case-paged', after, 3);
      pages.push({ lines: page.lines.map(place), more: page.more });
      after = page.lines.at(-1) ?? null;
      more = page.more;
    }

    expect(pages).toEqual([
      { lines: ['sub-a/2/9', 'sub-a/3/9', 'sub-a/4/9'], more: true },
      { lines: ['sub-b/12/1', 'sub-b/12/2', 'sub-b/12/3'], more: true },
      { lines: ['sub-b/12/4'], more: false },
    ]);
    expect(await signatures.linesPage('case-paged', null, 7)).toMatchObject({ more: false });
    expect((await signatures.linesPage('case-paged', null, 7)).lines).toEqual(
      await signatures.listLines('case-paged'),
    );
  });

  it('starts after a place that holds no line, and gives nothing for a case without lines', async () => {
    await signatures.saveLines('case-gaps', [
      recordedLine('sub-a', 1, 1, true),
      recordedLine('sub-a', 3, 1, true),
    ]);
    const page = await signatures.linesPage('case-gaps', { submissionId: 'sub-a', sheet: 2, line: 5 }, 10);
    expect(page.lines.map(place)).toEqual(['sub-a/3/1']);
    expect(await signatures.linesPage('case-none', null, 10)).toEqual({ lines: [], more: false });
  });
});
