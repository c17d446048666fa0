import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Table } from './document-client.ts';
import { fromItem } from './item-codec.ts';

/** Every item of a query, page after page, each read back through `schema`. */
export async function queryAll<S extends z.ZodType>(
  table: Table,
  schema: S,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: cursor }),
    );
    for (const item of page.Items ?? []) out.push(fromItem(schema, item));
    cursor = page.LastEvaluatedKey;
  } while (cursor !== undefined);
  return out;
}

/** Every item under a partition whose sort key starts with a prefix, read consistently. */
export function queryPrefix<S extends z.ZodType>(
  table: Table,
  schema: S,
  where: { readonly pk: string; readonly skPrefix: string },
): Promise<z.output<S>[]> {
  return queryAll(table, schema, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': where.pk, ':prefix': where.skPrefix },
    ConsistentRead: true,
  });
}
