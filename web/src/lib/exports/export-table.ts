/**
 * What every export is made of: a sheet name, columns with their header and kind, and rows of plain values. The
 * CSV and XLSX writers read only this, so the registered list, the cases and a signature verdict are each one
 * function from an API response to a table (`tables.ts`), and both formats treat their cells the same way.
 *
 * Column kinds:
 * - `text`: any text; made inert against formula injection (`inertText`).
 * - `identifier`: digits that are a name, not a quantity (an IIN, a KATO code): kept as text with its leading
 *   zeros in both formats. A value that is not all digits (a mistyped IIN on a signature line) is `text`.
 * - `number`: a count or a sheet/line number, written as a number.
 */
export type CellValue = string | number | null;

export interface ExportColumn {
  readonly header: string;
  readonly kind: 'text' | 'identifier' | 'number';
  /** Column width in characters for the XLSX (CSV has none). */
  readonly width?: number;
}

export interface ExportTable {
  /** The XLSX sheet's name (Excel allows at most 31 characters and none of \ / ? * [ ] :). */
  readonly sheetName: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * Characters that make a spreadsheet read a cell as a formula (= + - @) or that some strip before doing so (tab,
 * carriage return): OWASP's list for CSV injection. Also a formula character behind blanks, invisible marks
 * (right-to-left, zero-width, BOM) or in its full-width form (＝ ＋ － ＠): spreadsheets that trim on import
 * (Google Sheets, LibreOffice's "trim spaces") or an East Asian input method would make a formula of it.
 */
const FORMULA_START =
  /^[\t\r]|^[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * Text a spreadsheet shows as it is and never evaluates: a value starting with a formula character gets an
 * apostrophe in front, as OWASP advises (`=HYPERLINK(…)` becomes `'=HYPERLINK(…)`); any other value is unchanged.
 */
export function inertText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Digits only: the identifiers kept as text. */
export function isDigits(value: string): boolean {
  return /^\d+$/.test(value);
}

/** A sheet name Excel accepts: forbidden characters replaced, at most 31 characters, never empty. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, ' ').trim();
  return (cleaned.length === 0 ? 'Sheet' : cleaned).slice(0, 31);
}
