import { createRequire } from 'node:module';

/** dynalite's module `dynalite/db`, which makes its store (whatever the store holds: each patch names its part). */
interface StoreModule {
  create(options: object): object;
}

function isStoreModule(value: unknown): value is StoreModule {
  return (
    typeof value === 'object' && value !== null && 'create' in value && typeof value.create === 'function'
  );
}

const installed = new Set<string>();

/**
 * From now on in this process, every store dynalite creates goes through `patch` first (once per name, however
 * often asked). dynalite's actions reach their store's parts through the store object, so a part replaced there
 * is the one they use.
 */
export function onEveryNewStore<T extends object>(name: string, patch: (store: T) => T): void {
  if (installed.has(name)) return;
  const stores: unknown = createRequire(import.meta.url)('dynalite/db');
  if (!isStoreModule(stores)) throw new Error('dynalite/db has no create(): another dynalite version?');
  const create = stores.create.bind(stores);
  stores.create = (options) => patch(create(options) as T);
  installed.add(name);
}
