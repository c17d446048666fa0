import type { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Caller } from '../../shared/auth/caller.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';
import { negotiateLanguage } from '../../shared/domain/language.ts';
import { errorResponse, requestError } from '../../shared/http/error-response.ts';
import { readBody, UnsupportedMediaTypeError } from '../../shared/http/request-body.ts';
import { apiRoutes, matchRoute } from '../api-routes.ts';
import type { Dependencies } from './dependencies.ts';
import { idempotentOperation } from './idempotency.ts';
import { openApiDocument } from './openapi-document.ts';

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
  readonly bodyText: string;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Whether a route is open to anyone (the OpenAPI document, public reads); unknown routes are not. */
export function isPublicRoute(method: string, path: string): boolean {
  if (method === 'GET' && path === '/openapi.json') return true;
  return matchRoute(method, path)?.route.public ?? false;
}

/**
 * What can be answered from the method, path and caller alone, before a body is read: no such route (404), or
 * a private route without a token (401). Null when the request may go on. The local server asks this before it
 * reads a byte of the body, so an anonymous or misdirected request costs nothing.
 */
export function refusalBeforeBody(
  method: string,
  path: string,
  caller: Caller,
  acceptLanguage: string | undefined,
): ApiAnswer | null {
  const language = negotiateLanguage(acceptLanguage);
  if (method === 'GET' && path === '/openapi.json') return null;
  const matched = matchRoute(method, path);
  if (matched === null) return requestError(404, 'ROUTE_NOT_FOUND', language);
  if (caller.role === 'public' && !matched.route.public)
    return errorResponse(new UnauthorizedError(), language);
  return null;
}

/**
 * The API behind every infrastructure: finds the operation, checks that a caller is known where needed, reads
 * the body by its media type, runs the operation (idempotently for POSTs with a key), and answers, errors in
 * the caller's language. Nothing internal ever reaches the answer.
 */
export function createApiDispatch(
  deps: Dependencies,
  idempotency: DynamoDBPersistenceLayer,
  options: { readonly only?: string } = {},
) {
  const operations = new Map(
    apiRoutes.map((route) => [
      route.operationId,
      idempotentOperation(route.operationId, route.createHandler(deps), idempotency),
    ]),
  );

  const openApi = openApiDocument();

  return async (call: ApiCall): Promise<ApiAnswer> => {
    const language = negotiateLanguage(call.acceptLanguage);
    try {
      if (call.method === 'GET' && call.path === '/openapi.json' && options.only === undefined) {
        return { status: 200, body: openApi };
      }
      const matched = matchRoute(call.method, call.path);
      // A function that serves one operation (one Lambda per operation on AWS) answers no other.
      if (matched === null || (options.only !== undefined && matched.route.operationId !== options.only)) {
        return requestError(404, 'ROUTE_NOT_FOUND', language);
      }
      const refused = refusalBeforeBody(call.method, call.path, call.caller, call.acceptLanguage);
      if (refused !== null) return refused;
      const { route, params } = matched;
      let body: unknown = {};
      if (route.method === 'POST') {
        const read = readBody(call.contentType, call.bodyText);
        if (read.kind === 'rows' && route.fromRows === undefined)
          throw new UnsupportedMediaTypeError(call.contentType);
        body = read.kind === 'json' ? read.value : route.fromRows?.(read.rows, call.query);
      }
      const operation = operations.get(route.operationId);
      if (operation === undefined) throw new Error(`no operation ${route.operationId}`);
      const key = route.method === 'POST' ? call.idempotencyKey : undefined;
      const result = await operation({ caller: call.caller, params, body }, key, call.remainingTimeMs);
      return { status: route.successStatus, body: result };
    } catch (error) {
      const response = errorResponse(error, language);
      // Only real faults are logged, by operation and error name: paths and messages are the caller's text.
      if (response.status === 500) {
        deps.logger.error('request failed', {
          operation: matchRoute(call.method, call.path)?.route.operationId ?? 'none',
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
      return response;
    }
  };
}
