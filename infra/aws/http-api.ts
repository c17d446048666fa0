import { Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { apiRoutes } from '../../functions/api-routes.ts';

export interface HttpApiProps {
  /** `akim-nominations-<stage>`: names the API. */
  readonly prefix: string;
  /** The product's functions by name: one per operation of the route table, and `OpenApiDocument`. */
  readonly lambdas: Readonly<Record<string, IFunction>>;
  readonly userPool: UserPool;
  /** The clients whose ID tokens the API takes: scripts' (SRP) and the desk's (hosted sign-in). */
  readonly clients: readonly UserPoolClient[];
}

/**
 * The HTTP API: every route of the route table (functions/api-routes.ts) to its function, behind the Cognito
 * authorizer unless the route is public, with an access log and throttling. Made in the stack's own scope:
 * its logical ids are those of stacks already deployed.
 */
export function addHttpApi(stack: Stack, props: HttpApiProps): HttpApi {
  const { prefix, lambdas } = props;
  const accessLogs = new LogGroup(stack, 'ApiAccessLogs', {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const api = new HttpApi(stack, 'Api', {
    apiName: `${prefix}-api`,
    createDefaultStage: false,
    // The desk calls from its CloudFront origin. Any origin: the one credential is a bearer token a page must
    // add itself (no cookies), and naming the desk's origin here would make the stack a cycle (the desk's CSP
    // names the API).
    corsPreflight: {
      allowOrigins: ['*'],
      allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
      allowHeaders: ['authorization', 'content-type', 'accept-language', 'idempotency-key'],
      exposeHeaders: ['retry-after'],
      maxAge: Duration.days(1),
    },
  });
  api.addStage('Stage', {
    stageName: '$default',
    autoDeploy: true,
    accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    throttle: { rateLimit: 200, burstLimit: 400 },
  });
  const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
    userPoolClients: [...props.clients],
  });
  const route = (operationId: string, path: string, method: HttpMethod, isPublic: boolean) => {
    const fn = lambdas[operationId];
    if (fn === undefined) throw new Error(`no function for ${operationId}`);
    api.addRoutes({
      path,
      methods: [method],
      integration: new HttpLambdaIntegration(`${operationId}Integration`, fn),
      ...(isPublic ? {} : { authorizer }),
    });
  };
  for (const r of apiRoutes)
    route(r.operationId, r.path, r.method === 'GET' ? HttpMethod.GET : HttpMethod.POST, r.public);
  route('OpenApiDocument', '/openapi.json', HttpMethod.GET, true);
  Validations.of(api).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason:
      'Public reads (getElection, listCandidates, the OpenAPI document) need no token by design; every other route has the Cognito authorizer',
  });
  return api;
}
