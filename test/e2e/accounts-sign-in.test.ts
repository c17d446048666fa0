// Issue 13 §2 "Sign-in and accounts", end to end over HTTP: signing in at the engine's OpenID provider (code
// flow with PKCE), and what it refuses: wrong passwords, huge forms, stale pages, requests without PKCE, foreign
// redirect URIs, codes without their verifier, forged tokens.
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { accountApi, districtAdministrator, engineOutput } from '../support/accounts-over-http.ts';
import { type Credentials, createAccount, disableAccount, HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

let engine: EngineProcess;
let output: () => string;
let api: ReturnType<typeof accountApi>;
let admin: Credentials & { accountId: string };
let adminToken: string;

let dataDir: string;

beforeAll(async () => {
  dataDir = newDataDir();
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

const TokenAnswerSchema = z.object({ id_token: z.string(), refresh_token: z.string() });

/** Signs in over HTTP as the desk does and answers the whole token response: the ID token and the refresh token. */
async function signInForTokens(credentials: Credentials) {
  const flow = new HttpSignIn(engine.url);
  const { code, verifier } = await flow.authorizationCode(credentials);
  const response = await tokenRequest({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: `${engine.url}/`,
  });
  return { ...TokenAnswerSchema.parse(await response.json()), flow };
}

/** A request to the provider's token endpoint as the desk's public client. */
function tokenRequest(form: Record<string, string>): Promise<Response> {
  return fetch(`${engine.url}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'desk', ...form }).toString(),
  });
}

const renew = (refreshToken: string) =>
  tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });

describe('renewing a session (refresh tokens, as Cognito issues the desk’s client)', () => {
  it('renews the ID token with the refresh token, which is spent: a second use is refused', async () => {
    const first = await signInForTokens(admin);
    const renewed = await renew(first.refresh_token);
    expect(renewed.status).toBe(200);
    const next = TokenAnswerSchema.parse(await renewed.json());
    expect(next.refresh_token).not.toBe(first.refresh_token);
    const claims = JSON.parse(Buffer.from(next.id_token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ sub: admin.accountId, 'cognito:groups': ['commission', 'admin'] });
    expect((await api(next.id_token, 'GET', '/accounts')).status).toBe(200);
    // A stolen, already spent refresh token gets nothing (and revokes the grant: the next one fails as well).
    const replayed = await renew(first.refresh_token);
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await renew(next.refresh_token)).status).toBe(400);
  });

  it('renews no more once the person signed out at the provider', async () => {
    const { refresh_token, flow } = await signInForTokens(admin);
    const confirm = await (await flow.request('/oidc/session/end?client_id=desk')).text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)?.[1];
    expect(xsrf).toBeDefined();
    const ended = await flow.request('/oidc/session/end/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf ?? '', logout: 'yes' }).toString(),
    });
    expect(ended.status).toBe(303);
    const refused = await renew(refresh_token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses to renew the session of an account disabled since it signed in', async () => {
    const leaving = await createAccount(engine.url, dataDir, {
      role: 'akimat',
      scope: '1952',
      name: 'Аудан әкімдігі',
      username: 'akimat.leaving',
    });
    const { refresh_token } = await signInForTokens(leaving);
    await disableAccount(engine.url, dataDir, leaving.username);
    const refused = await renew(refresh_token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });
});
