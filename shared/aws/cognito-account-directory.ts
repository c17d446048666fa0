import { randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  LimitExceededException,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Account, AccountSchema, type CreatedAccount, UsernameTakenError } from '../domain/account.ts';
import { AccountDirectoryBusyError, AccountLimitReachedError } from '../domain/account-directory-errors.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Instant } from '../domain/local-date.ts';
import type { AccountCreation, AccountDirectory } from '../ports/account-directory.ts';
import type { Table } from '../storage/document-client.ts';
import { fromItem, isConditionFailure } from '../storage/item-codec.ts';
import { keys } from '../storage/keys.ts';
import { queryAll } from '../storage/query-all.ts';
import { PendingAccountCreations } from './pending-account-creations.ts';

/** Cognito's own limits on what AdminCreateUser takes (its API reference). */
export const COGNITO_LIMITS = { usernameChars: 128, attributeValueChars: 2048 } as const;

/** The group of a commission's administrators, beside the role's (infra/aws/constructs/identity.ts). */
const ADMIN_GROUP = 'admin';
/** The district an account made by the operator outside any district is kept under. */
const NO_DISTRICT = '-';

/** A simple e-mail shape: a login name that is one gets Cognito's invitation by e-mail. */
const EmailSchema = z.email();

/**
 * The AccountDirectory port on AWS. Cognito keeps what signing in needs (the login name, the password, the
 * groups that are the role, the immutable scope attributes) and whether the account may sign in; the table keeps
 * the account's record under the district that manages it, because Cognito's ListUsers cannot filter by a custom
 * attribute: listing a district is one query of the table, not a walk through every user of the country 60 at a
 * time. `custom:managed_by` (immutable) leads from a user to its record.
 */
export class CognitoAccountDirectory implements AccountDirectory {
  readonly #cognito: CognitoIdentityProviderClient;
  readonly #userPoolId: string;
  readonly #table: Table;
  readonly #pending: PendingAccountCreations;

  constructor(cognito: CognitoIdentityProviderClient, userPoolId: string, table: Table) {
    this.#cognito = cognito;
    this.#userPoolId = userPoolId;
    this.#table = table;
    this.#pending = new PendingAccountCreations(cognito, userPoolId, table);
  }

  async create(creation: AccountCreation): Promise<CreatedAccount> {
    withinCognitoLimits(creation);
    // A user half made by an earlier creation goes first; this one is marked until its record is stored.
    await this.#pending.recover(creation.createdAt);
    await this.#pending.begin(creation.username, creation.createdAt);
    const initialPassword = temporaryPassword();
    const email = EmailSchema.safeParse(creation.username);
    const attributes: AttributeType[] = [
      { Name: 'name', Value: creation.name },
      ...scopeAttributes(creation),
      ...(creation.managedBy === undefined ? [] : [{ Name: 'custom:managed_by', Value: creation.managedBy }]),
      ...(email.success
        ? [
            { Name: 'email', Value: email.data },
            { Name: 'email_verified', Value: 'true' },
          ]
        : []),
    ];
    const created = await this.#call(creation.username, () =>
      this.#cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: this.#userPoolId,
          Username: creation.username,
          UserAttributes: attributes,
          TemporaryPassword: initialPassword,
          // Cognito mails the invitation where it has an address; otherwise the desk shows the password once.
          ...(email.success ? { DesiredDeliveryMediums: ['EMAIL'] } : { MessageAction: 'SUPPRESS' }),
        }),
      ),
    );
    let account: Account;
    try {
      const accountId = z
        .string()
        .parse(created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value);
      account = AccountSchema.parse({
        accountId,
        username: creation.username,
        name: creation.name,
        role: creation.role,
        scope: creation.scope,
        admin: creation.role === 'commission' && creation.admin,
        disabled: false,
        ...(creation.managedBy === undefined ? {} : { managedBy: creation.managedBy }),
        createdBy: creation.createdBy,
        createdAt: creation.createdAt,
      });
      const groups = [creation.role, ...(account.admin ? [ADMIN_GROUP] : [])];
      for (const group of groups) {
        await this.#call(creation.username, () =>
          this.#cognito.send(
            new AdminAddUserToGroupCommand({
              UserPoolId: this.#userPoolId,
              Username: creation.username,
              GroupName: group,
            }),
          ),
        );
      }
      await this.#table.db.send(
        new PutCommand({
          TableName: this.#table.name,
          Item: { ...keys.managedAccount(districtOf(account), accountId), ...account },
        }),
      );
    } catch (error) {
      // Half an account is none: a user without its group or record goes, so the name may be used again.
      await this.#cognito
        .send(new AdminDeleteUserCommand({ UserPoolId: this.#userPoolId, Username: creation.username }))
        .catch(() => undefined);
      throw error;
    }
    await this.#pending.end(creation.username);
    // A mailed password is the invitation's: the answer says so and carries none, as no log or stored answer should.
    return email.success
      ? { account, passwordMailed: true }
      : { account, initialPassword, passwordMailed: false };
  }

  async managedBy(district: string): Promise<Account[]> {
    const { pk, skPrefix } = keys.managedAccounts(district);
    const accounts = await queryAll(this.#table, AccountSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    });
    return accounts.sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.username.localeCompare(b.username),
    );
  }

  async find(accountId: string): Promise<Account | null> {
    if (!z.uuid().safeParse(accountId).success) return null;
    let user: AdminGetUserCommandOutput;
    try {
      // Cognito takes a user's `sub` wherever it takes a login name.
      user = await this.#call(accountId, () =>
        this.#cognito.send(new AdminGetUserCommand({ UserPoolId: this.#userPoolId, Username: accountId })),
      );
    } catch (error) {
      if (error instanceof UserNotFoundException) return null;
      throw error;
    }
    const managedBy = user.UserAttributes?.find((a) => a.Name === 'custom:managed_by')?.Value ?? NO_DISTRICT;
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.managedAccount(managedBy, accountId),
        ConsistentRead: true,
      }),
    );
    if (Item === undefined) return null;
    const account = fromItem(AccountSchema, Item);
    // Cognito decides who may sign in: a user disabled there (by an operator's console) reads as disabled.
    return user.Enabled === false ? { ...account, disabled: true } : account;
  }

  async disable(accountId: string, by: string, at: Instant): Promise<Account> {
    const account = await this.find(accountId);
    if (account === null) throw new NotFoundError('account');
    const user = { UserPoolId: this.#userPoolId, Username: accountId };
    await this.#call(accountId, () => this.#cognito.send(new AdminDisableUserCommand(user)));
    // Its refresh tokens end now; an ID token already issued lasts its hour, as the port says.
    await this.#call(accountId, () => this.#cognito.send(new AdminUserGlobalSignOutCommand(user)));
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.managedAccount(districtOf(account), accountId),
          UpdateExpression: 'SET disabled = :true, disabledBy = :by, disabledAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND disabled = :false',
          ExpressionAttributeValues: { ':true': true, ':false': false, ':by': by, ':at': at },
        }),
      );
    } catch (error) {
      // Disabled before: the first disabling stands, with its author and time.
      if (!isConditionFailure(error)) throw error;
    }
    const disabled = await this.find(accountId);
    if (disabled === null) throw new NotFoundError('account');
    return disabled;
  }

  /**
   * One Cognito request, its errors in the product's terms. The SDK has already retried throttling with
   * backoff (TooManyRequestsException is a throttling error to it); what still fails is a 429 to the caller.
   */
  async #call<T>(username: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof UsernameExistsException) throw new UsernameTakenError(username);
      if (error instanceof TooManyRequestsException) throw new AccountDirectoryBusyError();
      if (error instanceof LimitExceededException) throw new AccountLimitReachedError();
      throw error;
    }
  }
}

/** The district a record is kept under. */
function districtOf(account: Pick<Account, 'managedBy'>): string {
  return account.managedBy ?? NO_DISTRICT;
}

/** The immutable scope attribute of the role (the user pool's custom attributes). */
function scopeAttributes(creation: AccountCreation): AttributeType[] {
  const { scope } = creation;
  if ('district' in scope) return [{ Name: 'custom:district', Value: scope.district }];
  if ('partyId' in scope) return [{ Name: 'custom:party', Value: scope.partyId }];
  return [{ Name: 'custom:iin', Value: scope.iin }];
}

/** Refused here, with the field, rather than by Cognito's InvalidParameterException after nothing was made. */
function withinCognitoLimits(creation: AccountCreation): void {
  const issues = [
    ['username', creation.username, COGNITO_LIMITS.usernameChars],
    ['name', creation.name, COGNITO_LIMITS.attributeValueChars],
  ] as const;
  const tooLong = issues.filter(([, value, limit]) => value.length > limit);
  if (tooLong.length > 0) {
    throw new ValidationError(
      tooLong.map(([field, , limit]) => ({
        field,
        code: 'TOO_BIG',
        details: { origin: 'string', maximum: limit },
      })),
    );
  }
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#$%*+-=?@^_';

/**
 * A temporary password the pool's policy takes (12+ characters, each class), 20 characters from a CSPRNG; the
 * user sets their own at first sign-in.
 */
export function temporaryPassword(): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? '';
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < 20) chars.push(pick(all));
  // Shuffled, so the classes are not always in the first four places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
