import { ValidationError } from '../domain/errors.ts';
import { MAX_ROWS, type SourceRow, tooManyRows, unreadable } from './file-rows.ts';
import { decodeUtf8 } from './utf8.ts';

/** A request body: one JSON document, or rows (CSV or XLSX with a header line, or JSON lines) with their lines. */
export type RequestBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'rows'; readonly rows: readonly SourceRow[] };

export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How deep a JSON document may nest: the deepest body the API takes nests 4 levels. */
export const MAX_JSON_DEPTH = 32;

/** Whether JSON text nests deeper than `max` arrays and objects; counted on the text, before parsing it. */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** One JSON document (of JSON lines: the one at `line`), refused when it is malformed or nests too deep. */
function parseJson(text: string, format: string, line?: number): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ValidationError([
      {
        field: line === undefined ? '(body)' : `line ${line}`,
        code: 'NESTED_TOO_DEEP',
        details: { maximum: MAX_JSON_DEPTH },
        ...(line === undefined ? {} : { line }),
      },
    ]);
  }
  let value: unknown;
  try {
    // A lone surrogate (`"\\ud800"`) is valid JSON but no text: it would be stored as a replacement character.
    value = JSON.parse(text, (key, v: unknown) => {
      if (!key.isWellFormed() || (typeof v === 'string' && !v.isWellFormed()))
        throw new SyntaxError('lone surrogate');
      return v;
    });
  } catch {
    throw unreadable(format, line);
  }
  return value;
}

/** The type of a Content-Type, and its charset, both in lower case. */
function mediaType(contentType: string | undefined): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = (contentType ?? 'application/json').split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * Reads a spreadsheet's rows (CSV, XLSX) by its media type and charset; null for a type it does not read. Only
 * bulk routes are handed one (`spreadsheet-rows.ts`), so that no other operation bundles the file readers.
 */
export type SpreadsheetReader = (
  type: string,
  charset: string | undefined,
  bytes: Uint8Array,
) => Promise<readonly SourceRow[] | null>;

/** Each non-empty line of JSON lines as a row, refused naming the first line that is no JSON. */
function jsonLines(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    if (rows.length === MAX_ROWS) throw tooManyRows();
    rows.push({ line: i + 1, value: parseJson(line, 'JSON line', i + 1) });
  }
  return rows;
}

/**
 * Reads a body's bytes by its content type: JSON, or where `rows` are taken also JSON lines and what the
 * spreadsheet reader reads (any other type is refused unread). JSON and JSON lines must be UTF-8. A malformed
 * body is a ValidationError naming the line.
 */
export async function readBody(
  contentType: string | undefined,
  bytes: Uint8Array,
  accepts: { readonly rows: false | SpreadsheetReader },
): Promise<RequestBody> {
  const { type, charset } = mediaType(contentType);
  if (type === 'application/json' || type === '') {
    const text = decodeUtf8(bytes);
    if (text.trim() === '') return { kind: 'json', value: {} };
    return { kind: 'json', value: parseJson(text, 'JSON') };
  }
  if (!accepts.rows) throw new UnsupportedMediaTypeError(type);
  if (type === 'application/x-ndjson' || type === 'application/jsonl') {
    return { kind: 'rows', rows: jsonLines(decodeUtf8(bytes)) };
  }
  const rows = await accepts.rows(type, charset, bytes);
  if (rows === null) throw new UnsupportedMediaTypeError(type);
  return { kind: 'rows', rows };
}

/** A CSV cell that should be a whole number becomes one; anything else stays as written, for the schema to refuse. */
export function wholeNumber(cell: unknown): unknown {
  return typeof cell === 'string' && /^\d+$/.test(cell) ? Number(cell) : cell;
}

/** An empty CSV cell means the column was left out. */
export function withoutEmptyCells(row: unknown): unknown {
  if (typeof row !== 'object' || row === null) return row;
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}
