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

/**
 * Where idempotency records live: the product's table, each operation's under a partition of its own
 * (`IDEMPOTENCY#<operationId>`), which only that operation's function is granted. It hands each operation a
 * store of its own (`forOperation`): Powertools sets a store's key prefix on every call, so operations sharing
 * one store in one process (the local engine) could each finish under the other's key. Used itself, it keeps
 * its records where no function is granted.
 */
export class IdempotencyStores extends DynamoDBPersistenceLayer {
  readonly #client: DynamoDBClient;
  readonly #tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    super(storeOptions(client, tableName, keys.idempotencyPartition('')));
    this.#client = client;
    this.#tableName = tableName;
  }

  forOperation(operationId: string): DynamoDBPersistenceLayer {
    return new DynamoDBPersistenceLayer(
      storeOptions(this.#client, this.#tableName, keys.idempotencyPartition(operationId)),
    );
  }
}

function storeOptions(client: DynamoDBClient, tableName: string, partition: string) {
  return { tableName, keyAttr: 'pk', sortKeyAttr: 'sk', staticPkValue: partition, awsSdkV3Client: client };
}

/** The idempotency records of every operation, in the product's table. */
export function idempotencyStore(client: DynamoDBClient, tableName: string): DynamoDBPersistenceLayer {
  return new IdempotencyStores(client, tableName);
}

/**
 * Whose request a key belongs to: the account and its scope. A caller whose scope changed since (a new
 * district, party or IIN on the same account) is another caller: the first answer is not replayed to them,
 * and the operation runs again under their new scope's checks. Powertools stores only a hash of the key.
 */
function callerKey(caller: Caller): string {
  switch (caller.role) {
    case 'public':
      return 'public';
    case 'commission':
    case 'akimat':
      return `${caller.role}:${caller.subject}:${caller.district}`;
    case 'party':
      return `party:${caller.subject}:${caller.partyId}`;
    case 'candidate':
      return `candidate:${caller.subject}:${caller.iin}`;
  }
}

/**
 * Fields of an answer that are personal data, or a secret (a new account's first password): kept out of the
 * stored copy a repeated request gets back.
 */
const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['iin', 'birthDate', 'address', 'initialPassword']);

/**
 * What a stored answer may weigh: a DynamoDB item is at most 400 KB, and an answer that cannot be stored would
 * fail the request after its work was done.
 */
const STORED_ANSWER_MAX_BYTES = 300_000;
/** How many entries of each list a shortened stored answer keeps (counts elsewhere in it stay whole). */
const STORED_LIST_MAX = 1_000;

function withListsShortened(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, STORED_LIST_MAX).map(withListsShortened);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, withListsShortened(field)]));
}

/**
 * The answer as it is kept for repeats: without personal data (read the case for it), and, when it is too
 * large to store, with each list cut to its first 1,000 entries and `replayShortened: true`.
 */
export function storedAnswer(whole: unknown): unknown {
  const impersonal = withoutPersonalData(whole);
  if (Buffer.byteLength(JSON.stringify(impersonal) ?? '') <= STORED_ANSWER_MAX_BYTES) return impersonal;
  const shortened = withListsShortened(impersonal);
  return typeof shortened === 'object' && shortened !== null && !Array.isArray(shortened)
    ? { ...shortened, replayShortened: true }
    : shortened;
}

/** The answer without personal data: every field named as personal data removed, at any depth. */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => !PERSONAL_FIELDS.has(name))
      .map(([name, field]) => [name, withoutPersonalData(field)]),
  );
}

type Operation = (request: OperationRequest) => Promise<unknown>;

/**
 * An operation that honours `Idempotency-Key`: a repeat with the same key and body gets the first answer; the
 * same key with another body is refused (IdempotencyValidationError). Keys are per caller, scope and operation.
 * The first caller gets the whole answer; what is stored, and replayed, carries no personal data.
 * Uses the `makeIdempotent` wrapper, not the middleware (whose current release can run a handler twice).
 * Records go to the operation's own store when `stores` came from `idempotencyStore`; any other store is used
 * as it is.
 */
export function idempotentOperation(
  operationId: string,
  operation: Operation,
  stores: DynamoDBPersistenceLayer,
) {
  const store = stores instanceof IdempotencyStores ? stores.forOperation(operationId) : stores;
  // The second argument carries the time left for the request: Powertools lets an in-progress record expire
  // then, so that a retry after a crash mid-request runs again instead of waiting out the whole day.
  const once = makeIdempotent(
    async (
      _identity: { key: string; request: unknown },
      call: {
        request: OperationRequest;
        getRemainingTimeInMillis: () => number;
        answer: { whole?: unknown };
      },
    ) => {
      const whole = await operation(call.request);
      call.answer.whole = whole;
      return storedAnswer(whole);
    },
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
  return async (
    request: OperationRequest,
    idempotencyKey: string | undefined,
    remainingMs = LOCAL_REQUEST_BUDGET_MS,
  ): Promise<unknown> => {
    if (idempotencyKey === undefined) return operation(request);
    const identity = {
      key: `${callerKey(request.caller)}|${idempotencyKey}`,
      request: { params: request.params, body: request.body },
    };
    const answer: { whole?: unknown } = {};
    const stored = await once(identity, { request, getRemainingTimeInMillis: () => remainingMs, answer });
    return 'whole' in answer ? answer.whole : stored;
  };
}
