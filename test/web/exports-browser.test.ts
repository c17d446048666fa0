import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportTable } from '../../web/src/lib/exports/export-table.ts';
import { bundledScript, launchChromium } from '../support/component-page.ts';

/** What the bundle defines in the page. */
type ExportInPage = { exportTable?: (format: 'xlsx' | 'csv', table: ExportTable) => Promise<void> };

/** A commission's cases: an IIN with a leading zero, and a name someone typed as a formula. */
const table: ExportTable = {
  sheetName: 'Істер',
  columns: [
    { header: 'Аты-жөні', kind: 'text' },
    { header: 'ЖСН', kind: 'identifier' },
  ],
  rows: [
    ['Серікова Әлия', '061211600012'],
    ['=HYPERLINK("http://evil.example")', '900101300018'],
  ],
};

let browser: Browser;
let script: string;

beforeAll(async () => {
  script = await bundledScript(`
    import { downloadCsv, downloadXlsx } from './web/src/lib/exports/download.ts';
    window.exportTable = (format, table) =>
      format === 'xlsx' ? downloadXlsx(table, 'cases') : Promise.resolve(downloadCsv(table, 'cases'));
  `);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function download(format: 'xlsx' | 'csv') {
  const page = await browser.newPage({ acceptDownloads: true });
  await page.setContent(
    '<!doctype html><html lang="kk"><head><title>Export</title></head><body></body></html>',
  );
  await page.addScriptTag({ content: script });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(([f, t]) => (globalThis as ExportInPage).exportTable?.(f, t), [format, table] as const),
  ]);
  const path = await file.path();
  const saved = { name: file.suggestedFilename(), bytes: await readFile(path) };
  await page.close();
  return saved;
}

describe('exports downloaded from a real Chromium', () => {
  it('saves an XLSX that opens with the IIN as text and the formula-like name inert', async () => {
    const { name, bytes } = await download('xlsx');
    expect(name).toBe('cases.xlsx');
    const [sheet] = await readXlsxFile(bytes);
    expect(sheet?.sheet).toBe('Істер');
    expect(sheet?.data).toEqual([
      ['Аты-жөні', 'ЖСН'],
      ['Серікова Әлия', '061211600012'],
      [`'=HYPERLINK("http://evil.example")`, '900101300018'],
    ]);
  });

  it('saves a CSV in UTF-8 with its byte order mark and CRLF line ends', async () => {
    const { name, bytes } = await download('csv');
    expect(name).toBe('cases.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { bom: true, trim: true })).toEqual([
      ['Аты-жөні', 'ЖСН'],
      ['Серікова Әлия', '061211600012'],
      [`'=HYPERLINK("http://evil.example")`, '900101300018'],
    ]);
  });
});
