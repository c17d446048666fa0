import { createRequire } from 'node:module';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { describe, expect, it } from 'vitest';
import { type DynaliteStore, installClosingIterators } from '../../../infra/local/dynalite-iterators.ts';
import { ensureTable } from '../../../infra/local/table-setup.ts';
import { createDocumentClient } from '../../../shared/storage/document-client.ts';

interface Iterator {
  next(): Promise<unknown>;
}

/** Every iterator the stores dynalite creates from now on in this process open, recorded. */
function recordIterators(): Iterator[] {
  const opened: Iterator[] = [];
  const stores: { create(options: object): DynaliteStore } = createRequire(import.meta.url)('dynalite/db');
  const create = stores.create.bind(stores);
  stores.create = (options) => {
    const store = create(options);
    for (const method of ['keys', 'values'] as const) {
      const open = store.db[method].bind(store.db);
      store.db[method] = (o) => {
        const iterator = open(o);
        opened.push(iterator as unknown as Iterator);
        return iterator;
      };
    }
    return store;
  };
  return opened;
}

const isClosed = (iterator: Iterator) =>
  iterator.next().then(
    () => false,
    (error: unknown) => error instanceof Error && 'code' in error && error.code === 'LEVEL_ITERATOR_NOT_OPEN',
  );

describe('the storage process’s dynalite', () => {
  it('closes the LevelDB iterator of every Query and Scan, read to its end or cut short by a Limit', async () => {
    // Prepare
    installClosingIterators();
    const opened = recordIterators();
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    const table = {
      db: createDocumentClient({ endpoint: `http://127.0.0.1:${address.port}` }),
      name: 'iterators',
    };
    await ensureTable(table);
    for (const sk of ['a', 'b', 'c'])
      await table.db.send(new PutCommand({ TableName: table.name, Item: { pk: 'P', sk } }));
    opened.length = 0;

    // Act
    const query = (limit?: number) =>
      table.db.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'P' },
          ...(limit === undefined ? {} : { Limit: limit }),
        }),
      );
    const [all, first] = [await query(), await query(1)];
    await table.db.send(new ScanCommand({ TableName: table.name, Limit: 2 }));
    // A stream closes its iterator as it ends, a moment after the answer is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Assess
    expect(all.Items).toHaveLength(3);
    expect(first.Items).toHaveLength(1);
    expect(opened.length).toBeGreaterThanOrEqual(3);
    expect(await Promise.all(opened.map(isClosed))).toEqual(opened.map(() => true));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
