import { parse } from 'csv-parse/sync';
import { localize } from '../domain/error-catalogue.ts';
import { ValidationError } from '../domain/errors.ts';

/** A request body: one JSON document, or rows (from CSV with a header line, or from JSON lines). */
export type RequestBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'rows'; readonly rows: unknown[] };

export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
}

function invalid(field: string, format: string): ValidationError {
  return new ValidationError([
    { field, code: 'INVALID_FORMAT', message: localize('INVALID_FORMAT', { format }) },
  ]);
}

/** How deep a JSON document may nest: the deepest body the API takes nests 4 levels. */
export const MAX_JSON_DEPTH = 32;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a body's bytes; bytes that are not UTF-8 are refused, never stored as replacement characters. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ValidationError([
      { field: '(body)', code: 'INVALID_ENCODING', message: localize('INVALID_ENCODING') },
    ]);
  }
}

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

/** One JSON document, refused as `field` when it is malformed or nests too deep. */
function parseJson(text: string, field: string, format: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ValidationError([
      { field, code: 'NESTED_TOO_DEEP', message: localize('NESTED_TOO_DEEP', { maximum: MAX_JSON_DEPTH }) },
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
    throw invalid(field, format);
  }
  return value;
}

/** Reads a body by its content type; a malformed line is a ValidationError naming the line. */
export function readBody(contentType: string | undefined, text: string): RequestBody {
  const type = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  // A byte-order mark is no part of the text: dropped the same way whether the bytes were decoded here or by API Gateway.
  text = text.replace(/^\uFEFF/, '');
  if (type === 'application/json' || type === '') {
    if (text.trim() === '') return { kind: 'json', value: {} };
    return { kind: 'json', value: parseJson(text, '(body)', 'JSON') };
  }
  if (type === 'application/x-ndjson' || type === 'application/jsonl') {
    const lines = text.split(/\r?\n/);
    const rows = lines.flatMap((line, i) => {
      if (line.trim() === '') return [];
      return [parseJson(line, `line ${i + 1}`, 'JSON line')];
    });
    return { kind: 'rows', rows };
  }
  if (type === 'text/csv') {
    try {
      const rows: Record<string, string>[] = parse(text, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
      });
      return { kind: 'rows', rows };
    } catch (error) {
      const line = error instanceof Error && 'lines' in error ? String(error.lines) : '?';
      throw invalid(`line ${line}`, 'CSV');
    }
  }
  throw new UnsupportedMediaTypeError(type);
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
