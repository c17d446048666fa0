import type { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Caller } from '../../shared/auth/caller.ts';
import { apiRoutes, matchRoute } from '../api-routes.ts';
import type { Dependencies } from './dependencies.ts';
import { openApiDocument } from './openapi-document.ts';
import { type ApiAnswer, createRouteDispatch, refusalBeforeBodyIn } from './route-dispatch.ts';

export type { ApiAnswer, ApiCall } from './route-dispatch.ts';

/** Whether a route is open to anyone (the OpenAPI document, public reads); unknown routes are not. */
export function isPublicRoute(method: string, path: string): boolean {
  if (method === 'GET' && path === '/openapi.json') return true;
  return matchRoute(method, path)?.route.public ?? false;
}

/** What can be answered among all routes before a body is read (`refusalBeforeBodyIn`). */
export function refusalBeforeBody(
  method: string,
  path: string,
  caller: Caller,
  acceptLanguage: string | undefined,
): ApiAnswer | null {
  return refusalBeforeBodyIn(apiRoutes, method, path, caller, acceptLanguage);
}

/** The whole API, with its OpenAPI document: what the local server serves. */
export function createApiDispatch(deps: Dependencies, idempotency: DynamoDBPersistenceLayer) {
  return createRouteDispatch(apiRoutes, deps, idempotency, { openApi: openApiDocument() });
}
