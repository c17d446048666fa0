import { ValidationError } from '../domain/errors.ts';

/** A row of an uploaded file and where it stands there: its first line (CSV, JSON lines) or its sheet row (XLSX). */
export interface SourceRow {
  readonly line: number;
  readonly value: unknown;
}

/** The most rows a file may hold: the largest bulk body, a voter register, has at most this many. */
export const MAX_ROWS = 100_000;

/** A file that cannot be read as `format`, with the line where reading stopped when that is known. */
export function unreadable(format: string, line?: number): ValidationError {
  return new ValidationError([
    {
      field: line === undefined ? '(body)' : `line ${line}`,
      code: 'INVALID_FORMAT',
      details: { format },
      ...(line === undefined ? {} : { line }),
    },
  ]);
}

/** Refused before any row is checked: more rows than any bulk body takes. */
export function tooManyRows(): ValidationError {
  return new ValidationError([{ field: '(body)', code: 'TOO_BIG', details: { maximum: MAX_ROWS } }]);
}

/** Sets a row's field; a column headed `__proto__` is a field like any other (the schema names it), not the row's prototype. */
function setField(row: Record<string, string>, name: string, cell: string): void {
  if (name === '__proto__')
    Object.defineProperty(row, name, { value: cell, enumerable: true, writable: true });
  else row[name] = cell;
}

/**
 * A table's records (CSV, a sheet) as rows keyed by its header line. A record with no value is left out (a
 * spreadsheet's formatted but empty rows); a value under no column, or under a repeated one, is kept as
 * `column N`, so that the schema names it instead of it being lost.
 */
export function tableRows(
  header: readonly string[],
  records: Iterable<{ readonly line: number; readonly cells: readonly string[] }>,
): SourceRow[] {
  const named = new Set<string>();
  const names = header.map((name) => {
    if (name === '' || named.has(name)) return undefined;
    named.add(name);
    return name;
  });
  const rows: SourceRow[] = [];
  // Plain loops: a national cycle's registers are millions of rows.
  for (const { line, cells } of records) {
    if (cells.every((cell) => cell === '')) continue;
    if (rows.length === MAX_ROWS) throw tooManyRows();
    const value: Record<string, string> = {};
    for (let j = 0; j < cells.length; j += 1) {
      const cell = cells[j] ?? '';
      const name = names[j];
      if (name !== undefined) setField(value, name, cell);
      else if (cell !== '') value[`column ${j + 1}`] = cell;
    }
    rows.push({ line, value });
  }
  return rows;
}

/** A refusal of a body made from rows, each issue with a row (`<field>.<i>…`) given the line that row came from. */
export function withRowLines(error: unknown, field: string, lines: readonly number[]): unknown {
  if (!(error instanceof ValidationError)) return error;
  const prefix = `${field}.`;
  return new ValidationError(
    error.issues.map((issue) => {
      if (!issue.field.startsWith(prefix)) return issue;
      const line = lines[Number.parseInt(issue.field.slice(prefix.length), 10)];
      return line === undefined ? issue : { ...issue, line };
    }),
  );
}
