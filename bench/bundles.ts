import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { bundling } from '../infra/aws/function-bundles.ts';
import { apiFunctions, scheduledFunctions, taskFunctions } from '../infra/aws/function-catalogue.ts';

export interface BundleFigure {
  readonly entry: string;
  readonly bytes: number;
  /** Median time to import the bundle in a fresh Node 24 process: the module-load part of a cold start. */
  readonly coldLoadMs: number;
  /** The AWS SDK packages the bundle holds (`client-dynamodb`, `lib-dynamodb`…): its floor creates those clients. */
  readonly sdkPackages: readonly string[];
}

export interface HandlerFigure extends BundleFigure {
  /** The floor handler bundled the same way that creates only this function's SDK clients. */
  readonly floor: BundleFigure;
  readonly bytesOverFloor: number;
  readonly coldLoadOverFloor: number;
}

const root = new URL('../', import.meta.url).pathname;
const SDK_PACKAGE = /node_modules\/@aws-sdk\/((?:client|lib)-[a-z0-9-]+)\//;

function options(outfile: string): BuildOptions {
  return {
    outfile,
    ...bundling,
    metafile: true,
    logLevel: 'silent',
  };
}

/** The SDK packages among a bundle's inputs, sorted. */
export function sdkPackagesOf(inputs: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const input of inputs) {
    const match = SDK_PACKAGE.exec(input);
    if (match?.[1] !== undefined) found.add(match[1]);
  }
  return [...found].sort();
}

/**
 * The source of the floor handler for a set of SDK packages: it creates one client of each, at module load as
 * a handler does, and nothing else. Each package's client class is the one export whose name ends in Client.
 */
export async function floorHandlerSource(packages: readonly string[]): Promise<string> {
  const lines: string[] = [];
  const made: string[] = [];
  for (const name of packages) {
    const exported = Object.keys(await import(`@aws-sdk/${name}`)).filter(
      (key) => key.endsWith('Client') && !key.startsWith('__'),
    );
    const client = exported[0];
    if (client === undefined) continue;
    lines.push(`import { ${client} } from '@aws-sdk/${name}';`);
    // The document client wraps a low-level one, as the product's does.
    made.push(
      client === 'DynamoDBDocumentClient' ? `${client}.from(new DynamoDBClient({}))` : `new ${client}({})`,
    );
  }
  if (packages.includes('lib-dynamodb') && !packages.includes('client-dynamodb'))
    lines.push(`import { DynamoDBClient } from '@aws-sdk/client-dynamodb';`);
  return [
    ...lines,
    `const clients = [${made.join(', ')}];`,
    'export const handler = async () => ({ clients: clients.length });',
  ].join('\n');
}

async function bundleFile(
  entry: string,
  outdir: string,
  contents?: string,
): Promise<{ file: string; packages: string[] }> {
  const file = join(outdir, `${entry.replaceAll('/', '_')}.mjs`);
  const built = await build({
    ...options(file),
    ...(contents === undefined
      ? { entryPoints: [join(root, entry)] }
      : { stdin: { contents, resolveDir: root, sourcefile: entry, loader: 'js' } }),
  });
  return { file, packages: sdkPackagesOf(Object.keys(built.metafile?.inputs ?? {})) };
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

/** Every function's entry the stack deploys (tasks, API operations, scheduled). */
function entries(): string[] {
  const files = [...taskFunctions, ...apiFunctions, ...scheduledFunctions].map(
    (f) => `functions/${f.file}.ts`,
  );
  return [...new Set(files)].filter((entry) => existsSync(join(root, entry)));
}

/**
 * Bundles every handler entry as the stack does, and beside each the floor handler with the same SDK clients,
 * and measures size and cold module-load time of both (`onEach` hears of each as it is done).
 */
export async function measureBundles(
  runs: number,
  onEach: (done: number, total: number) => void = () => {},
): Promise<{ handlers: HandlerFigure[] }> {
  const outdir = mkdtempSync(join(tmpdir(), 'akim-bundles-'));
  const floors = new Map<string, BundleFigure>();
  const floorOf = async (packages: readonly string[]): Promise<BundleFigure> => {
    const key = packages.join('+') || 'no-sdk';
    const known = floors.get(key);
    if (known) return known;
    const entry = `floor/${key}`;
    const { file } = await bundleFile(entry, outdir, await floorHandlerSource(packages));
    const figure = {
      entry,
      bytes: statSync(file).size,
      coldLoadMs: coldLoadMs(file, runs),
      sdkPackages: packages,
    };
    floors.set(key, figure);
    return figure;
  };
  const all = entries();
  const handlers: HandlerFigure[] = [];
  for (const entry of all) {
    const { file, packages } = await bundleFile(entry, outdir);
    const floor = await floorOf(packages);
    const bytes = statSync(file).size;
    const load = coldLoadMs(file, runs);
    handlers.push({
      entry,
      bytes,
      coldLoadMs: load,
      sdkPackages: packages,
      floor,
      bytesOverFloor: Math.round((bytes / floor.bytes) * 100) / 100,
      coldLoadOverFloor: Math.round((load / Math.max(floor.coldLoadMs, 0.1)) * 100) / 100,
    });
    onEach(handlers.length, all.length);
  }
  return { handlers };
}
