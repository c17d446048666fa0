import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StorageConfig {
  /** Where DynamoDB answers: unset on AWS, the dynalite URL locally. */
  readonly endpoint?: string;
  readonly region?: string;
}

/** The one DynamoDB client of a process; locally dynalite accepts any credentials. */
export function createDocumentClient(config: StorageConfig = {}): DynamoDBDocumentClient {
  const local = config.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'local',
    ...(local
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Where the product's data lives: the client and the table name, passed to every repository. */
export interface Table {
  readonly db: DynamoDBDocumentClient;
  readonly name: string;
}
