/**
 * What issue 14 ("Performance: a national cycle in two minutes on two cores, fast answers under load, lean
 * Lambdas") asks of each figure, as data: the benchmark prints every figure beside its target and floor, and
 * the README's table is made from the same rows. `source` quotes the row the target comes from.
 */
export interface Target {
  /** How the benchmark names the figure. */
  readonly what: string;
  /** `at-most`: the figure must not exceed `limit`; `at-least`: it must reach it. */
  readonly sense: 'at-most' | 'at-least';
  readonly limit: number;
  readonly unit: string;
  /** The limit is a multiple (`×`) or share (`%`) of the floor measured in the same run, not an absolute value. */
  readonly ofFloor: boolean;
  readonly source: string;
}

const target = (t: Target): Target => t;

export const targets = {
  cycleWallTime: target({
    what: 'national cycle, wall time',
    sense: 'at-most',
    limit: 120,
    unit: 's',
    ofFloor: false,
    source: 'issue 14, "national cycle … over HTTP with the manual clock": ≤ 120 s',
  }),
  cycleOverFloor: target({
    what: 'national cycle / its storage floor',
    sense: 'at-most',
    limit: 5,
    unit: '×',
    ofFloor: true,
    source:
      'issue 14, same row: ≤ 5× the fixed floor (raw batched writes of one item per election, case and signature line)',
  }),
  peakRss: target({
    what: 'peak RSS, engine + storage process',
    sense: 'at-most',
    limit: 1024,
    unit: 'MiB',
    ofFloor: false,
    source: 'issue 14, "peak RSS, engine + its storage process, whole cycle": ≤ 1 GiB together',
  }),
  storageRequestsPerCase: target({
    what: 'storage requests per case (besides one per signature line)',
    sense: 'at-most',
    limit: 10,
    unit: '',
    ofFloor: false,
    source: 'issue 14, "storage requests per case, besides one per counted signature": ≤ 10',
  }),
  readP95: target({
    what: 'p95 under 32 clients (getCase, listCandidates)',
    sense: 'at-most',
    limit: 50,
    unit: 'ms',
    ofFloor: false,
    source: 'issue 14, "32 concurrent clients (in their own process): getCase, listCandidates": p95 ≤ 50 ms',
  }),
  readThroughput: target({
    what: 'throughput under 32 clients / floor (getCase, listCandidates)',
    sense: 'at-least',
    limit: 60,
    unit: '%',
    ofFloor: true,
    source: 'issue 14, same row: throughput ≥ 60% of the same run’s floor',
  }),
  fileNominationThroughput: target({
    what: 'throughput under 32 clients / floor (fileNomination)',
    sense: 'at-least',
    limit: 50,
    unit: '%',
    ofFloor: true,
    source: 'issue 14, "same, fileNomination": ≥ 50% of its floor',
  }),
  bundleOverFloor: target({
    what: 'Lambda bundle / floor handler with the same SDK clients',
    sense: 'at-most',
    limit: 1.3,
    unit: '×',
    ofFloor: true,
    source:
      'issue 14, "Lambda bundle and cold module load, each function": ≤ 1.3× a floor handler that creates only the SDK clients that function uses',
  }),
  cycleCost: target({
    what: 'AWS cost of a national cycle',
    sense: 'at-most',
    limit: 3,
    unit: '$',
    ofFloor: false,
    source: 'issue 14, "AWS cost of a national cycle at list prices": ≤ $3 with CloudWatch Logs counted',
  }),
} as const;

/** Whether `figure` meets `t`; null when there is no figure (the part was not run, or nothing to compare with). */
export function meets(t: Target, figure: number | null): boolean | null {
  if (figure === null || !Number.isFinite(figure)) return null;
  return t.sense === 'at-most' ? figure <= t.limit : figure >= t.limit;
}
