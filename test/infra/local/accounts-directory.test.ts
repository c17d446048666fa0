// Issue 13 §2: the local engine's accounts in its table: unique login names under races, passwords only as
// scrypt hashes, disabled accounts that cannot sign in.
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalAccountDirectory } from '../../../infra/local/accounts/local-account-directory.ts';
import { hashPassword, passwordMatches } from '../../../infra/local/accounts/password-hash.ts';
import { UsernameTakenError } from '../../../shared/domain/account.ts';
import type { AccountCreation } from '../../../shared/ports/account-directory.ts';
import type { Table } from '../../../shared/storage/document-client.ts';
import { keys } from '../../../shared/storage/keys.ts';
import { createTestTable } from '../../support/test-table.ts';

let table: Table;
let directory: LocalAccountDirectory;

const clerk = (username: string): AccountCreation => ({
  username,
  name: 'Айгүл Сейітова',
  role: 'commission',
  scope: { district: '1952' },
  admin: false,
  managedBy: '1952',
  createdBy: 'operator',
  createdAt: '2026-02-01T04:00:00.000Z',
});

beforeAll(async () => {
  table = await createTestTable();
  directory = new LocalAccountDirectory(table);
});

describe('passwords', () => {
  it('are kept as salted scrypt hashes: the same password twice gives two hashes, and neither holds it', async () => {
    const [a, b] = await Promise.all([
      hashPassword('correct horse battery'),
      hashPassword('correct horse battery'),
    ]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$\d+\$/);
    expect(a).not.toContain('correct');
    expect(await passwordMatches('correct horse battery', a)).toBe(true);
    expect(await passwordMatches('correct horse batterY', a)).toBe(false);
  });

  it('refuse any password for an unknown name, after the same work as for a known one', async () => {
    expect(await passwordMatches('anything at all', undefined)).toBe(false);
    expect(await passwordMatches('anything at all', 'not-a-hash')).toBe(false);
  });
});

describe('the local account directory', () => {
  it('gives a login name to exactly one of two callers creating it at once', async () => {
    const results = await Promise.allSettled([
      directory.create(clerk('race.1952')),
      directory.create({ ...clerk('race.1952'), name: 'Басқа адам' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(UsernameTakenError);
    expect((await directory.all()).filter((a) => a.username === 'race.1952')).toHaveLength(1);
  });

  it('keeps no password in clear anywhere in the table, and shows no hash in what it answers', async () => {
    const { account, initialPassword } = await directory.create(clerk('secret.1952'));
    expect(initialPassword.length).toBeGreaterThanOrEqual(20);
    const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.name }));
    expect(JSON.stringify(Items)).not.toContain(initialPassword);
    expect(JSON.stringify(await directory.all())).not.toContain('scrypt');
    expect(account.accountId).toMatch(/^acct-[0-9a-f]{24}$/);
  });

  it('signs in with the right password only, and says «disabled» only to whoever knows the password', async () => {
    const { account, initialPassword } = await directory.create(clerk('door.1952'));
    expect(await directory.signIn('DOOR.1952', initialPassword)).toMatchObject({ ok: true });
    expect(await directory.signIn('door.1952', 'wrong password')).toEqual({
      ok: false,
      reason: 'wrong-credentials',
    });
    expect(await directory.signIn('nobody.1952', initialPassword)).toEqual({
      ok: false,
      reason: 'wrong-credentials',
    });
    await directory.disable(account.accountId, 'acct-000000000000000000000000', '2026-02-02T04:00:00.000Z');
    expect(await directory.signIn('door.1952', 'wrong password')).toEqual({
      ok: false,
      reason: 'wrong-credentials',
    });
    expect(await directory.signIn('door.1952', initialPassword)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('keeps the first disabling (who and when) when an account is disabled twice', async () => {
    const { account } = await directory.create(clerk('twice.1952'));
    await directory.disable(account.accountId, 'first', '2026-02-02T04:00:00.000Z');
    const again = await directory.disable(account.accountId, 'second', '2026-02-03T04:00:00.000Z');
    expect(again).toMatchObject({
      disabled: true,
      disabledBy: 'first',
      disabledAt: '2026-02-02T04:00:00.000Z',
    });
  });

  it('lists a district’s accounts only', async () => {
    await directory.create({ ...clerk('other.1953'), scope: { district: '1953' }, managedBy: '1953' });
    const of1952 = await directory.managedBy('1952');
    expect(of1952.length).toBeGreaterThan(0);
    expect(of1952.every((a) => a.managedBy === '1952')).toBe(true);
  });
});

/** The table, with every request it is sent named in `requests`. */
function countingTable(of: Table): { table: Table; requests: string[] } {
  const requests: string[] = [];
  const db = new Proxy(of.db, {
    get(target, name, receiver) {
      if (name !== 'send') return Reflect.get(target, name, receiver);
      return (command: { constructor: { name: string } }) => {
        requests.push(command.constructor.name);
        return target.send(command as Parameters<typeof target.send>[0]);
      };
    },
  });
  return { table: { db, name: of.name }, requests };
}

describe('the account behind a token', () => {
  it('is checked with one keyed read on every API request, however many accounts the engine has', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, n) => directory.create(clerk(`many.${n}.1952`))),
    );
    const { table: counted, requests } = countingTable(table);
    const fresh = new LocalAccountDirectory(counted);
    const target = made[4]?.account;
    expect(await fresh.find(target?.accountId ?? '')).toEqual(target);
    expect(requests).toEqual(['GetCommand']);
  });

  it('is refused at once when disabled, by the same single read', async () => {
    const { account } = await directory.create(clerk('gone.1952'));
    await directory.disable(account.accountId, 'acct-000000000000000000000001', '2026-02-02T04:00:00.000Z');
    const { table: counted, requests } = countingTable(table);
    expect(await new LocalAccountDirectory(counted).find(account.accountId)).toMatchObject({
      disabled: true,
    });
    expect(requests).toEqual(['GetCommand']);
  });

  it('is found for an account an older version made (no copy by id), and its copy kept from then on', async () => {
    const { account } = await directory.create(clerk('older.1952'));
    await table.db.send(
      new DeleteCommand({ TableName: table.name, Key: keys.accountById(account.accountId) }),
    );
    const { table: counted, requests } = countingTable(table);
    const engine = new LocalAccountDirectory(counted);
    expect(await engine.find(account.accountId)).toEqual(account);
    requests.length = 0;
    expect(await engine.find(account.accountId)).toEqual(account);
    expect(requests).toEqual(['GetCommand']);
  });

  it('is disabled by id even where its copy was lost, and the copy then says so', async () => {
    const { account } = await directory.create(clerk('lost.copy.1952'));
    await table.db.send(
      new DeleteCommand({ TableName: table.name, Key: keys.accountById(account.accountId) }),
    );
    await directory.disableByUsername('lost.copy.1952', 'operator', '2026-02-02T04:00:00.000Z');
    const { table: counted, requests } = countingTable(table);
    expect(await new LocalAccountDirectory(counted).find(account.accountId)).toMatchObject({
      disabled: true,
      disabledBy: 'operator',
    });
    expect(requests).toEqual(['GetCommand']);
  });

  it('stays disabled when a backfill that read it enabled writes its copy after the disabling', async () => {
    const { account } = await directory.create(clerk('late.backfill.1952'));
    const copyKey = keys.accountById(account.accountId);
    await table.db.send(new DeleteCommand({ TableName: table.name, Key: copyKey }));
    // The backfill has read the account enabled; the disabling runs to its end before the backfill's write.
    const db = new Proxy(table.db, {
      get(target, name, receiver) {
        if (name !== 'send') return Reflect.get(target, name, receiver);
        return async (command: { input: { Item?: Record<string, unknown> } }) => {
          if (command.input.Item?.sk === copyKey.sk) {
            await directory.disableByUsername('late.backfill.1952', 'operator', '2026-02-02T04:00:00.000Z');
          }
          return target.send(command as Parameters<typeof target.send>[0]);
        };
      },
    });
    expect(await new LocalAccountDirectory({ db, name: table.name }).find(account.accountId)).toMatchObject({
      disabled: true,
    });
    expect(await new LocalAccountDirectory(table).find(account.accountId)).toMatchObject({
      disabled: true,
      disabledBy: 'operator',
    });
  });

  it('is unknown for an id no account has, without reading the partition twice in one process', async () => {
    const { table: counted, requests } = countingTable(table);
    const engine = new LocalAccountDirectory(counted);
    expect(await engine.find('acct-ffffffffffffffffffffffff')).toBeNull();
    requests.length = 0;
    expect(await engine.find('acct-eeeeeeeeeeeeeeeeeeeeeeee')).toBeNull();
    expect(requests).toEqual(['GetCommand', 'GetCommand']);
  });
});
