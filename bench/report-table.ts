import { meets, type Target } from './targets.ts';

/** One line of the closing table: a figure of this run beside its target and the floor it is compared with. */
export interface ReportRow {
  readonly what: string;
  readonly figure: string;
  readonly target: string;
  readonly floor: string;
  readonly met: boolean | null;
}

/** The target as a reader checks it: "≤ 120 s", "≥ 60% of floor", "≤ $3". */
export function targetText(t: Target): string {
  const sign = t.sense === 'at-most' ? '≤' : '≥';
  const amount =
    t.unit === '$'
      ? `$${t.limit}`
      : `${t.limit}${t.unit === '' || t.unit === '%' || t.unit === '×' ? '' : ' '}${t.unit}`;
  return `${sign} ${amount}${t.ofFloor ? ' of floor' : ''}`;
}

/**
 * A row for `t`: `value` is what is compared with the target (in the target's unit: a ratio to the floor where
 * the target is one), `figure` how the run reports it, `floor` what the same run measured as the floor.
 */
export function reportRow(
  t: Target,
  value: number | null,
  figure: string,
  floor = '',
  what = t.what,
): ReportRow {
  return {
    what,
    figure: value === null ? 'not run' : figure,
    target: targetText(t),
    floor,
    met: meets(t, value),
  };
}

const MET_TEXT = { true: 'yes', false: 'NO', null: '–' } as const;

/** The rows as a plain-text table with a header and aligned columns (figures right-aligned). */
export function renderTable(rows: readonly ReportRow[]): string {
  const header = ['what', 'figure', 'target', 'floor (same run)', 'met?'];
  const cells = rows.map((r) => [r.what, r.figure, r.target, r.floor, MET_TEXT[`${r.met}`]]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c
      .map((text, i) => (i === 1 ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
