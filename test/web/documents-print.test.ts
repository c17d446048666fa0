import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseForDocuments, decisionDocument } from '../../web/src/documents/decision-documents.ts';
import type { DocumentContext } from '../../web/src/documents/document-context.ts';
import { type DocumentText, documentLines } from '../../web/src/documents/document-text.ts';
import { signatureProtocol } from '../../web/src/documents/signature-protocol.ts';
import { componentPage, componentScript, launchChromium } from '../support/component-page.ts';
import { horizontalOverflow, seriousAccessibilityViolations } from '../support/desk-browser.ts';
import { pdfText } from '../support/desk-files-read.ts';

const context: DocumentContext = {
  election: {
    unit: { kind: 'rural-district', nameKk: 'Ақтоғай ауылдық округі', nameRu: 'Актогайский сельский округ' },
    electionDay: '2026-03-15',
    timeZone: 'Asia/Almaty',
  },
  commission: { chair: 'Серікбаев Нұрлан Асқарұлы', secretary: 'Ахметова Гүлнар Қайратқызы' },
};

const refused: CaseForDocuments = {
  route: 'self',
  nominator: null,
  candidate: { fullName: 'Жұмабаев Ерлан Серікұлы' },
  decisions: {
    'registration-decision': {
      at: '2026-02-24T19:30:00.000Z',
      outcome: 'refused',
      details: {
        number: '5/12',
        grounds: ['age-requirement'],
        reasons: 'Кандидатқа сайлау күні 25 жас толмайды.',
      },
    },
  },
};

let browser: Browser;
let script: string;

beforeAll(async () => {
  script = await componentScript('web/src/documents/PrintableDocument.tsx', 'PrintableDocument');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const show = (doc: DocumentText, width = 1280) =>
  componentPage(browser, {
    script,
    styleSheets: ['web/src/documents/print.css'],
    props: { doc },
    width,
    language: doc.language,
    around: '<nav>Desk navigation</nav><button type="button">Print</button>',
  });

describe('paper: documents printed to PDF by a real Chromium', () => {
  for (const language of ['ru', 'kk'] as const) {
    it(`prints the ${language} refusal with every line of it, its number and date, and nothing of the page around it`, async () => {
      const doc = decisionDocument(refused, 'refusal', context, language) as DocumentText;
      const page = await show(doc);
      const text = (await pdfText(await page.pdf({ preferCSSPageSize: true }))).toLocaleLowerCase();
      // Every line the document functions wrote is in the PDF (the issuer is printed in capitals).
      for (const line of documentLines(doc))
        expect(text).toContain(line.replace(/\s+/g, ' ').toLocaleLowerCase());
      expect(text).toContain(language === 'ru' ? '25 февраля 2026 г. № 5/12' : '2026 жылғы 25 ақпан № 5/12');
      expect(text).not.toContain('desk navigation');
      expect(text).not.toContain('print');
      await page.close();
    });
  }

  it('prints a long signature protocol over several A4 pages, its table’s heading on each', async () => {
    const rejected = Array.from({ length: 120 }, (_, i) => ({
      sheet: Math.floor(i / 20) + 1,
      line: (i % 20) + 1,
      reason: 'SIGNER_NOT_ON_REGISTER',
    }));
    const doc = signatureProtocol(
      { fullName: 'Жұмабаев Ерлан Серікұлы', route: 'self', nominator: null },
      { validCount: 5, required: 13, shortfall: 8, sufficient: false, rejectedCount: 120, rejected },
      { at: '2026-02-10T09:00:00.000Z', number: '3' },
      context,
      'kk',
    );
    const page = await show(doc);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const parsed = await getDocument({ data: new Uint8Array(pdf) }).promise;
    expect(parsed.numPages).toBeGreaterThan(1);
    const text = await pdfText(pdf);
    expect(text.split('Парақ Жол Себебі').length - 1).toBe(parsed.numPages);
    expect(text).toContain('Комиссия хатшысы Ахметова Гүлнар Қайратқызы');
    await page.close();
  });

  it('shows a document on a 360 px phone without sideways scrolling and without a serious accessibility violation', async () => {
    const page = await show(decisionDocument(refused, 'refusal', context, 'kk') as DocumentText, 360);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
