import { onEveryNewStore } from './dynalite-stores.ts';

type TableCallback = (error: Error | null, table?: { TableStatus?: string }) => void;

/** The parts of dynalite's store this needs: the table descriptions' store, and how actions read one. */
export interface TableStore {
  tableDb: {
    put(key: string, value: unknown, callback: (error?: Error | null) => void): void;
    del(key: string, callback: (error?: Error | null) => void): void;
  };
  getTable(name: string, checkStatus: boolean | TableCallback, callback?: TableCallback): void;
}

/**
 * dynalite reads the table's description from LevelDB at the start of every request, a third of the storage
 * process's time in a register import. An active table's description changes only when the table is written
 * (created, updated, deleted: `tableDb.put` and `del`), so it is kept in memory from one such write to the next.
 * Each request gets its own copy, as from LevelDB: parsed from the description's JSON, as LevelDB's JSON encoding
 * does (a structured clone cost twice as much, 7% of the storage process in a national cycle). A read that began
 * before a write is not kept.
 */
export function cacheTableDescriptions<T extends TableStore>(store: T): T {
  const read = store.getTable.bind(store);
  const cached = new Map<string, string>();
  let writes = 0;
  const forget = (key: string) => {
    writes += 1;
    cached.delete(key);
  };
  const { tableDb } = store;
  const put = tableDb.put.bind(tableDb);
  const del = tableDb.del.bind(tableDb);
  tableDb.put = (key, value, callback) => {
    forget(key);
    put(key, value, callback);
  };
  tableDb.del = (key, callback) => {
    forget(key);
    del(key, callback);
  };
  store.getTable = (name, checkStatus, callback) => {
    const answer = typeof checkStatus === 'function' ? checkStatus : callback;
    if (answer === undefined) throw new Error('getTable without a callback');
    const hit = cached.get(name);
    if (hit !== undefined) {
      process.nextTick(answer, null, JSON.parse(hit));
      return;
    }
    const writesBefore = writes;
    read(name, typeof checkStatus === 'function' ? true : checkStatus, (error, table) => {
      if (error === null && table?.TableStatus === 'ACTIVE' && writes === writesBefore) {
        cached.set(name, JSON.stringify(table));
      }
      answer(error, table);
    });
  };
  return store;
}

/** From now on in this process, every store dynalite creates keeps its active tables' descriptions in memory. */
export function installTableCache(): void {
  onEveryNewStore<TableStore>('table cache', cacheTableDescriptions);
}
