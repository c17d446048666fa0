import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table of the product. Generic key names so every entity fits (single-table design);
 * the CDK stack and the local engine both build the table from these names.
 */
export const tableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  byDistrictIndex: 'gsi1',
  byDistrictPartitionKey: 'gsi1pk',
  byDistrictSortKey: 'gsi1sk',
} as const;

export const keyAttributes: readonly string[] = [
  tableKeys.partitionKey,
  tableKeys.sortKey,
  tableKeys.byDistrictPartitionKey,
  tableKeys.byDistrictSortKey,
];

/** CreateTable input for dynalite (local engine, tests); on AWS the CDK stack declares the same shape. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, byDistrictIndex, byDistrictPartitionKey, byDistrictSortKey } = tableKeys;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [partitionKey, sortKey, byDistrictPartitionKey, byDistrictSortKey].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: byDistrictIndex,
        KeySchema: [
          { AttributeName: byDistrictPartitionKey, KeyType: 'HASH' },
          { AttributeName: byDistrictSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
