import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live engine already works on the data folder. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `another engine (pid ${pid}) is using ${dataDir}: one engine per data folder; stop it or choose another DATA_DIR`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Takes group and other users' access away from everything under `path`: folders 0700, files without any
 * group/other bit (0644 becomes 0600). Symbolic links are left as they are, and not followed.
 */
export function tightenModes(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const name of readdirSync(path)) tightenModes(join(path, name));
  } else if ((stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & 0o700);
}

/** What the engine keeps in its data folder; nothing else there is the engine's to change. */
const ENGINE_ENTRIES = ['dynamodb', 'objects', 'token-signing.key', 'manual-clock.json', 'engine.pid'];

/** The data folder and the engine's own entries in it, private to this user (DATA_DIR may be a shared folder). */
function tightenDataDir(dataDir: string): void {
  const stat = lstatSync(dataDir);
  if ((stat.mode & 0o777) !== 0o700) chmodSync(dataDir, 0o700);
  for (const name of ENGINE_ENTRIES) tightenModes(join(dataDir, name));
}

/**
 * Claims the data folder for this process: dynalite's LevelDB allows one process per folder, and two engines
 * would both run the same workflows. A lock left by a killed engine is taken over. Then makes the folder
 * private: it holds every voter's IIN, and an earlier version left it readable by every local user.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'engine.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      const unlock = () => rmSync(file, { force: true });
      try {
        tightenDataDir(dataDir);
      } catch (error) {
        unlock();
        throw error;
      }
      return unlock;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder))
        throw new DataDirInUseError(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
