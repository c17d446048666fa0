import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { describe, expect, it } from 'vitest';
import { installTableCache } from '../../../infra/local/dynalite-table-cache.ts';
import { waitForActiveTable } from '../../../infra/local/table-setup.ts';
import { createDocumentClient } from '../../../shared/storage/document-client.ts';

const keySchema = {
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' as const },
    { AttributeName: 'sk', AttributeType: 'S' as const },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' as const },
    { AttributeName: 'sk', KeyType: 'RANGE' as const },
  ],
  BillingMode: 'PAY_PER_REQUEST' as const,
};

describe('the storage process’s dynalite, keeping table descriptions in memory', () => {
  it('answers as LevelDB would after every change of the table: deleted, created again with an index', async () => {
    // Prepare
    installTableCache();
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    const db = createDocumentClient({ endpoint: `http://127.0.0.1:${address.port}` });
    const TableName = 'cached';
    await db.send(new CreateTableCommand({ TableName, ...keySchema }));
    await waitForActiveTable(db, TableName);
    await db.send(new PutCommand({ TableName, Item: { pk: 'P', sk: 'a', g: 'G' } }));
    const item = () => db.send(new GetCommand({ TableName, Key: { pk: 'P', sk: 'a' } }));
    expect((await item()).Item).toMatchObject({ g: 'G' });

    // Act: the table goes, then comes back with an index
    await db.send(new DeleteTableCommand({ TableName }));
    const gone = await item().catch((error: unknown) => error);
    await db.send(
      new CreateTableCommand({
        TableName,
        ...keySchema,
        AttributeDefinitions: [...keySchema.AttributeDefinitions, { AttributeName: 'g', AttributeType: 'S' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byG',
            KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    await waitForActiveTable(db, TableName);
    await db.send(new PutCommand({ TableName, Item: { pk: 'Q', sk: 'b', g: 'H' } }));

    // Assess
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect((await item()).Item).toBeUndefined();
    const described = await db.send(new DescribeTableCommand({ TableName }));
    expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['byG']);
    const byG = await db.send(
      new QueryCommand({
        TableName,
        IndexName: 'byG',
        KeyConditionExpression: 'g = :g',
        ExpressionAttributeValues: { ':g': 'H' },
      }),
    );
    expect(byG.Items).toEqual([{ pk: 'Q', sk: 'b', g: 'H' }]);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
