import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Table } from '../../shared/storage/document-client.ts';

/** Storage requests by kind (DynamoDB's action names: GetItem, Query, TransactWriteItems…). */
export type StorageMix = Readonly<Record<string, number>>;

/**
 * What one operation asks of storage: the counts by kind between two readings of the engine's counters, over
 * `samples` calls, per call, rounded to whole requests (kinds that round to none are left out).
 */
export function mixPerCall(before: StorageMix, after: StorageMix, samples: number): StorageMix {
  const mix: Record<string, number> = {};
  for (const [kind, count] of Object.entries(after)) {
    const perCall = Math.round((count - (before[kind] ?? 0)) / Math.max(1, samples));
    if (perCall > 0) mix[kind] = perCall;
  }
  return mix;
}

export function requestsIn(mix: StorageMix): number {
  return Object.values(mix).reduce((sum, n) => sum + n, 0);
}

/** "2 GetItem + 1 Query" */
export function mixText(mix: StorageMix): string {
  const parts = Object.entries(mix)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `${n} ${kind}`);
  return parts.length === 0 ? 'none' : parts.join(' + ');
}

/** The floor table's items: what the floor's reads find, as large as the product's records. */
const ITEM = 'x'.repeat(2_000);
export const QUERY_PARTITION_ITEMS = 5;

/** Writes what the raw reads of the floor read: one item to get, a partition of five to query. */
export async function seedFloorTable(table: Table): Promise<void> {
  await table.db.send(
    new BatchWriteCommand({
      RequestItems: {
        [table.name]: [
          { PutRequest: { Item: { pk: 'F#get', sk: 'item', payload: ITEM } } },
          ...Array.from({ length: QUERY_PARTITION_ITEMS }, (_, i) => ({
            PutRequest: { Item: { pk: 'F#query', sk: `item#${i}`, payload: ITEM } },
          })),
        ],
      },
    }),
  );
}

/**
 * One raw request of `kind` against the seeded floor table; `n` makes written keys unique. A kind with no raw
 * counterpart here (DescribeTable, Scan…) is taken as a GetItem, the cheapest request there is.
 */
export function rawRequest(table: Table, kind: string, n: string): Promise<unknown> {
  const TableName = table.name;
  const put = (sk: string) => ({ Put: { TableName, Item: { pk: `F#w#${n}`, sk, payload: ITEM } } });
  switch (kind) {
    case 'Query':
      return table.db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'F#query' },
        }),
      );
    case 'PutItem':
      return table.db.send(new PutCommand(put('put').Put));
    case 'UpdateItem':
      return table.db.send(
        new UpdateCommand({
          TableName,
          Key: { pk: `F#w#${n}`, sk: 'update' },
          UpdateExpression: 'SET payload = :p',
          ExpressionAttributeValues: { ':p': ITEM },
        }),
      );
    case 'DeleteItem':
      return table.db.send(new DeleteCommand({ TableName, Key: { pk: `F#w#${n}`, sk: 'put' } }));
    case 'TransactWriteItems':
      // The engine's transactions write a record and its guard (a case and the candidate's place in the roll).
      return table.db.send(new TransactWriteCommand({ TransactItems: [put('a'), put('b')] }));
    case 'BatchWriteItem':
      return table.db.send(
        new BatchWriteCommand({
          RequestItems: { [TableName]: [{ PutRequest: put('a').Put }, { PutRequest: put('b').Put }] },
        }),
      );
    case 'BatchGetItem':
      return table.db.send(
        new BatchGetCommand({
          RequestItems: {
            [TableName]: {
              Keys: [
                { pk: 'F#get', sk: 'item' },
                { pk: 'F#query', sk: 'item#0' },
              ],
            },
          },
        }),
      );
    default:
      return table.db.send(new GetCommand({ TableName, Key: { pk: 'F#get', sk: 'item' } }));
  }
}

/** The floor of one operation: its storage requests made raw, one after another, in a fixed order. */
export async function rawOperation(table: Table, mix: StorageMix, n: string): Promise<void> {
  let i = 0;
  for (const [kind, count] of Object.entries(mix).sort(([a], [b]) => a.localeCompare(b))) {
    for (let k = 0; k < count; k += 1) {
      i += 1;
      await rawRequest(table, kind, `${n}.${i}`);
    }
  }
}
