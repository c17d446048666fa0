import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Table } from '../../shared/storage/document-client.ts';
import { tableDefinition } from '../../shared/storage/table.ts';

/** Creates the product's table unless a previous run already did (the data folder keeps it). */
export async function ensureTable(table: Table): Promise<void> {
  try {
    await table.db.send(new DescribeTableCommand({ TableName: table.name }));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error;
    await table.db.send(new CreateTableCommand(tableDefinition(table.name)));
  }
}
