import { readSheet } from 'read-excel-file/node';
import { type SourceRow, tableRows, unreadable } from './file-rows.ts';
import { requireXlsxWithinBounds } from './xlsx-bounds.ts';

/** A number cell as the file wrote it: text, so that nothing is rounded and an IIN can get its zeros back. */
class NumberCell {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** An IIN typed into a number cell loses its leading zeros (everyone born 2000–2009): the column they go back into. */
const IIN_COLUMN = 'iin';

/** A cell as the text a CSV would hold: a date cell as YYYY-MM-DD, an empty cell as ''. */
function cellText(cell: unknown, column: string | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof NumberCell) {
    return column === IIN_COLUMN && /^\d{1,11}$/.test(cell.text) ? cell.text.padStart(12, '0') : cell.text;
  }
  // The reader makes a date cell a Date at midnight UTC of that day.
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? String(cell) : cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * The first sheet of an XLSX as rows: its first row the header, each row with its sheet row number. A file
 * that is no XLSX, or that the reader cannot take, is refused as a whole.
 */
export async function xlsxRows(bytes: Uint8Array): Promise<SourceRow[]> {
  requireXlsxWithinBounds(bytes);
  let sheet: unknown[][];
  try {
    sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      parseNumber: (text) => new NumberCell(text),
    });
  } catch {
    throw unreadable('XLSX');
  }
  const [first = [], ...rest] = sheet;
  const header = first.map((cell) => cellText(cell, undefined));
  return tableRows(
    header,
    // The reader gives every row from the first on, empty ones too: row i of the sheet is entry i − 1.
    rest.map((cells, i) => ({ line: i + 2, cells: cells.map((cell, j) => cellText(cell, header[j])) })),
  );
}
