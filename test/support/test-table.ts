import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient, type Table } from '../../shared/storage/document-client.ts';
import { tableDefinition } from '../../shared/storage/table.ts';

/** A fresh table on the run's dynalite, so that test files never see each other's data. */
export async function createTestTable(): Promise<Table> {
  const db = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  const name = `test-${randomUUID()}`;
  await db.send(new CreateTableCommand(tableDefinition(name)));
  return { db, name };
}
