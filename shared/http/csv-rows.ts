import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { MAX_ROWS, type SourceRow, tableRows, unreadable } from './file-rows.ts';
import { decodeUtf8 } from './utf8.ts';

const windows1251 = new TextDecoder('windows-1251');

/**
 * The text of a CSV as commissions save it: UTF-8 when it starts with a byte-order mark or its bytes are
 * UTF-8, Windows-1251 when that is declared or the bytes are not UTF-8 (Excel's "CSV" on a Russian-language
 * Windows). Cyrillic in Windows-1251 is almost never valid UTF-8 by chance; a declared charset settles the rare
 * text that is.
 */
function csvText(bytes: Uint8Array, declared: 'windows-1251' | undefined): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) return decodeUtf8(bytes.subarray(3));
  if (declared === undefined && isUtf8(bytes)) return decodeUtf8(bytes);
  return windows1251.decode(bytes);
}

/** The separator of a CSV: `;` (Excel where the decimal mark is a comma) or `,`, whichever its header line has more of. */
function separatorOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  let started = false;
  for (const c of text) {
    if (!quoted && (c === '\n' || c === '\r')) {
      if (started) break;
      continue;
    }
    started ||= c.trim() !== '';
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons += 1;
    else if (!quoted && c === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Line numbers of byte offsets, counted forward: CRLF, LF and a lone CR each end a line, as an editor shows
 * them (csv-parse's own count differs once a quoted cell breaks lines another way than the records do).
 */
function lineCounter(bytes: Uint8Array) {
  let at = 0;
  let line = 1;
  return (offset: number): number => {
    for (; at < offset; at += 1) {
      const byte = bytes[at];
      if (byte === 0x0a || (byte === 0x0d && bytes[at + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
}

/** Where a record starts: past the blank lines and empty records (only separators) after the one before. */
function recordStart(bytes: Uint8Array, from: number, separator: number): number {
  let at = from;
  while (at < bytes.length) {
    const byte = bytes[at];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== separator) break;
    at += 1;
  }
  return at;
}

/** What csv-parse gives with `info`: each record's cells, and the byte offset just past it. */
const CsvRecordsSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ bytes: z.int().nonnegative() }) }),
);

/**
 * A CSV with a header line as rows, each with the line it starts on (the header is line 1; a quoted cell may
 * span lines). A malformed file is refused naming the line where reading stopped.
 */
export function csvRows(bytes: Uint8Array, declared: 'windows-1251' | undefined): SourceRow[] {
  const text = csvText(bytes, declared);
  const separator = separatorOf(text);
  let records: z.infer<typeof CsvRecordsSchema>;
  try {
    const parsed: unknown = parse(text, {
      delimiter: separator,
      // Whatever ends the lines, even mixed in one file (rows added in another editor).
      record_delimiter: ['\r\n', '\n', '\r'],
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      // The header and one row more than any body takes: enough for `tableRows` to refuse a larger file unread.
      to: MAX_ROWS + 2,
    });
    records = CsvRecordsSchema.parse(parsed);
  } catch (error) {
    const line = error instanceof Error && 'lines' in error ? Number(error.lines) : Number.NaN;
    throw unreadable('CSV', Number.isInteger(line) ? line : undefined);
  }
  // csv-parse counts bytes of the text as UTF-8; line numbers are counted on the same bytes.
  const utf8 = new TextEncoder().encode(text);
  const lineAt = lineCounter(utf8);
  const [header, ...rest] = records;
  if (header === undefined) return [];
  let end = header.info.bytes;
  return tableRows(
    header.record,
    rest.map(({ record, info }) => {
      const line = lineAt(recordStart(utf8, end, separator.charCodeAt(0)));
      end = info.bytes;
      return { line, cells: record };
    }),
  );
}
