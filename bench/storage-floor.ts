import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../infra/local/table-setup.ts';
import { createDocumentClient, type Table, UNIX_ENDPOINT } from '../shared/storage/document-client.ts';
import { inPool } from './http-client.ts';

/** DynamoDB's limit: a BatchWriteItem request carries at most 25 items. */
export const BATCH_WRITE_ITEMS = 25;

/**
 * What the cycle's floor writes: one item per election, per case and per signature line, the least any design
 * must store. Fixed by the generated cycle, so making more (or fewer) requests never moves the floor.
 */
export interface FloorItems {
  readonly elections: number;
  readonly cases: number;
  readonly signatureLines: number;
}

/**
 * Item sizes of the floor, near the product's own (an election record with its calendar and rules, a case with
 * its candidate and findings, a signature line with a signer's name and address).
 */
export const FLOOR_ITEM_BYTES = { election: 1_000, case: 2_000, signatureLine: 200 } as const;

export function floorItemCount(items: FloorItems): number {
  return items.elections + items.cases + items.signatureLines;
}

/** BatchWriteItem requests the floor makes: every batch full but the last. */
export function floorRequestCount(items: FloorItems): number {
  return Math.ceil(floorItemCount(items) / BATCH_WRITE_ITEMS);
}

/** How many times the floor's time the measured time is, to 0.1 (Infinity when the floor took no time). */
export function ratioToFloor(seconds: number, floorSeconds: number): number {
  if (floorSeconds <= 0) return Number.POSITIVE_INFINITY;
  return Math.round((seconds / floorSeconds) * 10) / 10;
}

/** The endpoint of the storage process an engine started over `dataDir` (its Unix socket in that folder). */
export function engineStorageEndpoint(dataDir: string): string {
  const socket = readdirSync(dataDir).find((name) => /^storage-[0-9a-f]+\.sock$/.test(name));
  if (socket === undefined) throw new Error(`no storage socket in ${dataDir}: is the engine running?`);
  return `${UNIX_ENDPOINT}${join(dataDir, socket)}`;
}

/** A fresh table of the product's shape (its indexes too) beside the engine's, on the same storage. */
export async function floorTable(endpoint: string, name: string): Promise<Table> {
  const table = { db: createDocumentClient({ endpoint }), name };
  await ensureTable(table);
  return table;
}

/** Every item of the floor, in the order written: elections, then cases, then signature lines. */
function* floorItems(items: FloorItems): Generator<Record<string, string>> {
  const padding = (bytes: number) => 'x'.repeat(bytes);
  for (let i = 0; i < items.elections; i += 1)
    yield { pk: `E#${i}`, sk: 'ELECTION', payload: padding(FLOOR_ITEM_BYTES.election) };
  for (let i = 0; i < items.cases; i += 1)
    yield {
      pk: `E#${i % Math.max(1, items.elections)}`,
      sk: `CASE#${i}`,
      payload: padding(FLOOR_ITEM_BYTES.case),
    };
  for (let i = 0; i < items.signatureLines; i += 1)
    yield {
      pk: `C#${i % Math.max(1, items.cases)}`,
      sk: `LINE#${i}`,
      payload: padding(FLOOR_ITEM_BYTES.signatureLine),
    };
}

/**
 * The floor of a cycle: its items written raw, 25 to a BatchWriteItem request, `concurrency` requests at a time,
 * to `table` (the same storage process the cycle used). Items DynamoDB leaves unprocessed are sent again, as
 * its contract asks; those requests are counted too.
 */
export async function writeFloor(
  table: Table,
  items: FloorItems,
  concurrency: number,
): Promise<{ readonly items: number; readonly requests: number; readonly seconds: number }> {
  const batches: Record<string, string>[][] = [];
  let batch: Record<string, string>[] = [];
  for (const item of floorItems(items)) {
    batch.push(item);
    if (batch.length === BATCH_WRITE_ITEMS) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) batches.push(batch);
  let requests = 0;
  const started = performance.now();
  await inPool(batches, concurrency, async (put) => {
    let pending = put.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      requests += 1;
      const written = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
      pending = (written.UnprocessedItems?.[table.name] ?? []).flatMap((r) =>
        r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item as Record<string, string> } }] : [],
      );
    }
  });
  return {
    items: floorItemCount(items),
    requests,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
