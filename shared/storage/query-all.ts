import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { Table } from './document-client.ts';
import { fromItem, readItem, type UnreadableItem } from './item-codec.ts';

type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Every raw item of a query, page after page. */
export async function queryItems(table: Table, input: QueryInput): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: cursor }),
    );
    out.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor !== undefined);
  return out;
}

/** How many items a query matches, page after page, without reading them (`Select: COUNT`). */
export async function queryCount(table: Table, input: QueryInput): Promise<number> {
  let total = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({ ...input, Select: 'COUNT', TableName: table.name, ExclusiveStartKey: cursor }),
    );
    total += page.Count ?? 0;
    cursor = page.LastEvaluatedKey;
  } while (cursor !== undefined);
  return total;
}

/** Every item of a query, page after page, each read back through `schema`. */
export async function queryAll<S extends z.ZodType>(
  table: Table,
  schema: S,
  input: QueryInput,
): Promise<z.output<S>[]> {
  return (await queryItems(table, input)).map((item) => fromItem(schema, item));
}

/**
 * How a listing reads: consistently, as nearly every caller must (it acts on what it read), or eventually, at half
 * the read units, where a stale item is judged again before anything is written on it (the reconciler's pass).
 */
export interface ReadConsistency {
  readonly consistent?: boolean;
}

function prefixQuery(
  where: { readonly pk: string; readonly skPrefix: string },
  { consistent = true }: ReadConsistency = {},
): QueryInput {
  return {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': where.pk, ':prefix': where.skPrefix },
    ConsistentRead: consistent,
  };
}

/** Every item under a partition whose sort key starts with a prefix, read consistently. */
export function queryPrefix<S extends z.ZodType>(
  table: Table,
  schema: S,
  where: { readonly pk: string; readonly skPrefix: string },
): Promise<z.output<S>[]> {
  return queryAll(table, schema, prefixQuery(where));
}

/**
 * As `queryPrefix`, but an item the schema refuses is reported instead of failing the whole read: one bad
 * record must not stop every other one from being listed, counted or closed.
 */
export async function queryPrefixReadable<S extends z.ZodType>(
  table: Table,
  schema: S,
  where: { readonly pk: string; readonly skPrefix: string },
  consistency: ReadConsistency = {},
): Promise<{ items: z.output<S>[]; unreadable: UnreadableItem[] }> {
  const items: z.output<S>[] = [];
  const unreadable: UnreadableItem[] = [];
  for (const item of await queryItems(table, prefixQuery(where, consistency))) {
    const read = readItem(schema, item);
    if (read.ok) items.push(read.value);
    else unreadable.push(read.unreadable);
  }
  return { items, unreadable };
}
