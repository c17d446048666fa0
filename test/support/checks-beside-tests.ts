// `npm test` after Biome: the two type checks run beside vitest instead of before it, at a lower priority, so they
// take the CPU the tests leave while they wait on engines, storage and browsers (on two cores, ~20 s of wall time
// the checks took before a test started). Their output is kept and shown after the tests; any failure fails the run.
import { type ChildProcess, spawn } from 'node:child_process';
import { setPriority } from 'node:os';

const LOWER_PRIORITY = 10;

interface Finished {
  readonly command: string;
  readonly code: number;
  readonly output: string;
}

function run(
  command: string,
  args: readonly string[],
  options: { readonly quiet: boolean },
): Promise<Finished> {
  const child: ChildProcess = spawn(command, args, {
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  if (options.quiet && child.pid !== undefined) setPriority(child.pid, LOWER_PRIORITY);
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ command, code: 1, output: error.message }));
    // A process ended by a signal has no exit code: it failed.
    child.once('exit', (code) => resolve({ command: [command, ...args].join(' '), code: code ?? 1, output }));
  });
}

const checks = [
  run('tsc', ['-p', 'tsconfig.json'], { quiet: true }),
  run('tsc', ['-p', 'web/tsconfig.json'], { quiet: true }),
];
const tests = await run('vitest', ['run', ...process.argv.slice(2)], { quiet: false });
let failed = tests.code !== 0;
for (const check of await Promise.all(checks)) {
  if (check.code === 0) {
    console.log(`✓ ${check.command}`);
    continue;
  }
  failed = true;
  console.error(`✗ ${check.command} (exit ${check.code})\n${check.output}`);
}
process.exit(failed ? 1 : 0);
