import type { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Caller } from '../../shared/auth/caller.ts';
import { actsInElection } from '../../shared/auth/scope.ts';
import { ForbiddenError, UnauthorizedError } from '../../shared/domain/errors.ts';
import { negotiateLanguage } from '../../shared/domain/language.ts';
import { errorResponse, requestError } from '../../shared/http/error-response.ts';
import { withRowLines } from '../../shared/http/file-rows.ts';
import { readBody, UnsupportedMediaTypeError } from '../../shared/http/request-body.ts';
import { withinResponseLimit } from '../../shared/http/response-limit.ts';
import { isJobAnswer } from '../jobs/start-job.ts';
import type { ApiRoute } from './api-route.ts';
import type { Dependencies } from './dependencies.ts';
import { idempotentOperation } from './idempotency.ts';
import { matchRouteIn } from './route-match.ts';

/** An HTTP request as any infrastructure hands it over, the caller already verified. */
export interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly caller: Caller;
  readonly contentType?: string | undefined;
  readonly acceptLanguage?: string | undefined;
  readonly idempotencyKey?: string | undefined;
  /** Time left to answer (a Lambda's remaining time); the local default otherwise. */
  readonly remainingTimeMs?: number | undefined;
  /** The body as it came: bytes, read by its content type (a CSV may be Windows-1251, an XLSX is binary). */
  readonly body: Uint8Array;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * What can be answered from the method, path and caller alone, before a body is read: no such route (404), or
 * a private route without a token (401). Null when the request may go on. The local server asks this before it
 * reads a byte of the body, so an anonymous or misdirected request costs nothing.
 */
export function refusalBeforeBodyIn(
  routes: readonly ApiRoute[],
  method: string,
  path: string,
  caller: Caller,
  acceptLanguage: string | undefined,
): ApiAnswer | null {
  const language = negotiateLanguage(acceptLanguage);
  if (method === 'GET' && path === '/openapi.json') return null;
  const matched = matchRouteIn(routes, method, path);
  if (matched === null) return requestError(404, 'ROUTE_NOT_FOUND', language);
  if (caller.role === 'public' && !matched.route.public)
    return errorResponse(new UnauthorizedError(), language);
  const { electionId } = matched.params;
  if (electionId !== undefined && !actsInElection(caller, electionId)) {
    return errorResponse(new ForbiddenError(), language);
  }
  return null;
}

/**
 * What a POST's body makes of its operation's JSON body: a JSON document as it is; for a bulk route, rows of an
 * uploaded file (CSV, XLSX, JSON lines) in its rows field, beside what the route takes from the query string,
 * with each row's line in the file. A bulk job reads its file through the same function.
 */
export async function operationBody(
  route: ApiRoute,
  contentType: string | undefined,
  bytes: Uint8Array,
  query: URLSearchParams,
): Promise<{ body: unknown; rowLines?: readonly number[] }> {
  const { bulk } = route;
  const read = await readBody(contentType, bytes, { rows: bulk?.read ?? false });
  if (read.kind === 'json') return { body: read.value };
  if (bulk === undefined) throw new UnsupportedMediaTypeError(contentType);
  const { rowsField, row = (cells: unknown) => cells, fromQuery } = bulk;
  return {
    body: { ...fromQuery?.(query), [rowsField]: read.rows.map((r) => row(r.value)) },
    rowLines: read.rows.map((r) => r.line),
  };
}

/**
 * The API over `routes` (all of them locally, one in an operation's function): finds the operation, checks
 * that a caller is known where needed, reads the body by its media type, runs the operation (idempotently for
 * POSTs with a key), and answers, errors in the caller's language. Nothing internal ever reaches the answer.
 * `openApi`, where given, is answered at GET /openapi.json.
 */
export function createRouteDispatch(
  routes: readonly ApiRoute[],
  deps: Dependencies,
  idempotency: DynamoDBPersistenceLayer,
  options: { readonly openApi?: unknown } = {},
) {
  const operations = new Map(
    routes.map((route) => [
      route.operationId,
      idempotentOperation(route.operationId, route.createHandler(deps), idempotency),
    ]),
  );

  return async (call: ApiCall): Promise<ApiAnswer> => {
    const language = negotiateLanguage(call.acceptLanguage);
    try {
      if (call.method === 'GET' && call.path === '/openapi.json' && options.openApi !== undefined) {
        return { status: 200, body: options.openApi };
      }
      // A function that serves one operation (one Lambda per operation on AWS) knows no other route.
      const matched = matchRouteIn(routes, call.method, call.path);
      if (matched === null) return requestError(404, 'ROUTE_NOT_FOUND', language);
      const refused = refusalBeforeBodyIn(routes, call.method, call.path, call.caller, call.acceptLanguage);
      if (refused !== null) return refused;
      const { route, params } = matched;
      const { body, rowLines } =
        route.method === 'POST'
          ? await operationBody(route, call.contentType, call.body, call.query)
          : { body: {} };
      const operation = operations.get(route.operationId);
      if (operation === undefined) throw new Error(`no operation ${route.operationId}`);
      const key = route.method === 'POST' ? call.idempotencyKey : undefined;
      const query = Object.fromEntries(
        Object.keys(route.query ?? {}).flatMap((name) => {
          const value = call.query.get(name);
          return value === null ? [] : [[name, value]];
        }),
      );
      const request = {
        caller: call.caller,
        params,
        query,
        body,
        ...(rowLines === undefined ? {} : { rowLines }),
        // A bulk body too large to work through in the request is kept as it came, for its job to read.
        ...(route.bulk === undefined
          ? {}
          : { file: { bytes: call.body, contentType: call.contentType ?? 'application/json' } }),
      };
      const result = await operation(request, key, call.remainingTimeMs).catch((error: unknown) => {
        throw route.bulk === undefined || rowLines === undefined
          ? error
          : withRowLines(error, route.bulk.rowsField, rowLines);
      });
      // Bulk work too large for the request was accepted as a job: 202, and where to poll it.
      const status = route.bulk !== undefined && isJobAnswer(result) ? 202 : route.successStatus;
      return withinResponseLimit({ status, body: result }, language);
    } catch (error) {
      const response = errorResponse(error, language);
      // Only real faults are logged, by operation and error name: paths and messages are the caller's text.
      if (response.status === 500) {
        deps.logger.error('request failed', {
          operation: matchRouteIn(routes, call.method, call.path)?.route.operationId ?? 'none',
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
      return response;
    }
  };
}
