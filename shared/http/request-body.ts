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

/** Reads a body by its content type; a malformed line is a ValidationError naming the line. */
export function readBody(contentType: string | undefined, text: string): RequestBody {
  const type = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json' || type === '') {
    if (text.trim() === '') return { kind: 'json', value: {} };
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      throw invalid('(body)', 'JSON');
    }
  }
  if (type === 'application/x-ndjson' || type === 'application/jsonl') {
    const lines = text.split(/\r?\n/);
    const rows = lines.flatMap((line, i) => {
      if (line.trim() === '') return [];
      try {
        return [JSON.parse(line)];
      } catch {
        throw invalid(`line ${i + 1}`, 'JSON line');
      }
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
