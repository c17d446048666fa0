// The desk's build (web/ → web/dist/ with Vite), made only when its sources changed since the last one: the
// stamp in web/dist lists every file the bundle was made of and their hash, so `npm start` and the tests rebuild
// in seconds when something changed and at once go on when nothing did.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = join(ROOT, 'web');
export const DESK_DIST = join(WEB_DIR, 'dist');
const STAMP_NAME = '.desk-build.json';
const STAMP = join(DESK_DIST, STAMP_NAME);
/** Held (a directory: made or not, atomically) by the one process building; others wait, then find it current. */
const LOCK = join(WEB_DIR, '.desk-build.lock');
const LOCK_STALE_MS = 120_000;

interface Stamp {
  readonly hash: string;
  /** The project's files the last bundle was made of (relative to the root), besides everything under web/src. */
  readonly files: readonly string[];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
  });
}

/** Everything a build reads: web/'s own files, the project files it imported last time, the locked dependencies. */
function sourcesOf(imported: readonly string[]): string[] {
  const own = [
    ...filesUnder(join(WEB_DIR, 'src')),
    'web/index.html',
    'web/vite.config.ts',
    'package-lock.json',
  ];
  return [...new Set([...own, ...imported])].sort();
}

function hashOf(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const path = join(ROOT, file);
    hash.update(file).update('\0');
    hash.update(existsSync(path) && statSync(path).isFile() ? readFileSync(path) : 'missing').update('\0');
  }
  return hash.digest('hex');
}

function readStamp(): Stamp | null {
  try {
    const stamp: unknown = JSON.parse(readFileSync(STAMP, 'utf8'));
    if (
      typeof stamp === 'object' &&
      stamp !== null &&
      'hash' in stamp &&
      'files' in stamp &&
      typeof stamp.hash === 'string' &&
      Array.isArray(stamp.files)
    ) {
      return {
        hash: stamp.hash,
        files: stamp.files.filter((file): file is string => typeof file === 'string'),
      };
    }
    return null;
  } catch {
    return null;
  }
}

/** True when web/dist holds the bundle of the sources as they are now. */
export function deskIsCurrent(): boolean {
  const stamp = readStamp();
  return (
    stamp !== null &&
    existsSync(join(DESK_DIST, 'index.html')) &&
    stamp.hash === hashOf(sourcesOf(stamp.files))
  );
}

/**
 * Builds the desk (Vite's JS API) into a folder of its own, stamps it with what it was made of, then puts it in
 * place of web/dist: an engine serving the old one never reads a half-written folder.
 */
export async function buildDesk(): Promise<void> {
  const { build } = await import('vite');
  const outDir = `${DESK_DIST}.${process.pid}`;
  const output = await build({
    configFile: join(WEB_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
  });
  const outputs = Array.isArray(output) ? output : [output];
  const imported = outputs.flatMap((result) =>
    'output' in result
      ? result.output.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))
      : [],
  );
  const projectFiles = imported
    .map((id) => resolve(id.split('?')[0] ?? id))
    .filter((path) => path.startsWith(ROOT) && !path.includes('/node_modules/'))
    .map((path) => relative(ROOT, path));
  const stamp: Stamp = { hash: hashOf(sourcesOf(projectFiles)), files: projectFiles };
  writeFileSync(join(outDir, STAMP_NAME), JSON.stringify(stamp));
  rmSync(DESK_DIST, { recursive: true, force: true });
  renameSync(outDir, DESK_DIST);
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A build that died holding the lock leaves it behind: taken over after two minutes.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > LOCK_STALE_MS)
        rmSync(LOCK, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the desk unless web/dist is already the bundle of the current sources. */
export async function ensureDeskBuilt(): Promise<'built' | 'current'> {
  if (deskIsCurrent()) return 'current';
  return withBuildLock(async () => {
    if (deskIsCurrent()) return 'current';
    await buildDesk();
    return 'built';
  });
}

// `node infra/local/desk-build.ts` (npm's prestart): the desk, built if stale.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const result = await ensureDeskBuilt();
  console.log(
    result === 'built'
      ? `desk built into web/dist in ${Math.round(performance.now() - started)} ms`
      : 'desk is current (web/dist)',
  );
}
