import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IConstruct } from 'constructs';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';

const FUNCTIONS_DIR = new URL('../../functions/', import.meta.url).pathname;

/** How every function is bundled; the bench bundles with the same settings to measure what Lambda loads. */
export const bundling = {
  bundle: true,
  format: 'esm',
  target: 'node24',
  platform: 'node',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS: give each ESM file a `require` for them.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
} satisfies BuildOptions;

/** A build's folders live as long as the synthesis that made them: the assembly keeps its own copies. */
function temporaryDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

/** Every output an output loads, itself included, statically or on demand. */
function closureOf(outputs: Metafile['outputs'], start: string): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (!imported.external) visit(imported.path);
    }
  };
  visit(start);
  return files;
}

const bundlesOfApp = new WeakMap<IConstruct, FunctionBundles>();

/**
 * The functions' code, bundled by esbuild in one build: the product's handlers share most of their code (the
 * domain, storage, the SDK clients), which a build with code splitting parses, minifies and maps once instead of
 * once per function; each function's folder then holds its entry as `index.mjs` and the chunks it loads, nothing
 * more. Bundling each function on its own (NodejsFunction) took most of a synthesis's time (issue 14).
 */
export class FunctionBundles {
  /** The bundles of the app a construct belongs to. */
  static of(scope: IConstruct): FunctionBundles {
    const app = scope.node.root;
    let bundles = bundlesOfApp.get(app);
    if (bundles === undefined) {
      bundles = new FunctionBundles();
      bundlesOfApp.set(app, bundles);
    }
    return bundles;
  }

  readonly #expected = new Set<string>();
  readonly #folders = new Map<string, string>();

  /**
   * Entries (under functions/, without extension) to build together with the first one asked for. One that does
   * not exist is left out: asked for anyway, it fails on its own build.
   */
  expect(files: Iterable<string>): void {
    for (const file of files) {
      if (existsSync(join(FUNCTIONS_DIR, `${file}.ts`))) this.#expected.add(file);
    }
  }

  /** The folder of a function's bundle (`index.mjs`, its chunks, source maps); built at the first call. */
  folderOf(file: string): string {
    if (!this.#folders.has(file)) {
      this.#build([...new Set([file, ...this.#expected])].filter((entry) => !this.#folders.has(entry)));
    }
    const folder = this.#folders.get(file);
    if (folder === undefined) throw new Error(`functions/${file}.ts was not bundled`);
    return folder;
  }

  #build(files: readonly string[]): void {
    const root = temporaryDirectory('akim-functions-');
    // The build's output and each function's folder at the same depth: the maps' relative paths hold in both.
    const out = join(root, '.esbuild');
    mkdirSync(out);
    // Flat names, without dots (a folder's "extension" would end its asset's name): an entry and the chunks/
    // folder stay side by side in each function's folder.
    const nameOf = (file: string) => file.replaceAll('/', '_');
    const { metafile } = buildSync({
      entryPoints: Object.fromEntries(files.map((file) => [nameOf(file), join(FUNCTIONS_DIR, `${file}.ts`)])),
      absWorkingDir: out,
      outdir: out,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      ...bundling,
      splitting: true,
      metafile: true,
      // Sizes are the bench's to report; a synthesis says nothing unless something is wrong.
      logLevel: 'error',
    });
    for (const file of files) {
      const entry = `${nameOf(file)}.mjs`;
      const folder = join(root, nameOf(file));
      for (const output of closureOf(metafile.outputs, entry)) {
        const target = join(folder, output === entry ? 'index.mjs' : output);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(out, output), target);
        // The map keeps its name: the code's last line points to it.
        if (existsSync(join(out, `${output}.map`)))
          copyFileSync(join(out, `${output}.map`), join(folder, `${output}.map`));
      }
      this.#folders.set(file, folder);
    }
  }
}

let unbundled: string | undefined;

/**
 * What a function's code is in a synthesis that does not bundle (`aws:cdk:bundling-stacks` leaves its stack out,
 * as template tests do): a handler that says so, never deployed by `cdk deploy`, which bundles what it deploys.
 */
export function unbundledFolder(): string {
  if (unbundled === undefined) {
    unbundled = temporaryDirectory('akim-unbundled-');
    writeFileSync(
      join(unbundled, 'index.mjs'),
      "export const handler = () => { throw new Error('synthesised without bundling'); };\n",
    );
  }
  return unbundled;
}
