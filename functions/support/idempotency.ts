import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Caller } from '../../shared/auth/caller.ts';
import { keys } from '../../shared/storage/keys.ts';
import type { OperationRequest } from './operation.ts';

/** How long a repeated request with the same key gets the first answer back. */
const REMEMBER_FOR_SECONDS = 24 * 3600;

/** Idempotency records live in the product's table, under one partition of their own. */
export function idempotencyStore(client: DynamoDBClient, tableName: string): DynamoDBPersistenceLayer {
  return new DynamoDBPersistenceLayer({
    tableName,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: keys.idempotencyPartition,
    awsSdkV3Client: client,
  });
}

function callerKey(caller: Caller): string {
  return caller.role === 'public' ? 'public' : `${caller.role}:${caller.subject}`;
}

type Operation = (request: OperationRequest) => Promise<unknown>;

/**
 * An operation that honours `Idempotency-Key`: a repeat with the same key and body gets the first answer; the
 * same key with another body is refused (IdempotencyValidationError). Keys are per caller and operation.
 * Uses the `makeIdempotent` wrapper, not the middleware (whose current release can run a handler twice).
 */
export function idempotentOperation(
  operationId: string,
  operation: Operation,
  store: DynamoDBPersistenceLayer,
) {
  const once = makeIdempotent(
    async (_identity: { key: string; request: unknown }, request: OperationRequest) => operation(request),
    {
      persistenceStore: store,
      keyPrefix: operationId,
      config: new IdempotencyConfig({
        eventKeyJmesPath: 'key',
        payloadValidationJmesPath: 'request',
        expiresAfterSeconds: REMEMBER_FOR_SECONDS,
        throwOnNoIdempotencyKey: true,
      }),
    },
  );
  return (request: OperationRequest, idempotencyKey: string | undefined): Promise<unknown> => {
    if (idempotencyKey === undefined) return operation(request);
    const identity = {
      key: `${callerKey(request.caller)}|${idempotencyKey}`,
      request: { params: request.params, body: request.body },
    };
    return once(identity, request);
  };
}
