import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundling } from '../infra/aws/constructs/product-function.ts';
import { taskFunctions } from '../infra/aws/function-catalogue.ts';

export interface BundleFigure {
  readonly entry: string;
  readonly bytes: number;
  /** Median time to import the bundle in a fresh Node 24 process: the module-load part of a cold start. */
  readonly coldLoadMs: number;
}

const root = new URL('../', import.meta.url).pathname;

async function bundle(entry: string, outdir: string): Promise<string> {
  const outfile = join(outdir, `${entry.replaceAll('/', '_')}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    target: bundling.target,
    platform: bundling.platform,
    minify: bundling.minify,
    sourcemap: bundling.sourceMap,
    mainFields: [...bundling.mainFields],
    banner: { js: bundling.banner },
    logLevel: 'silent',
  });
  return outfile;
}

function coldLoadMs(file: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now() - t);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    });
    times.push(Number(run.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? Number.NaN) * 10) / 10;
}

/** Bundles every handler entry (and the empty floor) as the stack does, and measures size and load time. */
export async function measureBundles(
  runs: number,
): Promise<{ floor: BundleFigure; handlers: BundleFigure[] }> {
  const outdir = mkdtempSync(join(tmpdir(), 'akim-bundles-'));
  const entries = [...taskFunctions.map((f) => `functions/${f.file}.ts`), 'functions/api.ts'];
  const figure = async (entry: string): Promise<BundleFigure> => {
    const file = await bundle(entry, outdir);
    return { entry, bytes: statSync(file).size, coldLoadMs: coldLoadMs(file, runs) };
  };
  const floor = await figure('bench/empty-handler.ts');
  const handlers: BundleFigure[] = [];
  for (const entry of entries) handlers.push(await figure(entry));
  return { floor, handlers };
}
