// Issue 13 §2 "Sign-in and accounts", end to end over HTTP: signing in at the engine's OpenID provider (code
// flow with PKCE), and what it refuses: wrong passwords, huge forms, stale pages, requests without PKCE, foreign
// redirect URIs, codes without their verifier, forged tokens.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountApi, districtAdministrator, engineOutput } from '../support/accounts-over-http.ts';
import { type Credentials, createAccount, HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

let engine: EngineProcess;
let output: () => string;
let api: ReturnType<typeof accountApi>;
let admin: Credentials & { accountId: string };
let adminToken: string;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir);
  output = engineOutput(engine);
  api = accountApi(engine.url);
  admin = await createAccount(engine.url, dataDir, districtAdministrator);
  adminToken = await new HttpSignIn(engine.url).signIn(admin);
}, 60_000);
afterAll(() => engine?.kill('SIGTERM'));

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
    const { code } = await flow.authorizationCode(admin);
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

  it('never writes the password it was given to the engine’s output', () => {
    expect(output()).not.toContain(admin.password);
  });
});
