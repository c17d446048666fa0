import { workflowLogging } from '../infra/aws/observability.ts';
import {
  type CostKind,
  costByKind,
  costKinds,
  type MeasuredCosts,
  nationalCycle,
  nationalCycleUsage,
} from './cost-model.ts';
import { prices } from './prices.ts';

const usd = (n: number) => `$${n.toFixed(n < 0.01 && n > 0 ? 4 : 2)}`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/**
 * A national cycle's cost: the whole, and by kind and by part, dearest first; with the reconciler run every
 * RECONCILE_EVERY_MINUTES unless told otherwise.
 */
export function nationalCycleCost(measured: MeasuredCosts, reconcileEveryMinutes?: number) {
  const usage = nationalCycleUsage(measured, nationalCycle, reconcileEveryMinutes);
  const parts = Object.fromEntries(
    Object.entries(usage.parts).map(([name, u]) => [name, costByKind(u)]),
  ) as Record<keyof typeof usage.parts, Record<CostKind, number>>;
  const byKind = costByKind(usage.total);
  const usd = Object.values(byKind).reduce((a, b) => a + b, 0);
  const dearest = [...costKinds].sort((a, b) => byKind[b] - byKind[a]);
  const partsUsd = Object.fromEntries(
    Object.entries(parts).map(([name, kinds]) => [name, Object.values(kinds).reduce((a, b) => a + b, 0)]),
  ) as Record<keyof typeof usage.parts, number>;
  return {
    usd,
    byKind,
    parts,
    partsUsd,
    dearest,
    sweepRuns: usage.sweepRuns,
    reconcilerRuns: usage.reconcilerRuns,
  };
}

/** The lines `npm run bench` prints of the cost model: usage, then the bill by kind and part, dearest first. */
export function costReportLines(measured: MeasuredCosts): string[] {
  const cost = nationalCycleCost(measured);
  const partNames = Object.keys(cost.parts) as (keyof typeof cost.parts)[];
  const row = (cells: string[]) =>
    `  ${cells[0]?.padEnd(16)}${cells
      .slice(1)
      .map((c) => c.padStart(15))
      .join('')}`;
  const logs = measured.workflowLogBytesByConfiguration;
  return [
    `Cost model: ${measured.elections} elections and ${measured.cases} cases run locally over every path; usage counted, priced at ${prices.region} list prices (bench/prices.ts)`,
    `  per case:     ${JSON.stringify(measured.perCase)}`,
    `  per election: ${JSON.stringify(measured.perElection)}`,
    `  per run of the reconciler, per election: ${JSON.stringify(measured.reconcilerRun.perElection)}`,
    `  per run of the reconciler, per case:     ${JSON.stringify(measured.reconcilerRun.perCase)}`,
    `  state machines' log bytes, per case / per election: ${Object.entries(logs)
      .map(([name, b]) => `${name} ${kb(b.perCase)} / ${kb(b.perElection)}`)
      .join(
        '; ',
      )} (deployed: ${workflowLogging.level}, ${workflowLogging.includeExecutionData ? 'with' : 'without'} execution data)`,
    '',
    `A national cycle (${nationalCycle.elections.toLocaleString('en')} elections, ${nationalCycle.cases.toLocaleString('en')} cases, ${nationalCycle.days.toFixed(1)} days from calling to registration close; the deadline sweep ${cost.sweepRuns.toLocaleString('en')} runs, the reconciler ${cost.reconcilerRuns.toLocaleString('en')}), by kind, dearest first:`,
    row(['', ...partNames, 'total']),
    ...cost.dearest.map((kind) =>
      row([kind, ...partNames.map((p) => usd(cost.parts[p][kind])), usd(cost.byKind[kind])]),
    ),
    row(['total', ...partNames.map((p) => usd(cost.partsUsd[p])), usd(cost.usd)]),
    `  the reconciler's pass every 5 minutes instead: ${usd(nationalCycleCost(measured, 5).usd)}; every hour: ${usd(nationalCycleCost(measured, 60).usd)}; without it: ${usd(cost.usd - cost.partsUsd.reconciler)}`,
  ];
}
