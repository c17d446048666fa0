import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Table } from '../../shared/storage/document-client.ts';
import { createTestTable } from './test-table.ts';

/**
 * A fresh test table, once dynalite says it is ACTIVE: it answers ResourceNotFound to a table still CREATING,
 * which a busy run (several test files at once) can otherwise meet on its first request.
 */
export async function readyTestTable(): Promise<Table> {
  const table = await createTestTable();
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { Table: described } = await table.db.send(new DescribeTableCommand({ TableName: table.name }));
    if (described?.TableStatus === 'ACTIVE') return table;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`test table ${table.name} never became active`);
}
