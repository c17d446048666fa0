import { relative } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HttpRequest } from '@smithy/types';
import { DynaliteHttpHandler } from './dynalite-http-handler.ts';

export interface StorageConfig {
  /**
   * Where DynamoDB answers: unset on AWS; locally dynalite's URL (`http://127.0.0.1:<port>`), or
   * `unix:<absolute socket path>` for a dynalite on a Unix domain socket (the local engine's).
   */
  readonly endpoint?: string;
  readonly region?: string;
  /** Sees the low-level client before use: how the cost model counts requests and capacity. */
  readonly instrument?: (client: DynamoDBClient) => void;
}

/** The prefix of an endpoint that is a Unix domain socket: `unix:/path/to/storage.sock`. */
export const UNIX_ENDPOINT = 'unix:';

/** The longest socket path the system takes (sun_path holds 108 bytes on Linux, 104 on macOS, with the NUL). */
const MAX_SOCKET_PATH_BYTES = process.platform === 'linux' ? 107 : 103;

/**
 * The form of an absolute socket path this process can connect to or listen on: the path itself, or, when
 * it is too long for a Unix socket, the path relative to the working folder. Neither fitting is refused with
 * a message that says what to do.
 */
export function reachableSocketPath(socketPath: string): string {
  const fits = (path: string) => Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES;
  if (fits(socketPath)) return socketPath;
  const nearer = relative(process.cwd(), socketPath);
  if (fits(nearer)) return nearer;
  throw new Error(
    `the storage socket ${socketPath} is ${Buffer.byteLength(socketPath)} bytes long, more than a Unix socket ` +
      `takes (${MAX_SOCKET_PATH_BYTES}): choose a shorter DATA_DIR, or start from a folder nearer to it`,
  );
}

/**
 * Locally, requests go unsigned: dynalite reads only the form of the Authorization header (and that a date is
 * given), never its signature, and signing each request (an HMAC chain, a SHA-256 of the body) was a tenth of
 * the engine's time in an import. On AWS the SDK signs as always.
 */
const unsignedForDynalite = {
  sign: async (request: HttpRequest) => {
    request.headers.authorization =
      'AWS4-HMAC-SHA256 Credential=local/19700101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=local';
    request.headers['x-amz-date'] = '19700101T000000Z';
    return request;
  },
};

/** A low-level DynamoDB client; locally dynalite accepts any credentials. */
export function createDynamoClient(config: StorageConfig = {}): DynamoDBClient {
  const { endpoint } = config;
  const local = {
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    signer: unsignedForDynalite,
  };
  const client = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'local',
    ...(endpoint === undefined
      ? {}
      : endpoint.startsWith(UNIX_ENDPOINT)
        ? {
            ...local,
            endpoint: 'http://localhost',
            // The SDK's requests over connections of our own to the socket, whatever host they name.
            requestHandler: new DynaliteHttpHandler(
              reachableSocketPath(endpoint.slice(UNIX_ENDPOINT.length)),
            ),
          }
        : { ...local, endpoint }),
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
