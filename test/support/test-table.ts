import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient, type Table } from '../../shared/storage/document-client.ts';
import { tableDefinition } from '../../shared/storage/table.ts';

/**
 * A fresh table on the run's dynalite, so that test files never see each other's data; returned once dynalite
 * says it is ACTIVE (it answers ResourceNotFound to a table still CREATING, which a busy run can meet).
 */
export async function createTestTable(): Promise<Table> {
  const db = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  const name = `test-${randomUUID()}`;
  await db.send(new CreateTableCommand(tableDefinition(name)));
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { Table: described } = await db.send(new DescribeTableCommand({ TableName: name }));
    if (described?.TableStatus === 'ACTIVE') return { db, name };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`test table ${name} never became active`);
}
