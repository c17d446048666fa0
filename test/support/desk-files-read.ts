import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Download, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';

/** The text of a PDF, page after page, whitespace made single spaces: what a reader of the printout reads. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(''),
    );
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}

/** What the browser saved when `click` pressed a download button: its name and its bytes. */
export async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The first sheet of an XLSX file, as rows of cells. */
export async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
  return readSheet(bytes);
}
