import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Table } from '../../shared/storage/document-client.ts';
import { familyOf, type KeyFamily } from '../../shared/storage/keys.ts';
import { tableKeys } from '../../shared/storage/table.ts';
import { createTestTable } from './test-table.ts';

/** One partition a request reached, as IAM sees it: the partition key, and whether it is read or written. */
export interface TableAccess {
  /** Who made the request (what `who` said when it was sent). */
  readonly by: string;
  readonly partition: string;
  /** Undefined for a partition no family holds. */
  readonly family: KeyFamily | undefined;
  readonly access: 'read' | 'write' | 'scan';
}

type Access = Omit<TableAccess, 'by'>;

/** The partition key a query names in its key condition (`pk = :v`, or the index's own key). */
function queriedPartition(input: QueryCommand['input']): string {
  const keyName = input.IndexName === undefined ? tableKeys.partitionKey : tableKeys.byDistrictPartitionKey;
  for (const [, name = '', value = ''] of (input.KeyConditionExpression ?? '').matchAll(
    /(#?\w+)\s*=\s*(:\w+)/g,
  )) {
    if ((input.ExpressionAttributeNames?.[name] ?? name) === keyName) {
      return String(input.ExpressionAttributeValues?.[value]);
    }
  }
  throw new Error(`a query without a partition: ${input.KeyConditionExpression}`);
}

function accessesOf(command: unknown, tableName: string): Access[] {
  const at = (partition: unknown, access: Access['access'], index?: string): Access => ({
    partition: String(partition),
    family: familyOf(String(partition), index),
    access,
  });
  if (command instanceof GetCommand) return [at(command.input.Key?.pk, 'read')];
  if (command instanceof PutCommand) return [at(command.input.Item?.pk, 'write')];
  if (command instanceof UpdateCommand || command instanceof DeleteCommand) {
    return [at(command.input.Key?.pk, 'write')];
  }
  if (command instanceof BatchGetCommand) {
    return (command.input.RequestItems?.[tableName]?.Keys ?? []).map((key) => at(key.pk, 'read'));
  }
  if (command instanceof BatchWriteCommand) {
    return (command.input.RequestItems?.[tableName] ?? []).map((request) =>
      at(request.PutRequest?.Item?.pk ?? request.DeleteRequest?.Key?.pk, 'write'),
    );
  }
  if (command instanceof QueryCommand) {
    return [at(queriedPartition(command.input), 'read', command.input.IndexName)];
  }
  if (command instanceof ScanCommand)
    return [{ partition: '(every partition)', family: undefined, access: 'scan' }];
  throw new Error(`a request the recorder does not know: ${String(command)}`);
}

/**
 * A fresh test table whose every request through the document client is noted: who made it (`who()` at the
 * moment it is sent), and which partitions it reads or writes, by key family. What a function's IAM grant
 * must allow, in the terms the grant uses (dynamodb:LeadingKeys).
 */
export async function tableAccessRecorder(
  who: () => string,
): Promise<{ table: Table; accesses: TableAccess[] }> {
  const table = await createTestTable();
  const accesses: TableAccess[] = [];
  const send = (command: Parameters<Table['db']['send']>[0]) => {
    const by = who();
    for (const access of accessesOf(command, table.name)) accesses.push({ by, ...access });
    return table.db.send(command);
  };
  const db = new Proxy(table.db, {
    get: (target, name) => (name === 'send' ? send : Reflect.get(target, name)),
  });
  return { table: { name: table.name, db }, accesses };
}
