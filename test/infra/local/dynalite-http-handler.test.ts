// Every client of the local engine's storage process (createDocumentClient / createDynamoClient on a Unix socket
// endpoint) is the real SDK over our own transport (dynalite-http-handler.ts): its answers, exceptions, retries
// and middleware must be what the SDK's own handler (node:http) gives on the same storage process.
import { Agent } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StorageServer, startStorageServer } from '../../../infra/local/storage-server.ts';
import { ensureTable } from '../../../infra/local/table-setup.ts';
import {
  createDocumentClient,
  createDynamoClient,
  reachableSocketPath,
  UNIX_ENDPOINT,
} from '../../../shared/storage/document-client.ts';
import { isConditionFailure } from '../../../shared/storage/item-codec.ts';

const TableName = 'handler-parity';
let storage: StorageServer;
let socketPath: string;
/** The SDK with its own handler (node:http, an agent on the socket): what the answers must equal. */
let sdkLow: DynamoDBClient;
let sdk: DynamoDBDocumentClient;
/** The product's client: the SDK with our handler. */
let ours: DynamoDBDocumentClient;

beforeAll(async () => {
  storage = await startStorageServer(null);
  socketPath = reachableSocketPath(storage.endpoint.slice(UNIX_ENDPOINT.length));
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  agent.createConnection = () => createConnection(socketPath);
  sdkLow = new DynamoDBClient({
    region: 'local',
    endpoint: 'http://localhost',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: { httpAgent: agent },
  });
  sdk = DynamoDBDocumentClient.from(sdkLow, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  ours = createDocumentClient({ endpoint: storage.endpoint });
  await ensureTable({ db: ours, name: TableName });
});
afterAll(async () => {
  sdk.destroy();
  ours.destroy();
  await storage.stop();
});

/** An answer without what only says how it travelled (request ids, attempts). */
const content = ({ $metadata: _metadata, ...rest }: { $metadata?: unknown }) => rest;

/** Runs `act` through both clients, on items of their own (`prefix`), and answers both results. */
async function both<T>(act: (db: DynamoDBDocumentClient, prefix: string) => Promise<T>): Promise<[T, T]> {
  return [await act(sdk, 'sdk'), await act(ours, 'ours')];
}

/** The thrown error, or the answer. */
async function outcome(work: () => Promise<unknown>): Promise<{ answer?: unknown; error?: unknown }> {
  try {
    return { answer: await work() };
  } catch (error) {
    return { error };
  }
}

const item = (prefix: string, sk: string) => ({
  pk: `${prefix}#P`,
  sk,
  text: 'Қазақстан — «ауыл»',
  number: 42.5,
  big: 1_234_567_890_123,
  flag: true,
  nothing: null,
  gone: undefined,
  list: [1, 'two', { three: [3] }],
  map: { nested: { deeper: 'yes' }, empty: {} },
  names: new Set(['a', 'b']),
  bytes: new Uint8Array([0, 1, 2, 250, 255]),
  byteSet: new Set([new Uint8Array([1]), new Uint8Array([2, 3])]),
});
const withoutPrefix = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value, (_key, v) =>
      v instanceof Set ? [...v].map(String).sort() : v instanceof Uint8Array ? [...v] : v,
    ).replace(/"(sdk|ours)#/g, '"#'),
  );

/**
 * A stand-in for the storage process on a socket of its own, passing bytes through to the real one; `fault`
 * decides, per connection, whether its first request is cut off (the connection closed under it) or never
 * answered.
 */
async function startPassage(fault: (connection: number) => 'cut' | 'silent' | 'pass') {
  const path = join(socketPath, '..', `passage-${process.pid}-${Date.now()}.sock`);
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const kind = fault(connections);
    connections += 1;
    if (kind === 'cut') {
      client.once('data', () => client.destroy());
      return;
    }
    if (kind === 'silent') return;
    const upstream = createConnection(socketPath);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    endpoint: `${UNIX_ENDPOINT}${path}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the SDK over the storage process’s own transport, beside the SDK’s own handler', () => {
  it('stores and reads back every kind of value as the SDK does (binary, sets, nested maps, no undefined)', async () => {
    // Act
    const [bySdk, byOurs] = await both(async (db, prefix) => {
      await db.send(new PutCommand({ TableName, Item: item(prefix, 'a') }));
      return db.send(
        new GetCommand({ TableName, Key: { pk: `${prefix}#P`, sk: 'a' }, ConsistentRead: true }),
      );
    });
    // Assess
    expect(byOurs.Item?.bytes).toBeInstanceOf(Uint8Array);
    expect(byOurs.Item).not.toHaveProperty('gone');
    expect(withoutPrefix(byOurs.Item)).toEqual(withoutPrefix(bySdk.Item));
    // The answer's headers reached the SDK: dynalite's request id, one attempt.
    expect(byOurs.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    expect(byOurs.$metadata.requestId).toMatch(/^[0-9A-Z]{52}$/);
    // What one client wrote, the other reads the same.
    const crossed = await sdk.send(new GetCommand({ TableName, Key: { pk: 'ours#P', sk: 'a' } }));
    expect(withoutPrefix(crossed.Item)).toEqual(withoutPrefix(bySdk.Item));
  });

  it('answers an update with its new attributes, and refuses a failed condition with the SDK’s exception', async () => {
    // Act
    const [bySdk, byOurs] = await both(async (db, prefix) => {
      await db.send(new PutCommand({ TableName, Item: { pk: `${prefix}#U`, sk: 'u', version: 1 } }));
      const updated = await db.send(
        new UpdateCommand({
          TableName,
          Key: { pk: `${prefix}#U`, sk: 'u' },
          UpdateExpression: 'SET version = :next, #s = :status',
          ConditionExpression: 'version = :was',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':next': 2, ':was': 1, ':status': 'Filed' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const refused = await outcome(() =>
        db.send(
          new PutCommand({
            TableName,
            Item: { pk: `${prefix}#U`, sk: 'u', version: 3 },
            ConditionExpression: 'version = :was',
            ExpressionAttributeValues: { ':was': 1 },
          }),
        ),
      );
      return { updated: content(updated), refused: refused.error };
    });
    // Assess
    expect(withoutPrefix(byOurs.updated)).toEqual(withoutPrefix(bySdk.updated));
    expect(byOurs.refused).toBeInstanceOf(ConditionalCheckFailedException);
    expect(isConditionFailure(byOurs.refused)).toBe(true);
    expect((byOurs.refused as ConditionalCheckFailedException).message).toBe(
      (bySdk.refused as ConditionalCheckFailedException).message,
    );
    // A refusal is the storage's answer, not a fault of the way there: not tried again.
    expect((byOurs.refused as ConditionalCheckFailedException).$metadata.attempts).toBe(1);
  });

  it('pages a query as the SDK does, and deletes', async () => {
    // Act
    const [bySdk, byOurs] = await both(async (db, prefix) => {
      for (const sk of ['1', '2', '3'])
        await db.send(new PutCommand({ TableName, Item: { pk: `${prefix}#Q`, sk } }));
      const query = (start?: Record<string, unknown>) =>
        db.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `${prefix}#Q` },
            Limit: 2,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
      const first = await query();
      const second = await query(first.LastEvaluatedKey);
      const deleted = await db.send(
        new DeleteCommand({ TableName, Key: { pk: `${prefix}#Q`, sk: '1' }, ReturnValues: 'ALL_OLD' }),
      );
      return [content(first), content(second), content(deleted)];
    });
    // Assess
    expect(byOurs[0]).toHaveProperty('LastEvaluatedKey');
    expect(withoutPrefix(byOurs)).toEqual(withoutPrefix(bySdk));
  });

  it('writes and reads in batches as the SDK does', async () => {
    // Act
    const [bySdk, byOurs] = await both(async (db, prefix) => {
      await db.send(
        new BatchWriteCommand({
          RequestItems: {
            [TableName]: [
              { PutRequest: { Item: { pk: `${prefix}#B`, sk: '1', bytes: new Uint8Array([9]) } } },
              { PutRequest: { Item: { pk: `${prefix}#B`, sk: '2' } } },
              { DeleteRequest: { Key: { pk: `${prefix}#B`, sk: '3' } } },
            ],
          },
        }),
      );
      const read = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [TableName]: {
              Keys: ['1', '2', '9'].map((sk) => ({ pk: `${prefix}#B`, sk })),
              ConsistentRead: true,
            },
          },
        }),
      );
      return (read.Responses?.[TableName] ?? []).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    });
    // Assess
    expect(byOurs).toHaveLength(2);
    expect(byOurs[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(withoutPrefix(byOurs)).toEqual(withoutPrefix(bySdk));
  });

  it('runs what the engine adds to the middleware stack: its requests counted by kind, refusals included', async () => {
    // Prepare: the engine's request counter (infra/local/main.ts), on a client of its own.
    const counted: Record<string, number> = {};
    const db = createDocumentClient({
      endpoint: storage.endpoint,
      instrument: (client) =>
        client.middlewareStack.add(
          (next, context) => async (args) => {
            const kind = (context.commandName ?? 'unknown').replace(/Command$/, '');
            counted[kind] = (counted[kind] ?? 0) + 1;
            return next(args);
          },
          { step: 'initialize', name: 'requestCounter' },
        ),
    });
    // Act
    await db.send(new PutCommand({ TableName, Item: { pk: 'hook', sk: 'h' } }));
    await db.send(new GetCommand({ TableName, Key: { pk: 'hook', sk: 'h' } }));
    const refused = await outcome(() =>
      db.send(
        new PutCommand({
          TableName,
          Item: { pk: 'hook', sk: 'h' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    db.destroy();
    // Assess
    expect(isConditionFailure(refused.error)).toBe(true);
    expect(counted).toEqual({ PutItem: 2, GetItem: 1 });
  });

  it('carries answers of many chunks, and more requests at once than it keeps connections', async () => {
    // Act: 120 requests at once (50 connections at most), each item 20 KB.
    const payload = 'ж'.repeat(10_000);
    const key = (n: number) => String(n).padStart(3, '0');
    await Promise.all(
      Array.from({ length: 120 }, (_, n) =>
        ours.send(new PutCommand({ TableName, Item: { pk: 'many', sk: key(n), payload } })),
      ),
    );
    const reads = await Promise.all(
      Array.from({ length: 120 }, (_, n) =>
        ours.send(new GetCommand({ TableName, Key: { pk: 'many', sk: key(n) } })),
      ),
    );
    const page = (db: DynamoDBDocumentClient) =>
      db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'many' },
        }),
      );
    // Two megabytes of items: dynalite's page of one megabyte, in many chunks on the socket.
    const [bySdk, byOurs] = [await page(sdk), await page(ours)];
    // Assess
    expect(reads.map((read) => [read.Item?.sk, read.Item?.payload === payload])).toEqual(
      Array.from({ length: 120 }, (_, n) => [key(n), true]),
    );
    expect(byOurs.Items?.length).toBeGreaterThan(10);
    expect(byOurs.LastEvaluatedKey).toBeDefined();
    expect(content(byOurs)).toEqual(content(bySdk));
  });

  it('goes on after dynalite closed its idle connections, at the first attempt', async () => {
    // Prepare
    const db = createDocumentClient({ endpoint: storage.endpoint });
    await db.send(new PutCommand({ TableName, Item: { pk: 'idle', sk: 'i', n: 1 } }));
    // dynalite's server ends a connection idle for 5 seconds, and Node's server checks a second later.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    // Act
    const read = await db.send(new GetCommand({ TableName, Key: { pk: 'idle', sk: 'i' } }));
    db.destroy();
    // Assess: the closed connection was let go, not written to and found dead.
    expect(read.Item).toEqual({ pk: 'idle', sk: 'i', n: 1 });
    expect(read.$metadata.attempts).toBe(1);
  }, 15_000);

  it('has the SDK try again when a connection is lost under a request', async () => {
    // Prepare: the first connection is closed as soon as a request comes on it.
    const passage = await startPassage((connection) => (connection === 0 ? 'cut' : 'pass'));
    const db = createDocumentClient({ endpoint: passage.endpoint });
    // Act
    const written = await db.send(new PutCommand({ TableName, Item: { pk: 'lost', sk: 'l', n: 7 } }));
    db.destroy();
    await passage.close();
    // Assess
    expect(written.$metadata.attempts).toBe(2);
    expect(passage.connections()).toBe(2);
    const read = await ours.send(
      new GetCommand({ TableName, Key: { pk: 'lost', sk: 'l' }, ConsistentRead: true }),
    );
    expect(read.Item).toEqual({ pk: 'lost', sk: 'l', n: 7 });
  });

  it('gives up a request its caller aborts, without trying it again', async () => {
    // Prepare: a storage process that never answers.
    const passage = await startPassage(() => 'silent');
    const db = createDocumentClient({ endpoint: passage.endpoint });
    const caller = new AbortController();
    // Act
    const pending = outcome(() =>
      db.send(new GetCommand({ TableName, Key: { pk: 'never', sk: 'n' } }), { abortSignal: caller.signal }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    caller.abort();
    const { error } = await pending;
    const again = await outcome(() =>
      db.send(new GetCommand({ TableName, Key: { pk: 'never', sk: 'n' } }), { abortSignal: caller.signal }),
    );
    db.destroy();
    await passage.close();
    // Assess
    expect((error as Error).name).toBe('AbortError');
    expect((again.error as Error).name).toBe('AbortError');
    expect(passage.connections()).toBe(1);
  });

  it('as a low-level client, refuses a repeated conditional record as the SDK does (the idempotency records)', async () => {
    // Prepare
    const record = (key: string) =>
      new PutItemCommand({
        TableName,
        Item: {
          pk: { S: key },
          sk: { S: 'r' },
          status: { S: 'INPROGRESS' },
          data: { B: new Uint8Array([7, 8]) },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
    const refusedBy = async (client: DynamoDBClient, key: string) => {
      await client.send(record(key));
      return (await outcome(() => client.send(record(key)))).error as ConditionalCheckFailedException;
    };
    const low = createDynamoClient({ endpoint: storage.endpoint });
    // Act
    const bySdk = await refusedBy(sdkLow, 'idem-sdk');
    const byOurs = await refusedBy(low, 'idem-ours');
    const stored = await sdkLow.send(
      new GetItemCommand({ TableName, Key: { pk: { S: 'idem-ours' }, sk: { S: 'r' } } }),
    );
    low.destroy();
    // Assess
    expect(byOurs).toBeInstanceOf(ConditionalCheckFailedException);
    // (dynalite answers no item with the refusal, whatever ReturnValuesOnConditionCheckFailure asks.)
    expect([byOurs.name, byOurs.message, byOurs.Item]).toEqual([bySdk.name, bySdk.message, bySdk.Item]);
    expect(stored.Item?.data?.B).toEqual(new Uint8Array([7, 8]));
  });

  it('refuses a table created twice as the SDK does', async () => {
    // Act
    const described = await ours.send(new DescribeTableCommand({ TableName }));
    const again = await outcome(() =>
      ours.send(
        new CreateTableCommand({
          TableName,
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      ),
    );
    // Assess
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(again.error).toBeInstanceOf(ResourceInUseException);
  });
});
