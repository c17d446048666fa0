import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { toCsv } from '../../web/src/lib/exports/csv.ts';
import type { ExportTable } from '../../web/src/lib/exports/export-table.ts';
import { xlsxSheet } from '../../web/src/lib/exports/xlsx-sheet.ts';

/** One text column of hostile values, as a name or a reason typed by anyone would arrive in an export. */
function oneColumn(values: readonly string[], kind: 'text' | 'identifier' = 'text'): ExportTable {
  return { sheetName: 'Тізім', columns: [{ header: 'Аты-жөні', kind }], rows: values.map((v) => [v]) };
}

function csvCells(table: ExportTable): string[] {
  const rows = parse(toCsv(table), { bom: true }) as string[][];
  return rows.slice(1).map((row) => row[0] ?? '');
}

async function xlsxCells(table: ExportTable): Promise<unknown[]> {
  const sheet = xlsxSheet(table);
  const [first] = await readXlsxFile(await writeXlsxFile(sheet.data, sheet.options).toBuffer());
  return (first?.data ?? []).slice(1).map((row) => row[0]);
}

/**
 * Whether a spreadsheet that trims blanks on import (Google Sheets' and LibreOffice's "trim spaces", or Excel
 * after a user's TRIM) would see a formula: the cell's first character after blanks, full-width forms included
 * (Excel with an East Asian input method turns ＝ into =).
 */
function looksLikeFormula(cell: string): boolean {
  return /^[\s\u3000]*[=+\-@＝＋－＠]/.test(cell);
}

describe('exports against formula injection in the forms attackers use', () => {
  const variants = [
    ' =1+1',
    '  +SUM(A1:A9)',
    '\u00a0=HYPERLINK("http://evil.example")',
    '\u3000=1+1',
    '＝1+1',
    '＋SUM(A1)',
    '－2+3',
    '＠SUM(A1)',
    "=cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    '\n=1+1',
  ];

  it('leaves no CSV cell that starts like a formula, even after leading blanks or in full-width letters', () => {
    const cells = csvCells(oneColumn(variants));
    expect(cells).toHaveLength(variants.length);
    for (const cell of cells) expect(looksLikeFormula(cell), JSON.stringify(cell)).toBe(false);
  });

  it('leaves no XLSX cell that starts like a formula either', async () => {
    const cells = await xlsxCells(oneColumn(variants));
    for (const cell of cells) expect(looksLikeFormula(String(cell)), JSON.stringify(cell)).toBe(false);
  });

  it('keeps harmless text as typed: a pipe, a percent sign, a hyphenated Kazakh name, a dash inside', () => {
    const harmless = ['cmd|calc', '50%', 'Нұр-Сұлтан', 'Әлия Серікқызы – ұстаз'];
    expect(csvCells(oneColumn(harmless))).toEqual(harmless);
  });

  it('keeps a negative count a number, not text with an apostrophe', async () => {
    const table: ExportTable = {
      sheetName: 's',
      columns: [{ header: 'n', kind: 'number' }],
      rows: [[-3], [0]],
    };
    expect(csvCells(table)).toEqual(['-3', '0']);
    expect(await xlsxCells(table)).toEqual([-3, 0]);
  });

  it('keeps a name with CRLF, quotes and a comma in one CSV cell, and the next row where it was', () => {
    const names = ['Ай "Гүл"\r\nОмарова, Астана', 'Дана'];
    expect(csvCells(oneColumn(names))).toEqual(names);
  });

  it('keeps right-to-left and zero-width marks out of the way of the formula check', () => {
    const cells = csvCells(oneColumn(['\u200f=1+1', '\u200b+1', '\ufeff=1']));
    for (const cell of cells)
      expect(looksLikeFormula(cell.replace(/[\u200b-\u200f\ufeff]/g, ''))).toBe(false);
  });

  it('keeps IINs with leading zeros as text in both formats, 20,000 of them', async () => {
    const iins = Array.from({ length: 20_000 }, (_, i) => `00${String(i).padStart(10, '0')}`);
    const table = oneColumn(iins, 'identifier');
    const csv = csvCells(table).map((cell) => cell.trim());
    expect(csv[0]).toBe('000000000000');
    expect(csv[19_999]).toBe('000000019999');
    const xlsx = await xlsxCells(table);
    expect(xlsx[0]).toBe('000000000000');
    expect(xlsx).toHaveLength(20_000);
  });

  it('writes Kazakh letters as UTF-8 after a BOM, so Excel does not read them as Windows-1251', () => {
    const csv = toCsv(oneColumn(['Әлия Ұлжан Қайрат Ғани Өмір Үміт Һ Іңкәр']));
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Әлия Ұлжан Қайрат Ғани Өмір Үміт Һ Іңкәр');
  });
});
