// `npm run bench`: the Lambda bundles against their floors, the cost model, and a national cycle over HTTP
// against its storage floor; at the end every figure beside its target (bench/targets.ts, from issue 14) and the
// floor of the same run. Results go to bench/results/ with the machine they were measured on.
//   --quick       a tenth of the country, fewer load-time runs
//   --registers   calling and the voter registers only (or BENCH_REGISTERS_ONLY=1), to iterate on the import
//   --load        instead: 32 concurrent clients in their own process, 30 s per operation (--seconds N)
//   --cost        instead: the cost model alone (a national cycle's AWS bill, by kind)
//   --bundles     instead: the Lambda bundles alone, each beside its floor (with --quick, fewer load-time runs)
//   --results D   write the results to folder D instead of bench/results/
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { HandlerFigure } from './bundles.ts';
import { machineText, thisMachine } from './machine.ts';
import { type ReportRow, renderTable } from './report-table.ts';

const options = {
  quick: { type: 'boolean', default: false },
  registers: { type: 'boolean', default: false },
  load: { type: 'boolean', default: false },
  cost: { type: 'boolean', default: false },
  bundles: { type: 'boolean', default: false },
  seconds: { type: 'string', default: '30' },
  results: { type: 'string', default: new URL('./results/', import.meta.url).pathname },
} as const;
function readFlags() {
  try {
    return parseArgs({ options, strict: true }).values;
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : error}\nflags: --quick, --registers, --load [--seconds N], --cost, --bundles, --results <folder>`,
    );
    process.exit(2);
  }
}
const flags = readFlags();
const seconds = Number(flags.seconds);
if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= 600)) {
  console.error(`--seconds ${flags.seconds}: give a number of seconds from 1 to 600`);
  process.exit(2);
}
const quick = flags.quick;
const registersOnly = flags.registers || process.env.BENCH_REGISTERS_ONLY === '1';
const runs = quick ? 3 : 7;
const machine = thisMachine();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

console.log(`machine: ${machineText(machine)}\n`);

/** Prints the closing table and writes the run's figures, with the machine and the table, to `<name>.json`. */
function finish(name: string, rows: readonly ReportRow[], figures: Record<string, unknown>): void {
  console.log(
    `\nFigures against issue 14's targets (bench/targets.ts), each beside the floor of this run:\n`,
  );
  console.log(renderTable(rows));
  mkdirSync(flags.results, { recursive: true });
  const file = join(flags.results, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, table: rows, ...figures }, null, 2)}\n`,
  );
  console.log(`\nwritten: ${file}`);
}

// What each kind of run needs is loaded once the flags are known: a refused flag is told at once, and the load
// run does not load the bundler and the stack's catalogue.
if (flags.load) {
  const { LOAD_CLIENTS, runLoad } = await import('./load/load-run.ts');
  const { loadRows } = await import('./report-rows.ts');
  console.log(
    `Under load: ${LOAD_CLIENTS} concurrent clients in a process of their own, ${seconds} s per operation, against the engine as npm start runs it`,
  );
  const load = await runLoad(seconds);
  finish(seconds === 30 ? 'load' : `load-${seconds}s`, loadRows(load), { load });
  process.exit(0);
}

/** The cost model: prints the usage and the bill, answers what the results keep of it. */
async function measureCost() {
  const { measureCosts } = await import('./cost-model.ts');
  const { costReportLines, nationalCycleCost } = await import('./cost-report.ts');
  const { prices } = await import('./prices.ts');
  const measured = await measureCosts();
  console.log(`\n${costReportLines(measured).join('\n')}`);
  return { ...measured, nationalCycle: nationalCycleCost(measured), prices };
}

if (flags.cost) {
  const { costRow } = await import('./report-rows.ts');
  const costs = await measureCost();
  finish('cost', [costRow(costs.nationalCycle)], { costs });
  process.exit(0);
}

/** Every function's bundle beside its floor: prints each, answers the figures. */
async function measureAndPrintBundles(): Promise<{ handlers: HandlerFigure[] }> {
  const { measureBundles } = await import('./bundles.ts');
  console.log(
    `Lambda bundles (esbuild, as the stack bundles them), each beside a floor handler bundled the same way`,
  );
  console.log(`that creates only the SDK clients it uses; cold module load is the median of ${runs} runs`);
  const measured = await measureBundles(runs, (done, total) => {
    if (done % 10 === 0 || done === total) console.log(`      bundles: ${done} / ${total} functions`);
  });
  for (const b of measured.handlers) {
    console.log(
      `  ${b.entry.padEnd(48)} ${kb(b.bytes).padStart(9)} ${`${b.coldLoadMs} ms`.padStart(9)}   floor (${b.sdkPackages.join(', ') || 'no SDK'}): ${kb(b.floor.bytes)}, ${b.floor.coldLoadMs} ms  → ${b.bytesOverFloor}×, ${b.coldLoadOverFloor}×`,
    );
  }
  return measured;
}

if (flags.bundles) {
  const { bundleRows } = await import('./report-rows.ts');
  const bundles = await measureAndPrintBundles();
  finish(quick ? 'bundles-quick' : 'bundles', bundleRows(bundles), { bundles });
  process.exit(0);
}

const { runNationalCycle } = await import('./national-cycle.ts');
const { bundleRows, costRow, cycleRows } = await import('./report-rows.ts');
let bundles: { handlers: HandlerFigure[] } | null = null;
let costs: Awaited<ReturnType<typeof measureCost>> | null = null;
if (!registersOnly) {
  bundles = await measureAndPrintBundles();
  costs = await measureCost();
}

const elections = quick ? 235 : 2_345;
console.log(
  `\nNational cycle${quick ? ' (1/10)' : ''}${registersOnly ? ', calling and registers only' : ''}: ${elections} elections driven over HTTP through the engine process, manual clock`,
);
const cycle = await runNationalCycle(elections, { registersOnly });
console.log(
  registersOnly
    ? `  ${cycle.elections} elections, ${cycle.voters.toLocaleString('en')} voters in ${cycle.wallSeconds} s`
    : `  ${cycle.elections} elections, ${cycle.voters.toLocaleString('en')} voters, ${cycle.cases} cases (${cycle.registered} registered) in ${cycle.wallSeconds} s: ${cycle.casesPerSecond} cases/s`,
);
console.log(
  `  register files: ${(cycle.registerFiles.bytes / 2 ** 20).toFixed(0)} MiB of CSV, written in ${cycle.registerFiles.seconds} s before the engine started`,
);
console.log(
  `    ${'phase'.padEnd(34)} ${'wall'.padStart(9)}   CPU s: engine, storage, driver   storage requests`,
);
for (const [name, phaseSeconds] of Object.entries(cycle.phases)) {
  const cpu = cycle.cpuSecondsByPhase[name];
  console.log(
    `    ${name.padEnd(34)} ${`${phaseSeconds} s`.padStart(9)}   ${`${cpu?.engine}, ${cpu?.storage}, ${cpu?.driver}`.padEnd(30)} ${(cycle.storageRequestsByPhase[name] ?? 0).toLocaleString('en').padStart(9)}`,
  );
}
console.log('  API latency (ms):');
for (const [operation, l] of Object.entries(cycle.latencyMs)) {
  console.log(
    `    ${operation.padEnd(24)} n=${String(l.count).padStart(6)}  p50 ${l.p50}  p95 ${l.p95}  p99 ${l.p99}`,
  );
}
console.log(
  `  peak RSS: engine ${cycle.peakRssMiB.engine} MiB, its storage (dynalite) ${cycle.peakRssMiB.storage} MiB, driver ${cycle.peakRssMiB.driver} MiB`,
);
console.log('  peak RSS by phase (MiB):');
for (const [name, peak] of Object.entries(cycle.peakRssByPhaseMiB))
  console.log(`    ${name.padEnd(34)} engine ${peak.engine ?? 0}, storage ${peak.storage ?? 0}`);
console.log(
  `  storage: ${cycle.storageRequests.toLocaleString('en')} requests, ${cycle.storageRequestsPerCase} per case besides one per signature line (${cycle.signatureLines.toLocaleString('en')} lines)`,
);
if (cycle.storageFloor !== null) {
  const f = cycle.storageFloor;
  console.log(
    `  floor: ${f.items.toLocaleString('en')} items in ${f.requests.toLocaleString('en')} BatchWriteItem requests to the same storage took ${f.seconds} s: the cycle is ${f.ratio}× the floor`,
  );
}

const part = quick ? 'a tenth' : null;
const rows = registersOnly
  ? cycleRows(cycle, part)
  : [...cycleRows(cycle, part), ...bundleRows(bundles), costRow(costs?.nationalCycle ?? null)];
finish(`national-cycle${registersOnly ? '-registers' : ''}${quick ? '-quick' : ''}`, rows, {
  ...(bundles ? { bundles } : {}),
  ...(costs ? { costs } : {}),
  cycle,
});
