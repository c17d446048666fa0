import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './document-client.ts';
import type { ItemKey } from './keys.ts';
import type { ReadConsistency } from './query-all.ts';

/** DynamoDB's limits per batch request. */
const WRITE_BATCH = 25;
const GET_BATCH = 100;
const MAX_ROUNDS = 8;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const backoff = (round: number) => new Promise((resolve) => setTimeout(resolve, 2 ** round * 10));

type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/** Sends writes 25 a request, `parallel` requests at a time, sending again what DynamoDB leaves unprocessed. */
async function writeAll(table: Table, writes: readonly WriteRequest[], parallel: number): Promise<void> {
  const batches = chunks(writes, WRITE_BATCH);
  const worker = async () => {
    for (let batch = batches.shift(); batch !== undefined; batch = batches.shift()) {
      let requests: readonly WriteRequest[] = batch;
      for (let round = 0; requests.length > 0; round += 1) {
        if (round >= MAX_ROUNDS) throw new Error('DynamoDB left writes unprocessed after repeated retries');
        if (round > 0) await backoff(round);
        const { UnprocessedItems } = await table.db.send(
          new BatchWriteCommand({ RequestItems: { [table.name]: [...requests] } }),
        );
        requests = (UnprocessedItems?.[table.name] ?? []).flatMap((r): WriteRequest[] => {
          if (r.PutRequest?.Item !== undefined) return [{ PutRequest: { Item: r.PutRequest.Item } }];
          if (r.DeleteRequest?.Key !== undefined) return [{ DeleteRequest: { Key: r.DeleteRequest.Key } }];
          return [];
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}

/** Puts many items, 25 a request, sending again what DynamoDB leaves unprocessed (idempotent puts). */
export function putAll(table: Table, items: readonly Record<string, unknown>[], parallel = 4): Promise<void> {
  return writeAll(
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
    parallel,
  );
}

/** Deletes many items by key, 25 a request (deleting an absent item is no error). */
export function deleteAll(table: Table, itemKeys: readonly ItemKey[], parallel = 4): Promise<void> {
  return writeAll(
    table,
    itemKeys.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } })),
    parallel,
  );
}

/** Gets many items by key, 100 a request, asking again for unprocessed keys. Missing items are simply absent. */
export async function getAll(
  table: Table,
  itemKeys: readonly ItemKey[],
  projection?: string,
  { consistent = true }: ReadConsistency = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (const batch of chunks(itemKeys, GET_BATCH)) {
    let pending: Record<string, unknown>[] = batch.map((key) => ({ pk: key.pk, sk: key.sk }));
    for (let round = 0; pending.length > 0; round += 1) {
      if (round >= MAX_ROUNDS) throw new Error('DynamoDB left reads unprocessed after repeated retries');
      if (round > 0) await backoff(round);
      const { Responses, UnprocessedKeys } = await table.db.send(
        new BatchGetCommand({
          RequestItems: {
            [table.name]: {
              Keys: pending,
              ConsistentRead: consistent,
              ...(projection === undefined ? {} : { ProjectionExpression: projection }),
            },
          },
        }),
      );
      found.push(...(Responses?.[table.name] ?? []));
      pending = UnprocessedKeys?.[table.name]?.Keys ?? [];
    }
  }
  return found;
}
