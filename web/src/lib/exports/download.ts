import writeXlsxFile from 'write-excel-file/browser';
import { toCsv } from './csv.ts';
import type { ExportTable } from './export-table.ts';
import { xlsxSheet } from './xlsx-sheet.ts';

/**
 * The desk's two export buttons: the table saved as `<name>.xlsx` or `<name>.csv` by the browser. Browser only
 * (Blob, an anchor's download); everything a file holds is decided by the pure functions it calls, which the tests
 * run under Node.
 */
export async function downloadXlsx(table: ExportTable, fileName: string): Promise<void> {
  const sheet = xlsxSheet(table);
  const blob = await writeXlsxFile(sheet.data, sheet.options).toBlob();
  save(blob, `${fileName}.xlsx`);
}

export function downloadCsv(table: ExportTable, fileName: string, delimiter: ',' | ';' = ','): void {
  save(new Blob([toCsv(table, { delimiter })], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The click has handed the file to the browser; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
