import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import type { ItemKey } from './keys.ts';

/** Writes `item` only if no item has its key yet; false when one does. */
export async function putIfAbsent(table: Table, item: Record<string, unknown>): Promise<boolean> {
  return conditionalPut(table, item, { ConditionExpression: 'attribute_not_exists(pk)' });
}

/**
 * Creates the item at `key` if none is there; false when another writer's item is. A write that landed but
 * whose answer was lost (the SDK's retry then meets it) is recognised by its mark and counts as created.
 */
export async function createOnce(
  table: Table,
  key: ItemKey,
  item: Record<string, unknown>,
  writeId: string = randomUUID(),
): Promise<boolean> {
  if (await putIfAbsent(table, { ...item, ...key, [WRITE_ID]: writeId })) return true;
  return (await storedWriteId(table, key)) === writeId;
}

/** Writes `item` only if the stored one still has `expectedVersion`; false when another write came first. */
export async function putIfVersion(
  table: Table,
  item: Record<string, unknown>,
  expectedVersion: number,
): Promise<boolean> {
  return conditionalPut(table, item, {
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': expectedVersion },
  });
}

async function conditionalPut(
  table: Table,
  item: Record<string, unknown>,
  condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
): Promise<boolean> {
  try {
    await table.db.send(new PutCommand({ TableName: table.name, Item: item, ...condition }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Conditional writes mark their item with a fresh `writeId`, so that a writer whose answer was lost can tell
 * its own landed write from someone else's. The mark is storage's own and never reaches the domain.
 */
export const WRITE_ID = 'writeId';

const WriteIdSchema = z.object({ [WRITE_ID]: z.string().optional() });

export async function storedWriteId(table: Table, key: ItemKey): Promise<string | undefined> {
  const { Item } = await table.db.send(
    new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true, ProjectionExpression: WRITE_ID }),
  );
  return Item === undefined ? undefined : WriteIdSchema.parse(Item)[WRITE_ID];
}
