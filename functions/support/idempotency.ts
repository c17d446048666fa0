import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Caller } from '../../shared/auth/caller.ts';
import { keys } from '../../shared/storage/keys.ts';
import type { OperationRequest } from './operation.ts';

/** Where no Lambda says how long a request may run (the local engine): no local request takes this long. */
export const LOCAL_REQUEST_BUDGET_MS = 10_000;

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
  // The second argument carries the time left for the request: Powertools lets an in-progress record expire
  // then, so that a retry after a crash mid-request runs again instead of waiting out the whole day.
  const once = makeIdempotent(
    async (
      _identity: { key: string; request: unknown },
      call: { request: OperationRequest; getRemainingTimeInMillis: () => number },
    ) => operation(call.request),
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
  return (
    request: OperationRequest,
    idempotencyKey: string | undefined,
    remainingMs = LOCAL_REQUEST_BUDGET_MS,
  ): Promise<unknown> => {
    if (idempotencyKey === undefined) return operation(request);
    const identity = {
      key: `${callerKey(request.caller)}|${idempotencyKey}`,
      request: { params: request.params, body: request.body },
    };
    return once(identity, { request, getRemainingTimeInMillis: () => remainingMs });
  };
}
