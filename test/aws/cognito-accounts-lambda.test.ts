import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiGatewayEvent, lambdaAnswer } from '../support/api-gateway-events.ts';
import { useLambdaEnvironment } from '../support/lambda-environment.ts';
import { createTestTable } from '../support/test-table.ts';

// The account operations on AWS, end to end through the API's Lambda entry (as API Gateway calls it, the JWT
// authorizer's claims given): the Cognito directory behind them, Cognito itself mocked, the records in dynalite.
const cognito = mockClient(CognitoIdentityProviderClient);
const SUB = '0f0e0d0c-0b0a-4908-8706-050403020100';
const adminClaims = {
  sub: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  'cognito:groups': '[commission admin]',
  'custom:district': '1952',
};

beforeAll(async () => {
  await useLambdaEnvironment(await createTestTable());
  process.env.USER_POOL_ID = 'eu-central-1_Pool';
});

beforeEach(() => {
  cognito.reset();
});

const post = (path: string, body: unknown, key: string) =>
  lambdaAnswer(
    apiGatewayEvent('POST', path, { claims: adminClaims, body, headers: { 'idempotency-key': key } }),
  );

describe('accounts on AWS, through the API’s Lambda', () => {
  it('lets a commission administrator create an akimat account, list it, and disable it', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .resolves({ User: { Username: 'akimat.aktobe', Attributes: [{ Name: 'sub', Value: SUB }] } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const created = await post(
      '/accounts',
      {
        role: 'akimat',
        scope: '1952',
        name: 'Ақтоғай ауылдық округінің әкімдігі',
        username: 'akimat.aktobe',
      },
      'create-akimat-1',
    );
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ accountId: SUB, role: 'akimat', managedBy: '1952' });
    expect(created.body.initialPassword).toEqual(expect.any(String));
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.UserPoolId).toBe(
      'eu-central-1_Pool',
    );

    const listed = await lambdaAnswer(apiGatewayEvent('GET', '/accounts', { claims: adminClaims }));
    expect(listed.status).toBe(200);
    expect(listed.body.accounts.map((a: { accountId: string }) => a.accountId)).toEqual([SUB]);

    cognito.on(AdminGetUserCommand).resolves({
      Enabled: true,
      UserAttributes: [
        { Name: 'sub', Value: SUB },
        { Name: 'custom:managed_by', Value: '1952' },
      ],
    });
    cognito.on(AdminDisableUserCommand).resolves({});
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    const disabled = await post(`/accounts/${SUB}/disablement`, {}, 'disable-akimat-1');
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ accountId: SUB, disabled: true, disabledBy: adminClaims.sub });
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
  });

  it('answers 429, changing nothing, when Cognito goes on throttling', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new TooManyRequestsException({ message: 'slow', $metadata: {} }));
    const refused = await post(
      '/accounts',
      { role: 'party', scope: 'amanat', name: 'Amanat secretary', username: 'amanat.1952' },
      'create-party-1',
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('ACCOUNT_DIRECTORY_BUSY');
    const listed = await lambdaAnswer(apiGatewayEvent('GET', '/accounts', { claims: adminClaims }));
    expect(listed.body.accounts.map((a: { username: string }) => a.username)).not.toContain('amanat.1952');
  });
});
