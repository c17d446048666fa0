import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Account, AccountSchema, UsernameTakenError } from '../../../shared/domain/account.ts';
import { NotFoundError } from '../../../shared/domain/errors.ts';
import type { Instant } from '../../../shared/domain/local-date.ts';
import type { AccountCreation, AccountDirectory } from '../../../shared/ports/account-directory.ts';
import { createOnce, putIfAbsent } from '../../../shared/storage/conditional-put.ts';
import type { Table } from '../../../shared/storage/document-client.ts';
import { fromItem, isConditionFailure } from '../../../shared/storage/item-codec.ts';
import { type ItemKey, keys } from '../../../shared/storage/keys.ts';
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
 * The local engine's accounts, in its own table (one partition, `ACCOUNTS`): an item per login name, the record,
 * with the scrypt hash of its password; and a copy of each by its id, without the hash, so that checking the
 * account behind a token on every API request is one keyed read. The login name's item is the record: the copy
 * is written after it, and set disabled before it (a crash in between errs on refusing). Listings by district
 * read the partition: a few hundred accounts at most on one machine, and an administrator's page, not every
 * request.
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
  ): Promise<{ account: Account; initialPassword: string; passwordMailed: false }> {
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
    // A crash before the copy leaves an account no token can act for (the next process's `find` backfills it),
    // never the reverse.
    await this.#putCopyIfAbsent(account);
    // The engine mails nothing: the password is shown this once.
    return { account, initialPassword, passwordMailed: false };
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

  /** One keyed read of the account's copy by id; an id without one backfills the copies once per process. */
  async find(accountId: string): Promise<Account | null> {
    const copy = await this.#copy(accountId);
    if (copy !== null) return copy;
    this.#backfilled ??= this.#backfillCopies();
    await this.#backfilled;
    return this.#copy(accountId);
  }

  /** Once per process: the copies that accounts of an older version, or a crash after a creation, lack. */
  #backfilled: Promise<void> | undefined;

  async #backfillCopies(): Promise<void> {
    const have = new Set(
      (
        await queryAll(this.#table, AccountSchema, {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.accountsById.pk, ':prefix': keys.accountsById.skPrefix },
          ConsistentRead: true,
        })
      ).map((account) => account.accountId),
    );
    for (const account of await this.all()) {
      if (!have.has(account.accountId)) await this.#putCopyIfAbsent(account);
    }
  }

  async #copy(accountId: string): Promise<Account | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.accountById(accountId), ConsistentRead: true }),
    );
    return Item === undefined ? null : fromItem(AccountSchema, Item);
  }

  /**
   * Writes the copy only where none is: what `create` and the backfill read may be stale by the time they write,
   * and a disabling that came in between has written its own copy, which must stand (else the account's tokens
   * would be accepted again). A copy already there is the newer one, so a refused write is no error.
   */
  async #putCopyIfAbsent(account: Account): Promise<void> {
    await putIfAbsent(this.#table, { ...account, ...keys.accountById(account.accountId) });
  }

  /** Writes the copy whatever is there: only a disabling, which copies the record as it now stands. */
  async #putCopy(account: Account): Promise<void> {
    await this.#table.db.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: { ...account, ...keys.accountById(account.accountId) },
      }),
    );
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
    const before = await this.findByUsername(username);
    if (before === null) throw new NotFoundError('account');
    // The copy first: from this write on, the account's tokens are refused, whatever happens next.
    await this.#setDisabled(keys.accountById(before.accountId), by, at);
    await this.#setDisabled(keys.account(username), by, at);
    const account = await this.findByUsername(username);
    if (account === null) throw new NotFoundError('account');
    // The record's first disabling (who and when) is the copy's too, also for a copy that was missing.
    await this.#putCopy(account);
    return account;
  }

  async #setDisabled(key: ItemKey, by: string, at: Instant): Promise<void> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: key,
          UpdateExpression: 'SET disabled = :true, disabledBy = :by, disabledAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND disabled = :false',
          ExpressionAttributeValues: { ':true': true, ':false': false, ':by': by, ':at': at },
        }),
      );
    } catch (error) {
      // Already disabled (the first disabling stands, with its author and time), or no such item.
      if (!isConditionFailure(error)) throw error;
    }
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
