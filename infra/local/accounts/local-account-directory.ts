import { randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type Account, AccountSchema, UsernameTakenError } from '../../../shared/domain/account.ts';
import { NotFoundError } from '../../../shared/domain/errors.ts';
import type { Instant } from '../../../shared/domain/local-date.ts';
import type { AccountCreation, AccountDirectory } from '../../../shared/ports/account-directory.ts';
import { createOnce } from '../../../shared/storage/conditional-put.ts';
import type { Table } from '../../../shared/storage/document-client.ts';
import { fromItem, isConditionFailure } from '../../../shared/storage/item-codec.ts';
import { keys } from '../../../shared/storage/keys.ts';
import { queryAll } from '../../../shared/storage/query-all.ts';
import { hashPassword, newPassword, passwordMatches } from './password-hash.ts';

/** An account as stored: the account and the scrypt hash of its password, which never leaves this file. */
const StoredAccountSchema = AccountSchema.extend({ passwordHash: z.string() });

/**
 * A new account's id: 24 random hex digits, drawn again while twelve of them are digits in a row (about one
 * draw in twenty), so that no subject in an audit trail looks like an IIN.
 */
function newAccountId(): string {
  for (;;) {
    const id = `acct-${randomBytes(12).toString('hex')}`;
    if (!/\d{12}/.test(id)) return id;
  }
}

/** What signing in found: the account, or why not (a wrong password and an unknown name look the same). */
export type SignInOutcome =
  | { readonly ok: true; readonly account: Account }
  | { readonly ok: false; readonly reason: 'wrong-credentials' | 'disabled' };

/**
 * The local engine's accounts, in its own table (one partition, `ACCOUNTS`, an item per login name: a few
 * hundred accounts at most on one machine, so reads by id or district read the partition). Passwords are kept
 * as scrypt hashes.
 */
export class LocalAccountDirectory implements AccountDirectory {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** As the port's; the operator's command line may choose the first password (`chosenPassword`). */
  async create(
    creation: AccountCreation,
    chosenPassword?: string,
  ): Promise<{ account: Account; initialPassword: string }> {
    const initialPassword = chosenPassword ?? newPassword();
    const account: Account = AccountSchema.parse({
      accountId: newAccountId(),
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
    const item = { ...account, passwordHash: await hashPassword(initialPassword) };
    // The login name is the key: of two callers creating the same name at once, exactly one wins.
    if (!(await createOnce(this.#table, keys.account(creation.username), item))) {
      throw new UsernameTakenError(creation.username);
    }
    return { account, initialPassword };
  }

  async managedBy(district: string): Promise<Account[]> {
    return (await this.all()).filter((account) => account.managedBy === district);
  }

  /** Every account, in the order they were created. */
  async all(): Promise<Account[]> {
    const stored = await queryAll(this.#table, StoredAccountSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.accounts.pk, ':prefix': keys.accounts.skPrefix },
      ConsistentRead: true,
    });
    return stored
      .map(({ passwordHash: _hash, ...account }) => account)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.username.localeCompare(b.username));
  }

  async find(accountId: string): Promise<Account | null> {
    return (await this.all()).find((account) => account.accountId === accountId) ?? null;
  }

  async findByUsername(username: string): Promise<Account | null> {
    const stored = await this.#stored(username);
    if (stored === null) return null;
    const { passwordHash: _hash, ...account } = stored;
    return account;
  }

  async disable(accountId: string, by: string, at: Instant): Promise<Account> {
    const account = await this.find(accountId);
    if (account === null) throw new NotFoundError('account');
    return this.disableByUsername(account.username, by, at);
  }

  async disableByUsername(username: string, by: string, at: Instant): Promise<Account> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.account(username),
          UpdateExpression: 'SET disabled = :true, disabledBy = :by, disabledAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND disabled = :false',
          ExpressionAttributeValues: { ':true': true, ':false': false, ':by': by, ':at': at },
        }),
      );
    } catch (error) {
      // Already disabled (the first disabling stands, with its author and time), or no such account.
      if (!isConditionFailure(error)) throw error;
    }
    const account = await this.findByUsername(username);
    if (account === null) throw new NotFoundError('account');
    return account;
  }

  /**
   * Checks a sign-in. The password is checked first, also for an unknown name (against no hash, costing the
   * same), so that only someone who knows the password learns that the account is disabled.
   */
  async signIn(username: string, password: string): Promise<SignInOutcome> {
    const name = username.trim().toLowerCase();
    const stored = name.length > 0 && name.length <= 64 ? await this.#stored(name) : null;
    if (!(await passwordMatches(password, stored?.passwordHash)) || stored === null) {
      return { ok: false, reason: 'wrong-credentials' };
    }
    if (stored.disabled) return { ok: false, reason: 'disabled' };
    const { passwordHash: _hash, ...account } = stored;
    return { ok: true, account };
  }

  async #stored(username: string): Promise<z.infer<typeof StoredAccountSchema> | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.account(username), ConsistentRead: true }),
    );
    return Item === undefined ? null : fromItem(StoredAccountSchema, Item);
  }
}
