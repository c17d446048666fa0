// Issue 13 §2 "Sign-in and accounts", end to end over HTTP: the operator's first account, signing in at the
// engine's OpenID provider (code flow with PKCE), and a commission administrator managing its district's accounts.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountListSchema, AccountSchema, CreatedAccountSchema } from '../../shared/domain/account.ts';
import { type Credentials, createAccount, HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const CLI = new URL('../../infra/local/users-cli.ts', import.meta.url).pathname;
const CANDIDATE_IIN = '850402300011';

let dataDir: string;
let engine: EngineProcess;
let engineOutput = '';
let admin: Credentials & { accountId: string };
let adminToken: string;
let akimatToken: string;
const passwordsSeen: string[] = [];

/** `npm run users -- …` against the running engine; its output and exit code. */
function users(args: string[], stdin?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ENGINE_URL: engine.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    child.stdin.end(stdin ?? '');
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

async function api(token: string | null, method: 'GET' | 'POST', path: string, body?: unknown, key?: string) {
  const response = await fetch(`${engine.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'ru',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as unknown };
}

const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir);
  engine.child.stdout?.on('data', (chunk) => {
    engineOutput += String(chunk);
  });
  engine.child.stderr?.on('data', (chunk) => {
    engineOutput += String(chunk);
  });
  admin = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Айгүл Сейітова',
    username: 'admin.1952',
    admin: true,
  });
  passwordsSeen.push(admin.password);
  adminToken = await new HttpSignIn(engine.url).signIn(admin);
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

describe('the operator’s command line (npm run users)', () => {
  it('creates the first administrator and prints its username and a strong password once', async () => {
    const added = await users([
      'add',
      '--role',
      'commission',
      '--scope',
      '1953',
      '--name',
      'Марат Омаров',
      '--username',
      'clerk.1953',
      '--admin',
    ]);
    expect(added.code).toBe(0);
    expect(added.out).toContain('username: clerk.1953');
    const password = /password: (\S+)/.exec(added.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    passwordsSeen.push(password);
    const listed = await users(['list']);
    expect(listed.out).toContain('clerk.1953');
    expect(listed.out).toContain('administrator');
    expect(listed.out).not.toContain(password);
  });

  it('takes a chosen password from standard input and does not print it', async () => {
    const chosen = 'a chosen passphrase 1953';
    const added = await users(
      [
        'add',
        '--role',
        'akimat',
        '--scope',
        '1953',
        '--name',
        'Әкімдік',
        '--username',
        'akimat.1953',
        '--password-stdin',
      ],
      `${chosen}\n`,
    );
    expect(added.code).toBe(0);
    expect(added.out).not.toContain(chosen);
    akimatToken = await new HttpSignIn(engine.url).signIn({ username: 'akimat.1953', password: chosen });
    expect((await api(akimatToken, 'GET', '/accounts')).status).toBe(403);
  });

  it('refuses a username that is taken, saying so', async () => {
    const again = await users([
      'add',
      '--role',
      'commission',
      '--scope',
      '1953',
      '--name',
      'X',
      '--username',
      'clerk.1953',
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('clerk.1953');
  });

  it('disables an account by username, and its token is refused from then on', async () => {
    const disabled = await users(['disable', 'akimat.1953']);
    expect(disabled.code).toBe(0);
    expect(disabled.out).toContain('DISABLED');
    // Cognito would take the token until it expires; the engine refuses it at once.
    expect((await api(akimatToken, 'GET', '/accounts')).status).toBe(401);
  });

  it('says which URL it tried and how to start the engine when none answers', async () => {
    const child = spawn(process.execPath, [CLI, 'list'], {
      env: { ...process.env, DATA_DIR: dataDir, ENGINE_URL: 'http://127.0.0.1:9' },
    });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('http://127.0.0.1:9');
    expect(err).toContain('npm start');
  });
});

describe('signing in at the engine (OpenID Connect, code flow with PKCE)', () => {
  it('issues an ID token the API reads: the account’s name, role, administrator group and district', async () => {
    const claims = JSON.parse(Buffer.from(adminToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({
      sub: admin.accountId,
      name: 'Айгүл Сейітова',
      'cognito:groups': ['commission', 'admin'],
      'custom:district': '1952',
      aud: 'desk',
      iss: `${engine.url}/oidc`,
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect((await api(adminToken, 'GET', '/accounts')).status).toBe(200);
  });

  it('refuses a wrong password on the form, in the page’s language, without saying whether the name exists', async () => {
    const flow = new HttpSignIn(engine.url);
    const { location } = await flow.authorize({ ui_locales: 'ru' });
    const path = new URL(location, engine.url).pathname;
    const wrong = await flow.submitForm(`${path}?lang=ru`, { username: admin.username, password: 'wrong' });
    const unknown = await flow.submitForm(`${path}?lang=ru`, { username: 'nobody.here', password: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongPage, unknownPage] = [await wrong.text(), await unknown.text()];
    expect(wrongPage).toContain('Неверное имя пользователя или пароль.');
    expect(unknownPage.replace('nobody.here', admin.username)).toBe(wrongPage);
  });

  it('refuses a sign-in form of a megabyte without reading it whole, and signs the next person in', async () => {
    const flow = new HttpSignIn(engine.url);
    const { location } = await flow.authorize();
    const huge = await flow.request(new URL(location, engine.url).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${admin.username}&password=${'x'.repeat(1024 * 1024)}`,
    });
    expect(huge.status).toBe(401);
    await expect(new HttpSignIn(engine.url).signIn(admin)).resolves.toMatch(/^ey/);
  });

  it('sends a sign-in page opened without its cookie (expired, or another browser’s) back to the desk', async () => {
    const stranger = new HttpSignIn(engine.url);
    const { location } = await new HttpSignIn(engine.url).authorize();
    const page = await stranger.request(location, { headers: { 'accept-language': 'ru' } });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Страница входа устарела.');
  });

  it('refuses an authorization request without PKCE', async () => {
    const flow = new HttpSignIn(engine.url);
    const { location } = await flow.authorize({
      code_challenge: undefined,
      code_challenge_method: undefined,
    });
    const back = new URL(location, engine.url);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses a redirect_uri that is not the desk’s, without sending the browser there', async () => {
    const flow = new HttpSignIn(engine.url);
    const { response } = await flow.authorize({ redirect_uri: 'https://evil.example/' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const page = await response.text();
    expect(page).toContain('Кіру сұрауы қабылданбады («invalid_redirect_uri»)');
    expect(page).not.toContain('evil.example');
  });

  it('refuses a code exchanged without its verifier', async () => {
    const flow = new HttpSignIn(engine.url);
    const { location } = await flow.authorize();
    const submitted = await flow.submitForm(new URL(location, engine.url).pathname, admin);
    let next = submitted.headers.get('location') ?? '';
    while (!next.startsWith(`${engine.url}/?`))
      next = (await flow.request(next)).headers.get('location') ?? '';
    const code = new URL(next).searchParams.get('code') ?? '';
    await expect(flow.exchange(code, undefined)).rejects.toThrow(/no ID token/);
  });

  it('refuses forged tokens: alg none, HS256 keyed with anything, another key’s ES256', async () => {
    const claims = {
      sub: 'acct-ffffffffffffffffffffffff',
      'cognito:groups': ['commission', 'admin'],
      'custom:district': '1952',
    };
    const unsigned = new UnsecuredJWT(claims)
      .setIssuer(`${engine.url}/oidc`)
      .setAudience('desk')
      .setExpirationTime('1h')
      .encode();
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(`${engine.url}/oidc`)
      .setAudience('desk')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(`${engine.url}/oidc`)
      .setAudience('desk')
      .setExpirationTime('1h')
      .sign(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    for (const forged of [unsigned, hs256, otherKey]) {
      const answer = await api(forged, 'GET', '/accounts');
      expect(answer.status).toBe(401);
    }
  });
});

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
    const list = await users(['list']);
    expect(list.out).toContain('clerk.1953');
    const other = AccountListSchema.parse(
      (
        await api(
          await new HttpSignIn(engine.url).signIn({
            username: 'clerk.1953',
            password: passwordsSeen[1] ?? '',
          }),
          'GET',
          '/accounts',
        )
      ).body,
    ).accounts.find((a) => a.username === 'clerk.1953');
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
    for (const password of passwordsSeen.filter(Boolean)) expect(engineOutput).not.toContain(password);
  });
});
