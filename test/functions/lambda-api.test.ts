import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handler } from '../../functions/api.ts';
import { newElectionInput } from '../support/elections.ts';
import { lambdaContext, useLambdaEnvironment } from '../support/lambda-environment.ts';
import { createTestTable } from '../support/test-table.ts';

// An HTTP API (payload 2.0) event as API Gateway sends it, with the JWT authorizer's claims where given.
function event(
  method: string,
  path: string,
  options: { claims?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' },
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
  } as unknown as APIGatewayProxyEventV2;
}

const context = lambdaContext;
const ResultSchema = z.object({ statusCode: z.int(), body: z.string() });
// Cognito's groups claim, as the HTTP API authorizer flattens it.
const commissionClaims = { sub: 'tec-user', 'cognito:groups': '[commission]', 'custom:district': '1952' };

beforeAll(async () => {
  const table = await createTestTable();
  await useLambdaEnvironment(table);
});

async function call(e: APIGatewayProxyEventV2) {
  const result = ResultSchema.parse(await handler(e, context));
  return { status: result.statusCode, body: JSON.parse(result.body) };
}

describe('the API as Lambda runs it behind API Gateway', () => {
  it('reads the caller from the authorizer’s Cognito claims and answers like the local server', async () => {
    // A valid call would go on to start the calendar on Step Functions, which cannot exist here: the bad one stops before.
    const invalid = await call(
      event('POST', '/elections', {
        claims: commissionClaims,
        body: { unit: {} },
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['unit.kato', 'electionDay']),
    );
  });

  it('refuses a private route without claims, and claims from a foreign district', async () => {
    expect((await call(event('GET', '/elections/195230100-2026-03-15/cases'))).status).toBe(401);
    const foreign = await call(
      event('POST', '/elections', {
        claims: { ...commissionClaims, 'custom:district': '2710' },
        body: { ...newElectionInput(), electionDay: '2027-03-14', calledOn: '2027-02-02' },
      }),
    );
    expect(foreign.status).toBe(403);
  });

  it('refuses claims that name no role of the product', async () => {
    const unknown = await call(
      event('GET', '/elections/195230100-2026-03-15/cases', {
        claims: { sub: 'x', 'cognito:groups': '[admins]' },
      }),
    );
    expect(unknown.status).toBe(401);
  });

  it('serves public reads to anyone, and the OpenAPI document', async () => {
    expect((await call(event('GET', '/elections/195230100-2027-03-14'))).status).toBe(404);
    expect((await call(event('GET', '/openapi.json'))).body.openapi).toBe('3.1.0');
  });
});
