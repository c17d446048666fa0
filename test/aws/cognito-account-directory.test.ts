import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  InvalidParameterException,
  LimitExceededException,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { isThrottlingError } from '@smithy/core/retry';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  COGNITO_LIMITS,
  CognitoAccountDirectory,
  temporaryPassword,
} from '../../shared/aws/cognito-account-directory.ts';
import { UsernameTakenError } from '../../shared/domain/account.ts';
import {
  AccountDirectoryBusyError,
  AccountLimitReachedError,
} from '../../shared/domain/account-directory-errors.ts';
import { NotFoundError, ValidationError } from '../../shared/domain/errors.ts';
import { errorResponse } from '../../shared/http/error-response.ts';
import type { AccountCreation } from '../../shared/ports/account-directory.ts';
import { createTestTable } from '../support/test-table.ts';

// Cognito cannot exist here: these tests pin the requests the directory sends and how it reads Cognito's
// answers and errors (names as in its API reference); the account records live in a real (dynalite) table.
const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-central-1_Pool';
const SUB = '0f0e0d0c-0b0a-4908-8706-050403020100';
const meta = { $metadata: {} };

const akimat: AccountCreation = {
  username: 'akimat.aktobe',
  name: 'Ақтөбе ауданының әкімдігі',
  role: 'akimat',
  scope: { district: '1952' },
  admin: false,
  managedBy: '1952',
  createdBy: 'acct-000000000000000000000001',
  createdAt: '2026-02-01T09:00:00.000Z',
};

async function directory() {
  // One attempt: the SDK's own retries are the SDK's; what reaches the directory is what they left.
  return new CognitoAccountDirectory(
    new CognitoIdentityProviderClient({ maxAttempts: 1 }),
    POOL,
    await createTestTable(),
  );
}

function userCreated() {
  cognito
    .on(AdminCreateUserCommand)
    .resolves({ User: { Username: akimat.username, Attributes: [{ Name: 'sub', Value: SUB }] } });
  cognito.on(AdminAddUserToGroupCommand).resolves({});
}

function userFound(enabled = true) {
  cognito.on(AdminGetUserCommand).resolves({
    Username: akimat.username,
    Enabled: enabled,
    UserAttributes: [
      { Name: 'sub', Value: SUB },
      { Name: 'custom:managed_by', Value: '1952' },
    ],
  });
}

beforeEach(() => {
  cognito.reset();
});

describe('creating an account on Cognito', () => {
  it('creates the user with its name, immutable scope and managing district, puts it in its role’s group, and lists it under its district', async () => {
    userCreated();
    const accounts = await directory();
    const { account, initialPassword, passwordMailed } = await accounts.create(akimat);
    expect(passwordMailed).toBe(false);

    const create = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input;
    expect(create).toMatchObject({
      UserPoolId: POOL,
      Username: 'akimat.aktobe',
      TemporaryPassword: initialPassword,
      // No address to mail to: the password is shown to the administrator once.
      MessageAction: 'SUPPRESS',
    });
    expect(create?.UserAttributes).toEqual([
      { Name: 'name', Value: akimat.name },
      { Name: 'custom:district', Value: '1952' },
      { Name: 'custom:managed_by', Value: '1952' },
    ]);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual([
      'akimat',
    ]);
    expect(account).toMatchObject({
      accountId: SUB,
      username: 'akimat.aktobe',
      role: 'akimat',
      disabled: false,
    });
    expect(await accounts.managedBy('1952')).toEqual([account]);
    expect(await accounts.managedBy('1953')).toEqual([]);
  });

  it('mails the invitation when the login name is an e-mail address, and then answers no password, only that', async () => {
    userCreated();
    const created = await (await directory()).create({ ...akimat, username: 'tec@example.kz' });
    expect(created.passwordMailed).toBe(true);
    expect(created).not.toHaveProperty('initialPassword');
    const create = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input;
    expect(create?.DesiredDeliveryMediums).toEqual(['EMAIL']);
    expect(create?.MessageAction).toBeUndefined();
    expect(create?.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'tec@example.kz' },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
  });

  it('makes a commission administrator a member of both its role’s group and admin', async () => {
    userCreated();
    await (await directory()).create({ ...akimat, role: 'commission', admin: true });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual([
      'commission',
      'admin',
    ]);
  });

  it('keeps a candidate’s IIN only in the immutable scope attribute, never in the name or login name', async () => {
    userCreated();
    await (await directory()).create({ ...akimat, role: 'candidate', scope: { iin: '061211600012' } });
    const attributes = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.UserAttributes ?? [];
    expect(attributes.filter((a) => a.Value === '061211600012').map((a) => a.Name)).toEqual(['custom:iin']);
  });

  it('answers a second caller creating the same login name that it is taken (UsernameExistsException)', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'User account already exists', ...meta }));
    await expect((await directory()).create(akimat)).rejects.toThrow(UsernameTakenError);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('removes a user it could not put in a group, so that half an account never signs in or holds the name', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: SUB }] } });
    cognito
      .on(AdminAddUserToGroupCommand)
      .rejects(new InvalidParameterException({ message: 'bad group', ...meta }));
    cognito.on(AdminDeleteUserCommand).resolves({});
    const accounts = await directory();
    await expect(accounts.create(akimat)).rejects.toThrow(InvalidParameterException);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'akimat.aktobe',
    });
    expect(await accounts.managedBy('1952')).toEqual([]);
  });

  it('answers 429 when Cognito still throttles after the client’s retries (TooManyRequestsException)', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new TooManyRequestsException({ message: 'Too many requests', ...meta }));
    const refused = await (await directory()).create(akimat).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AccountDirectoryBusyError);
    expect(errorResponse(refused, 'kk').status).toBe(429);
  });

  it('leaves throttling to the SDK’s retries with backoff first (mocks bypass them: this pins what the SDK retries)', () => {
    const throttling = (name: string) => isThrottlingError({ name, message: 'slow down', $metadata: {} });
    expect(throttling(new TooManyRequestsException({ message: 'slow down', ...meta }).name)).toBe(true);
    expect(throttling(new LimitExceededException({ message: 'slow down', ...meta }).name)).toBe(true);
  });

  it('says the directory is full when Cognito refuses more users (LimitExceededException)', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new LimitExceededException({ message: 'limit', ...meta }));
    await expect((await directory()).create(akimat)).rejects.toThrow(AccountLimitReachedError);
  });

  it('refuses, naming the field, what Cognito would refuse: a login name over 128 characters, a name over 2048', async () => {
    const accounts = await directory();
    const refused = await accounts
      .create({ ...akimat, username: 'a'.repeat(COGNITO_LIMITS.usernameChars + 1), name: 'Ә'.repeat(2049) })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((i) => i.field)).toEqual(['username', 'name']);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
  });

  it('makes temporary passwords the pool’s policy takes: 20 characters, every class, never the same twice', () => {
    const passwords = Array.from({ length: 200 }, temporaryPassword);
    for (const password of passwords) {
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^a-zA-Z0-9]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe('finding and disabling an account on Cognito', () => {
  it('disables the user, ends its sessions, and records who disabled it when; a second disabling keeps the first', async () => {
    userCreated();
    const accounts = await directory();
    await accounts.create(akimat);
    userFound();
    cognito.on(AdminDisableUserCommand).resolves({});
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});

    const disabled = await accounts.disable(SUB, 'acct-000000000000000000000002', '2026-02-02T10:00:00.000Z');
    expect(disabled).toMatchObject({ disabled: true, disabledBy: 'acct-000000000000000000000002' });
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: SUB,
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);

    const again = await accounts.disable(SUB, 'acct-000000000000000000000003', '2026-02-03T10:00:00.000Z');
    expect(again).toMatchObject({
      disabledBy: 'acct-000000000000000000000002',
      disabledAt: '2026-02-02T10:00:00.000Z',
    });
    expect((await accounts.managedBy('1952'))[0]?.disabled).toBe(true);
  });

  it('reads an account disabled in Cognito’s console as disabled', async () => {
    userCreated();
    const accounts = await directory();
    await accounts.create(akimat);
    userFound(false);
    expect(await accounts.find(SUB)).toMatchObject({ disabled: true });
  });

  it('finds nothing for an unknown user (UserNotFoundException) or an id that is no Cognito sub', async () => {
    cognito
      .on(AdminGetUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', ...meta }));
    const accounts = await directory();
    expect(await accounts.find(SUB)).toBeNull();
    expect(await accounts.find('acct-000000000000000000000001')).toBeNull();
    await expect(accounts.disable(SUB, 'x', '2026-02-02T10:00:00.000Z')).rejects.toThrow(NotFoundError);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(0);
  });
});
