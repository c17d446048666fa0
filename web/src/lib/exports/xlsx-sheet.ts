import {
  type CellValue,
  type ExportColumn,
  type ExportTable,
  inertText,
  isDigits,
  safeSheetName,
} from './export-table.ts';

/**
 * A table as write-excel-file's sheet data: the same in the browser (`write-excel-file/browser`, see
 * `download.ts`) and in Node (`write-excel-file/node`, the tests). Every text cell is a string cell formatted as
 * Text ('@'): Excel keeps `061211600012` as typed, with its zero, and a text-formatted cell stays text even when
 * someone edits it. Text that starts like a formula also gets OWASP's apostrophe (`inertText`), as in the CSV, so
 * the cell stays harmless if the sheet is saved as CSV again.
 *
 * The types are written out here rather than imported from write-excel-file, whose entry points differ between
 * browser and Node; they are a subset of its `Cell` and `SheetOptions`.
 */
export interface XlsxCell {
  readonly value?: string | number;
  readonly type?: StringConstructor | NumberConstructor;
  readonly format?: string;
  readonly fontWeight?: 'bold';
  readonly wrap?: boolean;
}

export interface XlsxSheet {
  readonly data: (XlsxCell | null)[][];
  readonly options: {
    readonly sheet: string;
    readonly columns: { width: number }[];
    /** The header row stays in view while scrolling. */
    readonly stickyRowsCount: number;
  };
}

const TEXT_FORMAT = '@';

function cell(value: CellValue, column: ExportColumn | undefined): XlsxCell | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : null;
  // An identifier of digits is written as it is; anything else goes through the same inert rule.
  const text = column?.kind === 'identifier' && isDigits(value) ? value : inertText(value);
  return { value: text, type: String, format: TEXT_FORMAT };
}

/** The table as one XLSX sheet: a bold header row, then the rows. */
export function xlsxSheet(table: ExportTable): XlsxSheet {
  const header = table.columns.map(
    (column): XlsxCell => ({
      value: inertText(column.header),
      type: String,
      format: TEXT_FORMAT,
      fontWeight: 'bold',
    }),
  );
  const rows = table.rows.map((row) => row.map((value, index) => cell(value, table.columns[index])));
  return {
    data: [header, ...rows],
    options: {
      sheet: safeSheetName(table.sheetName),
      columns: table.columns.map((column) => ({ width: column.width ?? 16 })),
      stickyRowsCount: 1,
    },
  };
}
