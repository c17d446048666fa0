import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StorageConfig {
  /** Where DynamoDB answers: unset on AWS, the dynalite URL locally. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Sees the low-level client before use: how the cost model counts requests and capacity. */
  readonly instrument?: (client: DynamoDBClient) => void;
}

/** A low-level DynamoDB client; locally dynalite accepts any credentials. */
export function createDynamoClient(config: StorageConfig = {}): DynamoDBClient {
  const local = config.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'local',
    ...(local
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  config.instrument?.(client);
  return client;
}

/** The document client every repository speaks through. */
export function createDocumentClient(config: StorageConfig = {}): DynamoDBDocumentClient {
  const client = createDynamoClient(config);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Where the product's data lives: the client and the table name, passed to every repository. */
export interface Table {
  readonly db: DynamoDBDocumentClient;
  readonly name: string;
}
