// `npm run bench`: prints the figures the README reports and writes them to bench/results/.
// `-- --quick`: a tenth of the country and fewer runs; `-- --registers` (or BENCH_REGISTERS_ONLY=1): calling and
// the voter registers only, without bundles and the cost model, to iterate on the import in a minute or two.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { measureBundles } from './bundles.ts';
import { costOf, measureCosts } from './cost-model.ts';
import { runNationalCycle } from './national-cycle.ts';
import { prices } from './prices.ts';

const quick = process.argv.includes('--quick');
const registersOnly = process.argv.includes('--registers') || process.env.BENCH_REGISTERS_ONLY === '1';
const runs = quick ? 3 : 7;
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`,
);

if (!registersOnly) {
  const bundles = await measureBundles(runs);
  console.log(
    'Lambda bundles (esbuild, as the stack bundles them): size and cold module-load time (median of',
    runs,
    'runs)',
  );
  console.log(
    `  ${'floor: an empty handler'.padEnd(44)} ${kb(bundles.floor.bytes).padStart(9)} ${`${bundles.floor.coldLoadMs} ms`.padStart(9)}`,
  );
  for (const b of bundles.handlers) {
    const ratio = (b.coldLoadMs / Math.max(bundles.floor.coldLoadMs, 0.1)).toFixed(0);
    console.log(
      `  ${b.entry.padEnd(44)} ${kb(b.bytes).padStart(9)} ${`${b.coldLoadMs} ms`.padStart(9)}  (${ratio}× the floor)`,
    );
  }

  const costs = await measureCosts();
  const perCase = costOf(costs.perCase);
  const perElection = costOf(costs.perElection);
  const national = { elections: 2_345, cases: 8_000 };
  console.log(
    `\nCost model: ${costs.elections} elections and ${costs.cases} cases run locally over every path; usage counted, priced at ${prices.region} list prices`,
  );
  console.log('  per case:    ', costs.perCase);
  console.log('  per election:', costs.perElection);
  console.log(
    `  1,000 cases: $${(perCase * 1000).toFixed(2)}  (plus $${perElection.toFixed(4)} per election for its calendar and register)`,
  );
  console.log(
    `  a national cycle (${national.elections} elections, ${national.cases} cases): $${(perCase * national.cases + perElection * national.elections).toFixed(2)}`,
  );
  writeFileSync(
    new URL('./results/latest.json', import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, bundles, costs: { ...costs, perCaseUsd: perCase, perElectionUsd: perElection, prices } }, null, 2)}\n`,
  );
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
for (const [name, seconds] of Object.entries(cycle.phases)) {
  const cpu = cycle.cpuSecondsByPhase[name];
  console.log(
    `    ${name.padEnd(34)} ${`${seconds} s`.padStart(9)}   ${`${cpu?.engine}, ${cpu?.storage}, ${cpu?.driver}`.padEnd(30)} ${(cycle.storageRequestsByPhase[name] ?? 0).toLocaleString('en').padStart(9)}`,
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
if (cycle.storageFloor !== null) {
  console.log(
    `  storage: ${cycle.storageRequests.toLocaleString('en')} DynamoDB requests; the same number of raw writes to dynalite took ${cycle.storageFloor.seconds} s: the cycle is ${cycle.storageFloor.ratio}× the floor`,
  );
}
const name = `national-cycle${registersOnly ? '-registers' : ''}${quick ? '-quick' : ''}`;
writeFileSync(
  new URL(`./results/${name}.json`, import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, ...cycle }, null, 2)}\n`,
);
