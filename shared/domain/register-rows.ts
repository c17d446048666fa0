import type { FieldIssue } from './errors.ts';
import type { LocalDate } from './local-date.ts';
import { BYTES_PER_IIN, packIins } from './register-snapshot.ts';
import { toFieldIssues } from './validation.ts';
import { type ListedRow, soundRow, VoterRowSchema, votesOnDay } from './voter-register.ts';

/** A well-formed row's voter, and the row's place in the list. */
export interface ListedVoter {
  readonly at: number;
  readonly iin: string;
}

/**
 * The rules a register's rows must meet, one row at a time or all together, so that a list read in chunks (a
 * job) is refused for the same rows, with the same words, as one checked in a request.
 */

/** Where a row stands: its line in the uploaded file, else its place in the list. */
function placeOf(at: number, lines: readonly number[] | undefined) {
  const line = lines?.[at];
  return line === undefined ? {} : { line };
}

/** Where a repeated row and its first occurrence stand: their lines in the uploaded file, else their places in the list. */
function repeatDetails(at: number, first: number, lines: readonly number[] | undefined) {
  const line = lines?.[at];
  const firstLine = lines?.[first];
  return line === undefined || firstLine === undefined
    ? { entry: at + 1, firstEntry: first + 1 }
    : { line, firstLine };
}

/** A row read by its schema (one `soundRow` did not take): the row, or null with its faults added to `issues`. */
function parsedRow(
  value: unknown,
  at: number,
  lines: readonly number[] | undefined,
  issues: FieldIssue[],
): ListedRow | null {
  const parsed = VoterRowSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of toFieldIssues(parsed.error, value)) {
    const field = issue.field === '(body)' ? `voters.${at}` : `voters.${at}.${issue.field}`;
    issues.push({ ...issue, field, ...placeOf(at, lines) });
  }
  return null;
}

/**
 * Rows `from` onward of the list (`rows[i]` is row `from + i`): each checked against the row's schema, and a
 * well-formed one for being 18 on election day (CLE 4 p.1). The rows that pass, and an issue for each fault.
 */
export function checkRegisterRows(
  rows: readonly unknown[],
  from: number,
  electionDay: LocalDate,
  lines: readonly number[] | undefined,
): { voters: ListedVoter[]; issues: FieldIssue[] } {
  const voters: ListedVoter[] = [];
  const issues: FieldIssue[] = [];
  const votes = votesOnDay(electionDay);
  rows.forEach((value, i) => {
    const at = from + i;
    const row = soundRow(value) ?? parsedRow(value, at, lines, issues);
    if (row === null) return;
    if (!votes(row)) {
      issues.push({
        field: `voters.${at}.birthDate`,
        code: 'VOTER_UNDER_18',
        ...placeOf(at, lines),
      });
    }
    voters.push({ at, iin: row.iin });
  });
  return { voters, issues };
}

/** Every row that lists a voter listed before, naming where that voter was first listed. */
export function repeatedVoters(
  voters: readonly ListedVoter[],
  lines: readonly number[] | undefined,
): FieldIssue[] {
  const firstAt = new Map<string, number>();
  const issues: FieldIssue[] = [];
  voters.forEach(({ at: i, iin }) => {
    const first = firstAt.get(iin);
    if (first === undefined) {
      firstAt.set(iin, i);
      return;
    }
    issues.push({
      field: `voters.${i}.iin`,
      code: 'DUPLICATE_VOTER',
      details: repeatDetails(i, first, lines),
      ...placeOf(i, lines),
    });
  });
  return issues;
}

/**
 * The list as it is kept (its IINs packed: register-snapshot.ts) and its repeated voters named. The packed form
 * holds each voter once: when it holds as many as the list has rows, none repeats, and no row's first occurrence
 * is looked up (a map of every IIN of every list imported).
 */
export function packedList(
  voters: readonly ListedVoter[],
  lines: readonly number[] | undefined,
): { packed: Buffer; repeated: FieldIssue[] } {
  const packed = packIins(voters.map((v) => v.iin));
  const repeated = packed.length / BYTES_PER_IIN === voters.length ? [] : repeatedVoters(voters, lines);
  return { packed, repeated };
}

/** Issues in the order of the rows they name (`voters.<row>…`), as a clerk reads the file. */
export function inRowOrder<T extends { readonly field: string }>(issues: readonly T[]): T[] {
  const rowOf = (issue: T) => Number.parseInt(issue.field.split('.')[1] ?? '', 10) || 0;
  return [...issues].sort((a, b) => rowOf(a) - rowOf(b));
}
