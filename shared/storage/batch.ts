import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './document-client.ts';
import type { ItemKey } from './keys.ts';

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

/** Puts many items, 25 a request, sending again what DynamoDB leaves unprocessed (idempotent puts). */
export async function putAll(
  table: Table,
  items: readonly Record<string, unknown>[],
  parallel = 4,
): Promise<void> {
  const batches = chunks(items, WRITE_BATCH);
  const worker = async () => {
    for (let batch = batches.shift(); batch !== undefined; batch = batches.shift()) {
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; requests.length > 0; round += 1) {
        if (round >= MAX_ROUNDS) throw new Error('DynamoDB left writes unprocessed after repeated retries');
        if (round > 0) await backoff(round);
        const { UnprocessedItems } = await table.db.send(
          new BatchWriteCommand({ RequestItems: { [table.name]: requests } }),
        );
        requests = (UnprocessedItems?.[table.name] ?? []).flatMap((r) =>
          r.PutRequest?.Item === undefined ? [] : [{ PutRequest: { Item: r.PutRequest.Item } }],
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));
}

/** Gets many items by key, 100 a request, asking again for unprocessed keys. Missing items are simply absent. */
export async function getAll(
  table: Table,
  itemKeys: readonly ItemKey[],
  projection?: string,
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
              ConsistentRead: true,
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
