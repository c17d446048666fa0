import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../infra/local/table-setup.ts';
import { createDocumentClient, type Table } from '../../shared/storage/document-client.ts';

/**
 * A fresh table on the run's dynalite, so that test files never see each other's data; returned once dynalite
 * says it is ACTIVE (it answers ResourceNotFound to a table still CREATING, which a busy run can meet).
 */
export async function createTestTable(): Promise<Table> {
  const db = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  const name = `test-${randomUUID()}`;
  await ensureTable({ db, name });
  return { db, name };
}
