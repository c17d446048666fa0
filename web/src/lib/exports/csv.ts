import { type CellValue, type ExportColumn, type ExportTable, inertText, isDigits } from './export-table.ts';

/**
 * A table as CSV for people who open it in Excel and for programs: UTF-8 with a byte order mark (without it Excel
 * reads Kazakh and Russian as Windows-1251 or 1252 garbage), lines ended by CRLF, fields quoted as RFC 4180 says
 * (a field with a quote, a delimiter, CR or LF is quoted, its quotes doubled).
 *
 * Identifiers (an IIN, `061211600012`) stay text in Excel: Excel turns any field of digits into a number, quoted or
 * not, and drops the leading zero. The field is written as a tab followed by the digits. We do not use ="…", which
 * is itself a formula (the very thing the export must never contain), nor a leading apostrophe, which Excel shows
 * as part of a CSV field. A tab before digits cannot start a formula: the field is digits, checked here; anything
 * else in an identifier column is written as inert text. A program reading the file trims the field
 * (csv-parse `trim: true`).
 *
 * The delimiter is a comma (RFC 4180). Excel set to a Russian or Kazakh locale expects a semicolon when a file is
 * opened by double click; `delimiter: ';'` gives that file, and the XLSX export avoids the question.
 */
export interface CsvOptions {
  readonly delimiter?: ',' | ';';
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** One field quoted as RFC 4180 requires: only when it holds a quote, the delimiter, CR or LF. */
export function quoteField(value: string, delimiter: ',' | ';' = ','): string {
  const needsQuotes = value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value);
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

function fieldText(value: CellValue, column: ExportColumn | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (column?.kind === 'identifier' && isDigits(value)) return `\t${value}`;
  return inertText(value);
}

/** The table as the text of a CSV file, BOM first. */
export function toCsv(table: ExportTable, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const line = (cells: readonly string[]) => cells.map((cell) => quoteField(cell, delimiter)).join(delimiter);
  const header = line(table.columns.map((column) => inertText(column.header)));
  const rows = table.rows.map((row) =>
    line(row.map((value, index) => fieldText(value, table.columns[index]))),
  );
  return BOM + [header, ...rows].map((text) => text + CRLF).join('');
}
