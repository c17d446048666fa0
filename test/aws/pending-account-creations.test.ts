import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  InternalErrorException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { InternalServerError } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CognitoAccountDirectory } from '../../shared/aws/cognito-account-directory.ts';
import { PendingAccountCreations } from '../../shared/aws/pending-account-creations.ts';
import type { AccountCreation } from '../../shared/ports/account-directory.ts';
import { createDocumentClient, type Table } from '../../shared/storage/document-client.ts';
import { keys } from '../../shared/storage/keys.ts';
import { createTestTable } from '../support/test-table.ts';

// Cognito mocked to its API reference (names, errors); the marks and records in a real (dynalite) table.
const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-central-1_Pool';
const SUB = '0f0e0d0c-0b0a-4908-8706-050403020100';

const candidate: AccountCreation = {
  username: 'aigerim.candidate',
  name: 'Әйгерім Сапарова',
  role: 'candidate',
  scope: { iin: '900101300012' },
  admin: false,
  managedBy: '1952',
  createdBy: 'acct-000000000000000000000001',
  createdAt: '2026-02-01T09:00:00.000Z',
};
/** Later than any creation runs (Lambda's 15 minutes). */
const later = '2026-02-01T09:20:00.000Z';

/** The same table, but a write of an account's record fails as DynamoDB fails (a 500 after the SDK's retries). */
function recordsFailing(table: Table): Table {
  const db = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  db.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Item?: { sk?: unknown } };
      if (String(input.Item?.sk ?? '').startsWith('DISTRICT#')) {
        throw new InternalServerError({ message: 'Internal server error', $metadata: {} });
      }
      return next(args);
    },
    { step: 'initialize' },
  );
  return { db, name: table.name };
}

const client = () => new CognitoIdentityProviderClient({ maxAttempts: 1 });

function userMade(createdAt: string) {
  cognito.on(AdminCreateUserCommand).resolves({
    User: { Username: candidate.username, Attributes: [{ Name: 'sub', Value: SUB }] },
  });
  cognito.on(AdminAddUserToGroupCommand).resolves({});
  cognito.on(AdminGetUserCommand).resolves({
    Username: candidate.username,
    Enabled: true,
    UserCreateDate: new Date(createdAt),
    UserAttributes: [
      { Name: 'sub', Value: SUB },
      { Name: 'custom:managed_by', Value: '1952' },
    ],
  });
}

/** The marks of creations begun and not settled. */
async function marks(table: Table): Promise<unknown[]> {
  const { Items } = await table.db.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.pendingAccountCreations.pk,
        ':prefix': keys.pendingAccountCreations.skPrefix,
      },
    }),
  );
  return Items ?? [];
}

beforeEach(() => {
  cognito.reset();
});

describe('an account creation that leaves half an account (Cognito’s user without its record)', () => {
  it('is found by the next creation, which deletes the user nobody could see or disable', async () => {
    const table = await createTestTable();
    userMade(candidate.createdAt);
    // The record cannot be written, and removing the user fails too.
    cognito
      .on(AdminDeleteUserCommand)
      .rejectsOnce(new InternalErrorException({ message: 'x', $metadata: {} }));
    await expect(
      new CognitoAccountDirectory(client(), POOL, recordsFailing(table)).create(candidate),
    ).rejects.toThrow(InternalServerError);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(1);
    expect(await marks(table)).toHaveLength(1);

    // The administrator tries again after a while: the half-made user goes first, then the account is made.
    cognito.on(AdminDeleteUserCommand).resolves({});
    const again = await new CognitoAccountDirectory(client(), POOL, table).create({
      ...candidate,
      createdAt: later,
    });
    expect(again.account.username).toBe(candidate.username);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(2);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[1]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: candidate.username,
    });
    expect(await marks(table)).toEqual([]);
  });

  it('still deletes the half-made user when the administrator retried the same name before the creation was over', async () => {
    const table = await createTestTable();
    userMade(candidate.createdAt);
    cognito
      .on(AdminDeleteUserCommand)
      .rejectsOnce(new InternalErrorException({ message: 'x', $metadata: {} }));
    await expect(
      new CognitoAccountDirectory(client(), POOL, recordsFailing(table)).create(candidate),
    ).rejects.toThrow(InternalServerError);
    // Five minutes later the retry finds the name taken by the user the first creation left.
    cognito
      .on(AdminCreateUserCommand)
      .rejectsOnce(new UsernameExistsException({ message: 'User account already exists', $metadata: {} }));
    await expect(
      new CognitoAccountDirectory(client(), POOL, table).create({
        ...candidate,
        createdAt: '2026-02-01T09:05:00.000Z',
      }),
    ).rejects.toThrow();
    // Once both are over, the next creation deletes that user (made by the first, not before it).
    cognito.on(AdminDeleteUserCommand).resolves({});
    const pending = new PendingAccountCreations(client(), POOL, table);
    expect(await pending.recover('2026-02-01T09:21:00.000Z')).toEqual([candidate.username]);
    expect(await marks(table)).toEqual([]);
  });

  it('leaves no mark when the creation succeeds', async () => {
    const table = await createTestTable();
    userMade(candidate.createdAt);
    await new CognitoAccountDirectory(client(), POOL, table).create(candidate);
    expect(await marks(table)).toEqual([]);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
  });

  it('never deletes a user made before the creation began: the name was someone else’s', async () => {
    const table = await createTestTable();
    const pending = new PendingAccountCreations(client(), POOL, table);
    await pending.begin(candidate.username, candidate.createdAt);
    userMade('2025-12-01T08:00:00.000Z');
    expect(await pending.recover(later)).toEqual([]);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
    expect(await marks(table)).toEqual([]);
  });

  it('never deletes a user whose record is stored: the creation finished, only its mark was left', async () => {
    const table = await createTestTable();
    userMade(candidate.createdAt);
    await new CognitoAccountDirectory(client(), POOL, table).create(candidate);
    const pending = new PendingAccountCreations(client(), POOL, table);
    await pending.begin(candidate.username, candidate.createdAt);
    expect(await pending.recover(later)).toEqual([]);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
  });

  it('leaves a creation still running alone (begun less than 15 minutes ago)', async () => {
    const table = await createTestTable();
    const pending = new PendingAccountCreations(client(), POOL, table);
    await pending.begin(candidate.username, candidate.createdAt);
    userMade(candidate.createdAt);
    expect(await pending.recover('2026-02-01T09:10:00.000Z')).toEqual([]);
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(0);
    expect(await marks(table)).toHaveLength(1);
  });

  it('keeps the mark while Cognito fails, settles it once Cognito answers, and forgets a user already gone', async () => {
    const table = await createTestTable();
    const pending = new PendingAccountCreations(client(), POOL, table);
    await pending.begin(candidate.username, candidate.createdAt);
    cognito.on(AdminGetUserCommand).rejectsOnce(new InternalErrorException({ message: 'x', $metadata: {} }));
    expect(await pending.recover(later)).toEqual([]);
    expect(await marks(table)).toHaveLength(1);
    cognito.on(AdminGetUserCommand).rejects(new UserNotFoundException({ message: 'x', $metadata: {} }));
    expect(await pending.recover(later)).toEqual([]);
    expect(await marks(table)).toEqual([]);
  });
});
