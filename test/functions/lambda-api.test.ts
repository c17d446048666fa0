import { beforeAll, describe, expect, it } from 'vitest';
import { localize } from '../../shared/domain/error-catalogue.ts';
import {
  lambdaAnswer as call,
  commissionClaims,
  apiGatewayEvent as event,
} from '../support/api-gateway-events.ts';
import { XLSX } from '../support/bulk-files.ts';
import { newElectionInput } from '../support/elections.ts';
import { lambdaContext, useLambdaEnvironment } from '../support/lambda-environment.ts';
import { createTestTable } from '../support/test-table.ts';

beforeAll(async () => {
  const table = await createTestTable();
  await useLambdaEnvironment(table);
});

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

  it('answers as never to be kept by a browser or proxy, nor read as anything but JSON: answers hold IINs', async () => {
    const answer = await call(
      event('GET', '/elections/195230100-2026-03-15/cases', { claims: commissionClaims }),
    );
    expect(answer.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  it('refuses claims that name no role of the product', async () => {
    const unknown = await call(
      event('GET', '/elections/195230100-2026-03-15/cases', {
        claims: { sub: 'x', 'cognito:groups': '[admins]' },
      }),
    );
    expect(unknown.status).toBe(401);
  });

  it('reads a base64 body as bytes: JSON that is not UTF-8 and a file that is no XLSX are refused as locally', async () => {
    const register = '/elections/195230100-2026-03-15/voter-register';
    const notUtf8 = await call(
      event('POST', register, { claims: commissionClaims, body: Buffer.from('{"source":"\xc0"}', 'latin1') }),
    );
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error.issues).toEqual([
      { field: '(body)', code: 'INVALID_ENCODING', message: localize('INVALID_ENCODING').kk },
    ]);
    const noXlsx = await call(
      event('POST', register, {
        claims: commissionClaims,
        body: Buffer.from('not a spreadsheet'),
        headers: { 'content-type': XLSX },
      }),
    );
    expect(noXlsx.status).toBe(400);
    expect(noXlsx.body.error.issues).toMatchObject([{ field: '(body)', code: 'INVALID_FORMAT' }]);
  });

  it('refuses a CSV whose Windows-1251 letters API Gateway turned into U+FFFD, saying how to send it', async () => {
    // What the gateway hands over for `Иванов;…` sent in Windows-1251 as text/csv: the text decoded as UTF-8.
    const mangled = new TextDecoder('utf-8').decode(
      Buffer.from('iin;fullName\n870412300415;\xc8\xe2\xe0\xed\n', 'latin1'),
    );
    const lost = await call({
      ...event('POST', '/elections/195230100-2026-03-15/voter-register', {
        claims: commissionClaims,
        headers: { 'content-type': 'text/csv', 'accept-language': 'ru' },
      }),
      body: mangled,
      isBase64Encoded: false,
    });
    expect(lost.status).toBe(400);
    expect(lost.body.error.issues).toEqual([
      { field: '(body)', code: 'CSV_ENCODING_LOST', message: localize('CSV_ENCODING_LOST').ru },
    ]);
  });

  it('serves public reads to anyone, and the OpenAPI document', async () => {
    expect((await call(event('GET', '/elections/195230100-2027-03-14'))).status).toBe(404);
    expect((await call(event('GET', '/openapi.json'))).body.openapi).toBe('3.1.0');
  });

  // Each function bundles its own route alone: a path of another operation, sent to it by mistake, is no route.
  it('answers in an operation’s function only that operation, and in the document’s function only the document', async () => {
    const answerOf = async (file: string, method: string, path: string) => {
      const { handler } = await import(
        /* @vite-ignore */ new URL(`../../functions/${file}.ts`, import.meta.url).href
      );
      const result = await handler(event(method, path), lambdaContext);
      return { status: result.statusCode, body: JSON.parse(result.body) };
    };
    expect((await answerOf('api/get-time', 'GET', '/time')).status).toBe(200);
    for (const [file, method, path] of [
      ['api/get-time', 'GET', '/elections/195230100-2027-03-14'],
      ['api/get-time', 'GET', '/openapi.json'],
      ['api/openapi-document', 'GET', '/time'],
    ] as const) {
      const answer = await answerOf(file, method, path);
      expect([answer.status, answer.body.error.code], `${file} ${path}`).toEqual([404, 'ROUTE_NOT_FOUND']);
    }
    expect((await answerOf('api/openapi-document', 'GET', '/openapi.json')).body.openapi).toBe('3.1.0');
  });
});
