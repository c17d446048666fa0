import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { MAX_ROWS, type SourceRow, tableRows, unreadable } from './file-rows.ts';
import { decodeUtf8 } from './utf8.ts';

const windows1251 = new TextDecoder('windows-1251');
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

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
 * Line numbers of offsets, counted forward: CRLF, LF and a lone CR each end a line, as an editor shows
 * them (csv-parse's own count differs once a quoted cell breaks lines another way than the records do).
 */
function lineCounter(units: Uint8Array | string): (upTo: number) => number {
  let line = 1;
  if (typeof units === 'string') {
    // From break to break: each LF, and each CR no LF follows, as the loop over bytes below counts them.
    let lf = units.indexOf('\n');
    let cr = units.indexOf('\r');
    return (upTo) => {
      for (; lf !== -1 && lf < upTo; lf = units.indexOf('\n', lf + 1)) line += 1;
      for (; cr !== -1 && cr < upTo; cr = units.indexOf('\r', cr + 1))
        if (units.charCodeAt(cr + 1) !== LF) line += 1;
      return line;
    };
  }
  let offset = 0;
  return (upTo) => {
    for (; offset < upTo; offset += 1) {
      const unit = units[offset];
      if (unit === LF || (unit === CR && units[offset + 1] !== LF)) line += 1;
    }
    return line;
  };
}

/** The code unit at an offset: a byte of UTF-8, or a UTF-16 unit of text (the same for the ASCII looked for). */
function unitAt(units: Uint8Array | string): (offset: number) => number | undefined {
  return typeof units === 'string'
    ? (offset) => (offset < units.length ? units.charCodeAt(offset) : undefined)
    : (offset) => units[offset];
}

/** Where a record starts: past the blank lines and empty records (only separators) after the one before. */
function recordStart(units: Uint8Array | string, from: number, separator: number): number {
  const at = unitAt(units);
  let offset = from;
  while (offset < units.length) {
    const unit = at(offset);
    if (unit !== 0x20 && unit !== 0x09 && unit !== LF && unit !== CR && unit !== separator) break;
    offset += 1;
  }
  return offset;
}

/**
 * A CSV's records, each with the offset just past it (past its line break), and what the offsets count: the
 * text's UTF-16 units or its UTF-8 bytes. Either way its line breaks are at the same places among them.
 */
export interface CsvRecords {
  readonly records: readonly { readonly cells: readonly string[]; readonly end: number }[];
  readonly units: string | Uint8Array;
}

/** Whether `code` is a character `String.prototype.trim` removes: the whitespace csv-parse's `trim` removes too. */
function isTrimmed(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff;
}

/** Past the whitespace at `from` that csv-parse trims off a cell; a line break is no space but the record's end. */
function pastSpace(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === LF || code === CR || !isTrimmed(code)) break;
  }
  return i;
}

/**
 * Where `char` next stands in `text` at or after an offset (the text's length when nowhere): found with indexOf,
 * which outruns a loop over each character, and remembered, since the reader only moves forward.
 */
function nextOf(text: string, char: string): (from: number) => number {
  let at = -1;
  return (from) => {
    if (at < from) {
      at = text.indexOf(char, from);
      if (at === -1) at = text.length;
    }
    return at;
  };
}

/**
 * The records of a CSV exactly as csv-parse reads them with the options of `csvRows`, offsets in the text, read
 * in one pass: csv-parse took about 20 µs a register row, most of an import's time. Null for anything csv-parse would
 * refuse or read in a relaxed way (a quote inside an unquoted cell, text after a closing quote, a quote never
 * closed): csv-parse then reads the file, so that what it says of the file, and where, stays its own.
 */
export function onePassRecords(text: string, delimiter: ';' | ',', limit: number): CsvRecords | null {
  const separator = delimiter.charCodeAt(0);
  const records: CsvRecords['records'][number][] = [];
  const n = text.length;
  const next = {
    separator: nextOf(text, delimiter),
    lf: nextOf(text, '\n'),
    cr: nextOf(text, '\r'),
    quote: nextOf(text, '"'),
  };
  let i = 0;
  while (i < n && records.length < limit) {
    const cells: string[] = [];
    let code = -1;
    for (;;) {
      // A cell: its leading whitespace left out (a line break ends the record instead), then quoted or plain.
      i = pastSpace(text, i);
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return null;
          value += text.slice(from, quote);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += '"';
            from = quote + 2;
            continue;
          }
          i = quote + 1;
          break;
        }
        // After the closing quote only spaces and tabs, then the separator or the end of the record. (csv-parse
        // refuses other whitespace there, a character of more than one byte, after a quoted cell that is not empty.)
        for (; i < n; i += 1) {
          code = text.charCodeAt(i);
          if (code !== 0x20 && code !== 0x09 && code !== 0x0b && code !== 0x0c) break;
        }
        code = i < n ? text.charCodeAt(i) : -1;
        if (code !== -1 && code !== separator && code !== LF && code !== CR) return null;
        cells.push(value);
      } else {
        const start = i;
        i = Math.min(next.separator(i), next.lf(i), next.cr(i));
        if (next.quote(start) < i) return null;
        code = i < n ? text.charCodeAt(i) : -1;
        cells.push(text.slice(start, i).trimEnd());
      }
      if (code === separator) {
        i += 1;
        continue;
      }
      // A line break (CRLF, LF or a lone CR) or the end of the text ends the record.
      if (code === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else if (code !== -1) i += 1;
      break;
    }
    // Blank lines and records of empty cells are no records (csv-parse: skip_empty_lines,
    // skip_records_with_empty_values).
    if (cells.some((cell) => cell.trim() !== '')) records.push({ cells, end: i });
  }
  return { records, units: text };
}

/** What csv-parse gives with `info`: each record's cells, and the byte offset just past it. */
const CsvRecordsSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ bytes: z.int().nonnegative() }) }),
);

/** The records as csv-parse reads them; their offsets are of the text's UTF-8 bytes, which it counts. */
export function csvParseRecords(text: string, separator: ';' | ',', limit: number): CsvRecords {
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
      to: limit,
    });
    records = CsvRecordsSchema.parse(parsed);
  } catch (error) {
    const line = error instanceof Error && 'lines' in error ? Number(error.lines) : Number.NaN;
    throw unreadable('CSV', Number.isInteger(line) ? line : undefined);
  }
  return {
    records: records.map(({ record, info }) => ({ cells: record, end: info.bytes })),
    units: new TextEncoder().encode(text),
  };
}

/**
 * A CSV with a header line as rows, each with the line it starts on (the header is line 1; a quoted cell may
 * span lines). A malformed file is refused naming the line where reading stopped.
 */
export function csvRows(bytes: Uint8Array, declared: 'windows-1251' | undefined): SourceRow[] {
  const text = csvText(bytes, declared);
  const separator = separatorOf(text);
  // The header and one row more than any body takes: enough for `tableRows` to refuse a larger file unread.
  const limit = MAX_ROWS + 2;
  const { records, units } =
    onePassRecords(text, separator, limit) ?? csvParseRecords(text, separator, limit);
  const lineAt = lineCounter(units);
  const [header, ...rest] = records;
  if (header === undefined) return [];
  let end = header.end;
  return tableRows(
    header.cells,
    rest.map(({ cells, end: next }) => {
      const line = lineAt(recordStart(units, end, separator.charCodeAt(0)));
      end = next;
      return { line, cells };
    }),
  );
}
