import type { LoadFigures, OperationUnderLoad } from './load/load-run.ts';
import { mixText } from './load/storage-mix.ts';
import { type ReportRow, reportRow } from './report-table.ts';
import { targets } from './targets.ts';

/** What the closing table needs of a national cycle's run. */
export interface CycleFigures {
  readonly wallSeconds: number;
  readonly peakRssMiB: { readonly engine: number; readonly storage: number };
  readonly storageRequestsPerCase: number | null;
  readonly storageFloor: {
    readonly items: number;
    readonly requests: number;
    readonly seconds: number;
    readonly ratio: number;
  } | null;
}

/** What it needs of the bundles: each function's size and cold load over its own floor. */
export interface BundleRatios {
  readonly handlers: readonly {
    readonly entry: string;
    readonly bytes: number;
    readonly bytesOverFloor: number;
    readonly coldLoadMs: number;
    readonly coldLoadOverFloor: number;
    readonly floor: { readonly bytes: number; readonly coldLoadMs: number };
  }[];
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
const num = (n: number) => n.toLocaleString('en');

/** `functions/api/get-case.ts` → `api/get-case` */
const shortName = (entry: string | undefined) =>
  (entry ?? '').replace(/^functions\//, '').replace(/\.ts$/, '');

function worst<T>(items: readonly T[], by: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>(
    (top, item) => (top === undefined || by(item) > by(top) ? item : top),
    undefined,
  );
}

/**
 * The national cycle's rows. `part` names the part of the country run, if not all of it ("a tenth" with --quick):
 * the targets of time and memory are for the whole country, so a part's are shown but not judged; its ratio to
 * its own floor is.
 */
export function cycleRows(cycle: CycleFigures | null, part: string | null = null): ReportRow[] {
  const floorOf = cycle?.storageFloor ?? null;
  const whole = (row: ReportRow): ReportRow =>
    part === null ? row : { ...row, figure: `${row.figure}, ${part} of the country`, met: null };
  const floorText = floorOf
    ? `${floorOf.seconds} s: ${num(floorOf.items)} items in ${num(floorOf.requests)} BatchWriteItem`
    : 'not run';
  return [
    whole(reportRow(targets.cycleWallTime, cycle?.wallSeconds ?? null, `${cycle?.wallSeconds} s`, floorText)),
    reportRow(
      targets.cycleOverFloor,
      floorOf?.ratio ?? null,
      `${floorOf?.ratio}×`,
      floorOf ? `${floorOf.seconds} s` : 'not run',
    ),
    whole(
      reportRow(
        targets.peakRss,
        cycle ? cycle.peakRssMiB.engine + cycle.peakRssMiB.storage : null,
        `${cycle ? num(cycle.peakRssMiB.engine + cycle.peakRssMiB.storage) : ''} MiB (engine ${cycle?.peakRssMiB.engine}, storage ${cycle?.peakRssMiB.storage})`,
      ),
    ),
    reportRow(
      targets.storageRequestsPerCase,
      cycle?.storageRequestsPerCase ?? null,
      `${cycle?.storageRequestsPerCase}`,
    ),
  ];
}

export function bundleRows(bundles: BundleRatios | null): ReportRow[] {
  const handlers = bundles?.handlers ?? [];
  const size = worst(handlers, (h) => h.bytesOverFloor);
  const load = worst(handlers, (h) => h.coldLoadOverFloor);
  return [
    reportRow(
      targets.bundleOverFloor,
      size?.bytesOverFloor ?? null,
      `${size?.bytesOverFloor}× (${shortName(size?.entry)}, ${kib(size?.bytes ?? 0)})`,
      size ? kib(size.floor.bytes) : '',
      `Lambda bundle size / its floor, worst of ${handlers.length}`,
    ),
    reportRow(
      targets.bundleOverFloor,
      load?.coldLoadOverFloor ?? null,
      `${load?.coldLoadOverFloor}× (${shortName(load?.entry)}, ${load?.coldLoadMs} ms)`,
      load ? `${load.floor.coldLoadMs} ms` : '',
      `Lambda cold module load / its floor, worst of ${handlers.length}`,
    ),
  ];
}

/** What the cost row needs of the cost model: the national cycle's bill, whole, by part and by kind (dearest first). */
export interface CycleCost {
  readonly usd: number;
  readonly partsUsd: Readonly<Record<string, number>>;
  readonly byKind: Readonly<Record<string, number>>;
  readonly dearest: readonly string[];
}

/** The cost row: the national cycle's bill, CloudWatch Logs counted, with its parts and dearest kinds beside it. */
export function costRow(cost: CycleCost | null): ReportRow {
  const dollars = (n: number | undefined) => `$${(n ?? 0).toFixed(2)}`;
  const parts = Object.entries(cost?.partsUsd ?? {})
    .map(([part, usd]) => `${part} ${dollars(usd)}`)
    .join(', ');
  const top = (cost?.dearest ?? [])
    .slice(0, 3)
    .map((kind) => `${kind} ${dollars(cost?.byKind[kind])}`)
    .join(', ');
  return reportRow(
    targets.cycleCost,
    cost?.usd ?? null,
    `${dollars(cost?.usd)}, logs counted: ${parts}; dearest ${top}`,
  );
}

function throughputRow(name: string, t: typeof targets.readThroughput, o: OperationUnderLoad): ReportRow {
  const row = reportRow(
    t,
    o.shareOfFloorPercent,
    `${num(o.api.perSecond)}/s = ${o.shareOfFloorPercent}%${o.api.errors > 0 ? `, ${num(o.api.errors)} errors` : ''}`,
    `${num(o.floor.perSecond)}/s of ${mixText(o.storageMix)}`,
    `${name}: throughput under load / floor`,
  );
  // Calls answered with an error are no throughput: a run with errors does not meet the target.
  return o.api.errors > 0 ? { ...row, met: false } : row;
}

function latencyRow(name: string, o: OperationUnderLoad): ReportRow {
  const l = o.api.latencyMs;
  return reportRow(
    targets.readP95,
    l.p95,
    `p95 ${l.p95} ms (p50 ${l.p50}, p99 ${l.p99})`,
    `p95 ${o.floor.latencyMs.p95} ms`,
    `${name}: p95 under load`,
  );
}

export function loadRows(load: LoadFigures): ReportRow[] {
  const { getCase, listCandidates, fileNomination } = load.operations;
  const fileLatency = fileNomination.api.latencyMs;
  return [
    latencyRow('getCase', getCase),
    throughputRow('getCase', targets.readThroughput, getCase),
    latencyRow('listCandidates', listCandidates),
    throughputRow('listCandidates', targets.readThroughput, listCandidates),
    throughputRow('fileNomination', targets.fileNominationThroughput, fileNomination),
    {
      what: 'fileNomination: latency under load (no target)',
      figure: `p95 ${fileLatency.p95} ms (p50 ${fileLatency.p50}, p99 ${fileLatency.p99})`,
      target: '',
      floor: `p95 ${fileNomination.floor.latencyMs.p95} ms`,
      met: null,
    },
  ];
}
