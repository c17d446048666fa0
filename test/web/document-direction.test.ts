import { describe, expect, it } from 'vitest';
import { decisionDocument } from '../../web/src/documents/decision-documents.ts';
import type { DocumentContext } from '../../web/src/documents/document-context.ts';
import { documentLines } from '../../web/src/documents/document-text.ts';

const context: DocumentContext = {
  election: {
    unit: { kind: 'rural-district', nameKk: 'Ақтоғай ауылдық округі', nameRu: 'Актогайский сельский округ' },
    electionDay: '2026-03-15',
    timeZone: 'Asia/Almaty',
  },
};

/** Every embedding, override and isolate control there is, each left unclosed in a name or a reason. */
const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('a printed decision with direction controls in what was filed', () => {
  it.each(['kk', 'ru'] as const)(
    'keeps its sentences in reading order: no control reaches the %s paper',
    (language) => {
      for (const control of CONTROLS) {
        const doc = decisionDocument(
          {
            route: 'self',
            nominator: null,
            candidate: { fullName: `Ерік Сәтбаев${control}` },
            decisions: {
              'registration-decision': {
                at: '2026-02-20T06:00:00.000Z',
                outcome: 'refused',
                details: {
                  grounds: ['documents-incomplete'],
                  reasons: `${control}Декларация тапсырылмаған.`,
                  number: `7${control}/1`,
                },
              },
            },
          },
          'refusal',
          context,
          language,
        );
        if (doc === null) throw new Error('a refused case has its refusal');
        const lines = documentLines(doc).join('\n');
        expect(lines).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        // The letters themselves stay: only the controls go.
        expect(lines).toContain('Ерік Сәтбаев');
        expect(lines).toContain('Декларация тапсырылмаған.');
        expect(lines).toContain('№ 7/1');
      }
    },
  );
});
