import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { Table } from '../../shared/storage/document-client.ts';
import { tableDefinition } from '../../shared/storage/table.ts';

/**
 * Returns once `tableName` is ACTIVE. A table just created is CREATING for a while (dynalite too, even with
 * createTableMs 0), and a write to it then fails with ResourceNotFoundException: the benchmark's start once
 * failed so. The SDK's waiter asks at once, then backs off from 10 ms up to a quarter second.
 */
export async function waitForActiveTable(
  client: DynamoDBClient | Table['db'],
  tableName: string,
  maxWaitSeconds = 60,
): Promise<void> {
  await waitUntilTableExists(
    // The document client sends DescribeTable through the low-level client it wraps, as the waiter needs.
    { client, minDelay: 0.01, maxDelay: 0.25, maxWaitTime: maxWaitSeconds },
    { TableName: tableName },
  );
}

/**
 * Creates the product's table unless a previous run (or another caller at the same moment) already did, and
 * returns once it is ACTIVE.
 */
export async function ensureTable(table: Table): Promise<void> {
  try {
    await table.db.send(new CreateTableCommand(tableDefinition(table.name)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitForActiveTable(table.db, table.name);
}
