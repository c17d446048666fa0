import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { callerFromClaims } from '../../shared/auth/claims.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { negotiateLanguage } from '../../shared/domain/language.ts';
import { errorResponse } from '../../shared/http/error-response.ts';
import { API_RESPONSE_HEADERS } from '../../shared/http/response-headers.ts';
import { createDynamoClient } from '../../shared/storage/document-client.ts';
import type { ApiRoute } from './api-route.ts';
import type { AwsAdapters, AwsPortName } from './aws-adapters/aws-adapter.ts';
import { unwired } from './aws-adapters/unwired.ts';
import type { Dependencies } from './dependencies.ts';
import { idempotencyStore } from './idempotency.ts';
import { lambdaDependencies, lambdaLogger } from './lambda-task.ts';
import { createRouteDispatch } from './route-dispatch.ts';

/** The part of an HTTP API (payload 2.0) event the API reads; the JWT authorizer's claims when a route has one. */
const ApiEventSchema = z.object({
  rawPath: z.string(),
  rawQueryString: z.string().optional(),
  headers: z.record(z.string(), z.string().optional()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
  requestContext: z.looseObject({
    http: z.looseObject({ method: z.string() }),
    authorizer: z
      .looseObject({ jwt: z.looseObject({ claims: z.record(z.string(), z.unknown()) }) })
      .optional(),
  }),
});

function callerOf(event: z.infer<typeof ApiEventSchema>): Caller {
  const claims = event.requestContext.authorizer?.jwt.claims;
  return claims === undefined ? { role: 'public' } : callerFromClaims(claims);
}

/** The AWS adapters an API function is handed: those of the ports its operation uses (the catalogue's needs). */
export type ApiAdapters = Partial<AwsAdapters<keyof Dependencies>>;

const awsPorts: readonly AwsPortName[] = ['objects', 'workflows', 'wakeUps', 'accounts'];

function apiDependencies(adapters: ApiAdapters, env: NodeJS.ProcessEnv): Dependencies {
  const given = lambdaDependencies(adapters as AwsAdapters<keyof Dependencies>, env);
  const missing = Object.fromEntries(
    awsPorts.filter((port) => adapters[port] === undefined).map((port) => [port, unwired(port)]),
  );
  return { ...given, ...missing };
}

/**
 * The Lambda behind API Gateway: turns the event into the same ApiCall the local server builds, so both run
 * one dispatch (routes, handlers, idempotency, errors). The authorizer has already verified the token.
 */
export function createApiLambda(
  options: { readonly serves: ApiServing; readonly adapters: ApiAdapters },
  env: NodeJS.ProcessEnv = process.env,
) {
  let dispatch: ReturnType<typeof createRouteDispatch> | undefined;
  return async (
    input: APIGatewayProxyEventV2,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<APIGatewayProxyResultV2> => {
    const deps = apiDependencies(options.adapters, env);
    dispatch ??= createRouteDispatch(
      options.serves.routes,
      deps,
      idempotencyStore(
        createDynamoClient(env.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: env.DYNAMODB_ENDPOINT }),
        z.string().parse(env.TABLE_NAME),
      ),
      options.serves.openApi === undefined ? {} : { openApi: options.serves.openApi() },
    );
    const event = ApiEventSchema.parse(input);
    const headers = event.headers ?? {};
    const text = event.body ?? '';
    // API Gateway passes a body of a binary media type (an XLSX) in base64, one of a text type as its text.
    const body = Buffer.from(text, event.isBase64Encoded ? 'base64' : 'utf8');
    let caller: Caller;
    try {
      caller = callerOf(event);
      refuseLostEncoding(event.isBase64Encoded === true, headers['content-type'], text);
    } catch (error) {
      const refused = errorResponse(error, negotiateLanguage(headers['accept-language']));
      return result(refused.status, refused.body);
    }
    const answer = await dispatch({
      method: event.requestContext.http.method,
      path: event.rawPath,
      query: new URLSearchParams(event.rawQueryString ?? ''),
      caller,
      contentType: headers['content-type'],
      acceptLanguage: headers['accept-language'],
      idempotencyKey: headers['idempotency-key'],
      remainingTimeMs: context?.getRemainingTimeInMillis(),
      body,
    });
    return result(answer.status, answer.body);
  };
}

/**
 * API Gateway hands a body of a text type to Lambda as text (not verified on a deployment): the letters of a
 * Windows-1251 CSV would arrive as U+FFFD, and names and addresses be stored wrong. Refused, so the commission
 * sends XLSX or UTF-8 CSV.
 */
function refuseLostEncoding(base64: boolean, contentType: string | undefined, text: string): void {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (!base64 && type === 'text/csv' && text.includes('\uFFFD')) {
    throw new ValidationError([{ field: '(body)', code: 'CSV_ENCODING_LOST' }]);
  }
}

function result(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { ...API_RESPONSE_HEADERS },
    body: JSON.stringify(body),
  };
}

/**
 * What an API function answers: its routes (one operation's), and the OpenAPI document where it serves that.
 * A function imports only the route modules it serves, so it bundles their handlers and nothing of the others.
 */
export interface ApiServing {
  readonly routes: readonly ApiRoute[];
  readonly openApi?: () => unknown;
}

/**
 * A Lambda entry point with middy and the Powertools logger: `serves` says what it answers, and `adapters` are
 * the AWS adapters its operations use (`awsPorts` tells a test which).
 */
export function apiLambdaHandler(serves: ApiServing, adapters: ApiAdapters) {
  const entry = middy(createApiLambda({ serves, adapters })).use(
    injectLambdaContext(lambdaLogger, { resetKeys: true }),
  );
  return Object.assign(entry, { awsPorts: Object.keys(adapters) as AwsPortName[] });
}
