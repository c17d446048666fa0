import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { matchRoute } from '../../functions/api-routes.ts';
import { apiFunctions } from '../../infra/aws/function-catalogue.ts';
import { lambdaContext } from './lambda-environment.ts';

/**
 * An HTTP API (payload 2.0) event as API Gateway sends it, with the JWT authorizer's claims where given. A
 * body of bytes comes base64-encoded, as API Gateway passes a binary media type; anything else as JSON text.
 */
export function apiGatewayEvent(
  method: string,
  path: string,
  options: { claims?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
) {
  const binary = options.body instanceof Uint8Array;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    body:
      options.body instanceof Uint8Array
        ? Buffer.from(options.body).toString('base64')
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
    isBase64Encoded: binary,
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' },
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
  } as unknown as APIGatewayProxyEventV2;
}

/** Cognito's claims of a district commission, as the HTTP API authorizer flattens them. */
export const commissionClaims = {
  sub: 'tec-user',
  'cognito:groups': '[commission]',
  'custom:district': '1952',
};

const ResultSchema = z.object({
  statusCode: z.int(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string(),
});

/**
 * The function API Gateway hands the event to, as the stack deploys it (the function catalogue): the route's own
 * (functions/api/<operation>.ts, with only its operation's AWS adapters), or the OpenAPI document's for anything else.
 */
async function deployedFunctionFor(event: APIGatewayProxyEventV2) {
  const matched = matchRoute(event.requestContext.http.method, event.rawPath);
  const file =
    apiFunctions.find((spec) => spec.name === matched?.route.operationId)?.file ?? 'api/openapi-document';
  const module = (await import(
    /* @vite-ignore */ new URL(`../../functions/${file}.ts`, import.meta.url).href
  )) as { handler: (event: APIGatewayProxyEventV2, context: unknown) => Promise<unknown> };
  return module.handler;
}

/** What the API's Lambda answers an event with: its status and its body, parsed. */
export async function lambdaAnswer(event: APIGatewayProxyEventV2) {
  const handler = await deployedFunctionFor(event);
  const result = ResultSchema.parse(await handler(event, lambdaContext));
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body) };
}
