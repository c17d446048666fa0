// Issue 13 §2 "Sign-in and accounts", end to end over HTTP: a commission administrator manages its district's
// accounts through the account API (createAccount, listAccounts, disableAccount), and nothing else can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountListSchema, AccountSchema, CreatedAccountSchema } from '../../shared/domain/account.ts';
import { accountApi, districtAdministrator, engineOutput, errorCode } from '../support/accounts-over-http.ts';
import { type Credentials, createAccount, HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const CANDIDATE_IIN = '850402300011';

let dataDir: string;
let engine: EngineProcess;
let output: () => string;
let api: ReturnType<typeof accountApi>;
let admin: Credentials & { accountId: string };
let adminToken: string;
/** The administrator of another district (1953). */
let otherDistrictAdmin: Credentials;
const passwordsSeen: string[] = [];

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir);
  output = engineOutput(engine);
  api = accountApi(engine.url);
  admin = await createAccount(engine.url, dataDir, districtAdministrator);
  otherDistrictAdmin = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1953',
    name: 'Марат Омаров',
    username: 'clerk.1953',
    admin: true,
  });
  passwordsSeen.push(admin.password, otherDistrictAdmin.password);
  adminToken = await new HttpSignIn(engine.url).signIn(admin);
}, 60_000);
afterAll(() => engine?.kill('SIGTERM'));

describe('a commission administrator manages its district’s accounts (the account API)', () => {
  it('creates an akimat account and gets its first password once; a repeat of the request gets none', async () => {
    const request = { role: 'akimat', scope: '1952', name: 'Аудан әкімдігі', username: 'akimat.1952' };
    const first = await api(adminToken, 'POST', '/accounts', request, 'create-akimat-1');
    expect(first.status).toBe(201);
    const created = CreatedAccountSchema.parse(first.body);
    expect(created.account).toMatchObject({ role: 'akimat', scope: { district: '1952' }, managedBy: '1952' });
    expect(created.account.createdBy).toBe(admin.accountId);
    passwordsSeen.push(created.initialPassword ?? '');
    const repeat = await api(adminToken, 'POST', '/accounts', request, 'create-akimat-1');
    expect(repeat.status).toBe(201);
    expect(CreatedAccountSchema.parse(repeat.body).initialPassword).toBeUndefined();
    await expect(
      new HttpSignIn(engine.url).signIn({ username: 'akimat.1952', password: created.initialPassword ?? '' }),
    ).resolves.toMatch(/^ey/);
  });

  it('gives a username to only one of two administrators’ requests sent at once', async () => {
    const request = { role: 'party', scope: 'nur', name: 'Partiya hatshysy', username: 'party.nur' };
    const [a, b] = await Promise.all([
      api(adminToken, 'POST', '/accounts', request),
      api(adminToken, 'POST', '/accounts', request),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    expect(errorCode(lost.body)).toBe('USERNAME_TAKEN');
    const won = a.status === 201 ? a : b;
    passwordsSeen.push(CreatedAccountSchema.parse(won.body).initialPassword ?? '');
  });

  it('refuses an akimat or commission account for another district, and any admin flag', async () => {
    const other = await api(adminToken, 'POST', '/accounts', {
      role: 'akimat',
      scope: '1953',
      name: 'Басқа',
    });
    expect(other.status).toBe(403);
    expect(errorCode(other.body)).toBe('ACCOUNT_OUTSIDE_DISTRICT');
    const flagged = await api(adminToken, 'POST', '/accounts', {
      role: 'commission',
      scope: '1952',
      name: 'Екінші',
      admin: true,
    });
    expect(flagged.status).toBe(400);
  });

  it('refuses a candidate whose IIN is not valid, naming the field', async () => {
    const answer = await api(adminToken, 'POST', '/accounts', {
      role: 'candidate',
      scope: '850402300012',
      name: 'Кандидат',
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('"field":"scope"');
  });

  it('refuses a body of 100,000 characters in a name, and changes nothing', async () => {
    const before = AccountListSchema.parse((await api(adminToken, 'GET', '/accounts')).body).accounts.length;
    const answer = await api(adminToken, 'POST', '/accounts', {
      role: 'party',
      scope: 'nur',
      name: 'x'.repeat(100_000),
    });
    expect(answer.status).toBe(400);
    expect(AccountListSchema.parse((await api(adminToken, 'GET', '/accounts')).body).accounts).toHaveLength(
      before,
    );
  });

  it('keeps a candidate’s IIN out of the stored repeat of its creation', async () => {
    const request = {
      role: 'candidate',
      scope: CANDIDATE_IIN,
      name: 'Серік Әбенов',
      username: 'serik.candidate',
    };
    const first = await api(adminToken, 'POST', '/accounts', request, 'create-candidate-1');
    expect(first.status).toBe(201);
    passwordsSeen.push(CreatedAccountSchema.parse(first.body).initialPassword ?? '');
    const repeat = await api(adminToken, 'POST', '/accounts', request, 'create-candidate-1');
    expect(repeat.text).not.toContain(CANDIDATE_IIN);
  });

  it('refuses a party secretary, an akimat, and a plain commission account', async () => {
    const party = await createAccount(engine.url, dataDir, {
      role: 'party',
      scope: 'nur',
      name: 'Secretary',
      managedBy: '1952',
    });
    const clerk = await createAccount(engine.url, dataDir, {
      role: 'commission',
      scope: '1952',
      name: 'Clerk',
    });
    passwordsSeen.push(party.password, clerk.password);
    for (const who of [party, clerk]) {
      const token = await new HttpSignIn(engine.url).signIn(who);
      expect(
        (await api(token, 'POST', '/accounts', { role: 'party', scope: 'nur', name: 'Mine' })).status,
      ).toBe(403);
      expect((await api(token, 'GET', '/accounts')).status).toBe(403);
    }
    expect((await api(null, 'GET', '/accounts')).status).toBe(401);
  });

  it('disables an account, which then cannot sign in; its own account it cannot disable', async () => {
    const created = CreatedAccountSchema.parse(
      (
        await api(adminToken, 'POST', '/accounts', {
          role: 'party',
          scope: 'amanat',
          name: 'Leaving',
          username: 'leaving.1952',
        })
      ).body,
    );
    passwordsSeen.push(created.initialPassword ?? '');
    const disabled = await api(adminToken, 'POST', `/accounts/${created.account.accountId}/disablement`, {});
    expect(disabled.status).toBe(200);
    expect(AccountSchema.parse(disabled.body)).toMatchObject({ disabled: true, disabledBy: admin.accountId });
    const flow = new HttpSignIn(engine.url);
    const { location } = await flow.authorize();
    const refused = await flow.submitForm(new URL(location, engine.url).pathname, {
      username: 'leaving.1952',
      password: created.initialPassword ?? '',
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Бұл тіркелгі өшірілген.');
    const self = await api(adminToken, 'POST', `/accounts/${admin.accountId}/disablement`, {});
    expect(self.status).toBe(422);
    expect(errorCode(self.body)).toBe('CANNOT_DISABLE_OWN_ACCOUNT');
  });

  it('does not find another district’s account to disable', async () => {
    const otherToken = await new HttpSignIn(engine.url).signIn(otherDistrictAdmin);
    const other = AccountListSchema.parse((await api(otherToken, 'GET', '/accounts')).body).accounts.find(
      (a) => a.username === 'clerk.1953',
    );
    const answer = await api(adminToken, 'POST', `/accounts/${other?.accountId}/disablement`, {});
    expect(answer.status).toBe(404);
  });

  it('lists its district’s accounts only, with no password or hash', async () => {
    const listed = await api(adminToken, 'GET', '/accounts');
    const { accounts } = AccountListSchema.parse(listed.body);
    expect(accounts.every((a) => a.managedBy === '1952')).toBe(true);
    expect(listed.text).not.toMatch(/scrypt|password/i);
  });

  it('never writes a password to the engine’s output', () => {
    expect(passwordsSeen.filter(Boolean).length).toBeGreaterThan(4);
    for (const password of passwordsSeen.filter(Boolean)) expect(output()).not.toContain(password);
  });
});
