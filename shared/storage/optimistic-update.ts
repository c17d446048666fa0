import { randomUUID } from 'node:crypto';
import { ConcurrentUpdateError } from '../domain/errors.ts';

export interface Versioned {
  readonly version: number;
}

export interface OptimisticUpdate<T extends Versioned> {
  readonly load: () => Promise<T>;
  /**
   * The new state from the current one (return `current` itself to write nothing); throws a domain error
   * to stop (e.g. the step is already decided). The version is bumped here, not by `change`.
   */
  readonly change: (current: T) => T;
  /**
   * Writes `next`, marked with `writeId`, if the stored version is still `expectedVersion`; false when the
   * condition failed.
   */
  readonly save: (next: T, expectedVersion: number, writeId: string) => Promise<boolean>;
  /** The mark of the write now stored. */
  readonly storedWriteId: () => Promise<string | undefined>;
  readonly attempts?: number;
  /** The state as the caller has just read it: the first attempt judges it instead of reading it again. */
  readonly seen?: T | undefined;
}

/**
 * Optimistic locking: load, change, write on condition of the version; on a lost race load again, so that
 * `change` always judges the latest state. Gives up with ConcurrentUpdateError after `attempts`.
 */
export async function updateOptimistically<T extends Versioned>(update: OptimisticUpdate<T>): Promise<T> {
  const attempts = update.attempts ?? 12;
  let lastVersion = 0;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const current = attempt === 1 && update.seen !== undefined ? update.seen : await update.load();
    lastVersion = current.version;
    const changed = update.change(current);
    if (changed === current) return current;
    const next = { ...changed, version: current.version + 1 };
    const writeId = randomUUID();
    if (await update.save(next, current.version, writeId)) return next;
    // A write can land and its answer be lost; the SDK's retry then fails on our own write. Its mark says so.
    if ((await update.storedWriteId()) === writeId) return next;
    // Jitter spreads the retries of many writers that lost the same race.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
  }
  throw new ConcurrentUpdateError(lastVersion);
}
