/**
 * The p-th percentile of ascending `sorted` by the nearest-rank method: the smallest value with at least p of all
 * values at or below it (p95 of 100 latencies is the 95th smallest), rounded to 0.1. 0 when there is none.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return Math.round((sorted[rank - 1] ?? 0) * 10) / 10;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** p50, p95 and p99 of latencies in any order (milliseconds). */
export function latencySummary(ms: readonly number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}
