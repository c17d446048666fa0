// Issue 13, attacked from outside: the engine's OpenID provider at /oidc and the tokens it and the operator's
// command line sign. Every test is what a person signing in, or the law on personal data, needs to hold when
// someone hostile sends the request instead of the desk.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import { type Credentials, createAccount, disableAccount, HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

let dataDir: string;
let engine: EngineProcess;
let admin: Credentials & { accountId: string };

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir);
  admin = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Айгүл Сейітова',
    username: 'admin.1952',
    admin: true,
  });
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

/** Follows the provider's redirects after a successful form until the browser is back at the desk. */
async function codeAfterSignIn(flow: HttpSignIn, submitted: Response): Promise<URL> {
  let next = submitted.headers.get('location') ?? '';
  for (let hops = 0; hops < 5 && !next.startsWith(`${engine.url}/?`); hops += 1) {
    next = (await flow.request(next)).headers.get('location') ?? '';
  }
  return new URL(next);
}

const interactionPath = (location: string) => new URL(location, engine.url).pathname;

describe('the provider’s discovery document tells the truth', () => {
  it('offers only what the desk may use: the code flow with S256, no registration, introspection or device flow', async () => {
    const response = await fetch(`${engine.url}/oidc/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(`${engine.url}/oidc`);
    expect(discovery.response_types_supported).toEqual(['code']);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['ES256']);
    expect(discovery).not.toHaveProperty('registration_endpoint');
    expect(discovery).not.toHaveProperty('introspection_endpoint');
    expect(discovery).not.toHaveProperty('device_authorization_endpoint');
    expect(discovery).not.toHaveProperty('pushed_authorization_request_endpoint');
    for (const path of ['/oidc/reg', '/oidc/token/introspection', '/oidc/device/auth']) {
      const refused = await fetch(`${engine.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ redirect_uris: ['https://evil.example/'] }),
      });
      expect(refused.status, path).toBe(404);
    }
  });

  it('publishes the public key only: the key set never carries the private part', async () => {
    const response = await fetch(`${engine.url}/oidc/jwks`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(keys[0]).not.toHaveProperty(secret);
  });
});

describe('the authorization request, bent', () => {
  it('sends no browser anywhere but the desk, whatever the redirect_uri pretends to be', async () => {
    const desk = `${engine.url}/`;
    const port = new URL(engine.url).port;
    const tricks = [
      `${engine.url}`,
      `${engine.url}/.`,
      `${engine.url}//evil.example/`,
      `${engine.url}/?next=https://evil.example/`,
      `${engine.url}/#@evil.example`,
      `${engine.url}/%2e%2e/`,
      `${desk}@evil.example/`,
      `http://127.0.0.1:${port}@evil.example/`,
      `http://evil.example@127.0.0.1:${port}/`,
      `http://127.0.0.1:${Number(port) + 1}/`,
      `http://localhost:${port}/`,
      `https://127.0.0.1:${port}/`,
      `HTTP://127.0.0.1:${port}/`,
      `${engine.url}\\@evil.example/`,
      `${desk}\u0000`,
    ];
    for (const redirect_uri of tricks) {
      const { response } = await new HttpSignIn(engine.url).authorize({ redirect_uri });
      expect(response.status, redirect_uri).toBe(400);
      expect(response.headers.get('location'), redirect_uri).toBeNull();
    }
  });

  it('refuses a PKCE downgrade to «plain», and an implicit flow that would put a token in the address bar', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const plain = await new HttpSignIn(engine.url).authorize({
      code_challenge: verifier,
      code_challenge_method: 'plain',
    });
    const back = new URL(plain.location, engine.url);
    expect(back.origin + back.pathname).toBe(`${engine.url}/`);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    for (const response_type of ['id_token', 'code id_token', 'none', 'token']) {
      const { location, response } = await new HttpSignIn(engine.url).authorize({
        response_type,
        nonce: 'n',
      });
      expect([303, 400], response_type).toContain(response.status);
      // Never an interaction page (where a token would follow), never a token in the answer.
      expect(location, response_type).not.toMatch(/interaction|id_token=|access_token=/);
    }
  });

  it('gives a code once: replayed, it yields no second ID token', async () => {
    const flow = new HttpSignIn(engine.url);
    const { location, verifier } = await flow.authorize();
    const submitted = await flow.submitForm(interactionPath(location), admin);
    const code = (await codeAfterSignIn(flow, submitted)).searchParams.get('code') ?? '';
    await expect(flow.exchange(code, verifier)).resolves.toMatch(/^ey/);
    await expect(flow.exchange(code, verifier)).rejects.toThrow(/no ID token/);
  });

  it('hands the desk’s state back unchanged and puts its nonce in the ID token', async () => {
    const flow = new HttpSignIn(engine.url);
    const state = `s-${randomBytes(12).toString('hex')}`;
    const nonce = `n-${randomBytes(12).toString('hex')}`;
    const { location, verifier } = await flow.authorize({ state, nonce });
    const submitted = await flow.submitForm(interactionPath(location), admin);
    const back = await codeAfterSignIn(flow, submitted);
    expect(back.searchParams.get('state')).toBe(state);
    const token = await flow.exchange(back.searchParams.get('code') ?? '', verifier);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims.nonce).toBe(nonce);
  });
});

describe('the sign-in form, attacked', () => {
  it('keeps its cookies from other sites and from scripts: HttpOnly, SameSite, under /oidc only', async () => {
    const { response } = await new HttpSignIn(engine.url).authorize();
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie, cookie).toMatch(/;\s*httponly/i);
      expect(cookie, cookie).toMatch(/;\s*samesite=(lax|strict)/i);
      expect(cookie, cookie).toMatch(/;\s*path=\/oidc/i);
    }
  });

  it('signs nobody in from a form posted without its interaction cookie (another site, another browser)', async () => {
    const { location } = await new HttpSignIn(engine.url).authorize();
    const stranger = new HttpSignIn(engine.url);
    const posted = await stranger.submitForm(interactionPath(location), admin);
    expect(posted.status).toBe(400);
    expect(posted.headers.get('location')).toBeNull();
  });

  it('answers a form in bytes that are not UTF-8, or of another type, as a wrong password, and changes nothing', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', Buffer.from([0x75, 0x3d, 0xff, 0xfe, 0x26, 0x70, 0x3d, 0xc3])],
      ['application/x-www-form-urlencoded', Buffer.from(`username=${admin.username}&password=%FF%FE%ZZ`)],
      ['text/plain', Buffer.from(`username=${admin.username}&password=${admin.password}`)],
      ['multipart/form-data; boundary=x', Buffer.from('--x--')],
    ] as const) {
      const flow = new HttpSignIn(engine.url);
      const { location } = await flow.authorize();
      const answer = await flow.request(interactionPath(location), {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(answer.status, type).toBe(401);
      expect(await answer.text()).not.toContain(admin.password);
    }
    await expect(new HttpSignIn(engine.url).signIn(admin)).resolves.toMatch(/^ey/);
  });

  it('stops trying passwords for a login name after ten wrong ones in a row, as Cognito does, known name or not', async () => {
    const victim = await createAccount(engine.url, dataDir, {
      role: 'akimat',
      scope: '1952',
      name: 'Аудан әкімдігі',
      username: 'akimat.guessed',
    });
    const attempt = async (credentials: Credentials) => {
      const flow = new HttpSignIn(engine.url);
      const { location } = await flow.authorize({ ui_locales: 'en' });
      return flow.submitForm(`${interactionPath(location)}?lang=en`, credentials);
    };
    for (let guess = 0; guess < 10; guess += 1) {
      expect((await attempt({ username: victim.username, password: `guess-${guess}` })).status).toBe(401);
    }
    // The eleventh try, even with the right password, is refused without being checked: a guesser learns nothing.
    const started = performance.now();
    const throttled = await attempt(victim);
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain('Too many');
    expect(performance.now() - started).toBeLessThan(2_000);
    // An unknown name is throttled the same way, so that throttling tells nobody which names exist.
    for (let guess = 0; guess < 10; guess += 1) await attempt({ username: 'nobody.1952', password: 'x' });
    expect((await attempt({ username: 'nobody.1952', password: 'x' })).status).toBe(429);
    // Another person's sign-in goes on meanwhile.
    await expect(new HttpSignIn(engine.url).signIn(admin)).resolves.toMatch(/^ey/);
  }, 60_000);

  it('keeps the engine’s memory bounded, and its API answering, under many sign-ins at once (32 MiB each)', async () => {
    const status = () => readFileSync(`/proc/${engine.child.pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1] ?? 0);
    const before = kib('VmRSS');
    const flows = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const flow = new HttpSignIn(engine.url);
        const { location } = await flow.authorize();
        return { flow, path: interactionPath(location), username: `parallel.${i}` };
      }),
    );
    const flood = Promise.all(
      flows.map(({ flow, path, username }) => flow.submitForm(path, { username, password: 'wrong' })),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A read of the table meanwhile: LevelDB works on the same threads as scrypt.
    const started = performance.now();
    const elections = await fetch(`${engine.url}/elections?district=1952`);
    const apiMs = performance.now() - started;
    const answers = await flood;
    expect(elections.status).toBe(200);
    expect(apiMs).toBeLessThan(1_500);
    for (const answer of answers) expect([401, 503]).toContain(answer.status);
    // At most a few scrypt computations at once: 24 at once would be 768 MiB.
    expect(kib('VmHWM') - before).toBeLessThan(320 * 1024);
  }, 90_000);
});

describe('tokens, forged or out of place', () => {
  it('refuses a desk ID token on the engine’s admin routes, and an operator token on the API', async () => {
    const idToken = await new HttpSignIn(engine.url).signIn(admin);
    const asOperator = await fetch(`${engine.url}/admin/accounts`, {
      headers: { authorization: `Bearer ${idToken}` },
    });
    expect(asOperator.status).toBe(401);
    const operator = await LocalTokens.inDataDir(dataDir).issueOperator('someone', 300);
    const onApi = await fetch(`${engine.url}/accounts`, { headers: { authorization: `Bearer ${operator}` } });
    expect(onApi.status).toBe(401);
  });

  it('refuses the token of an account disabled after it signed in, at once', async () => {
    const clerk = await createAccount(engine.url, dataDir, {
      role: 'commission',
      scope: '1952',
      name: 'Секретарь',
      username: 'clerk.disabled',
      admin: true,
    });
    const token = await new HttpSignIn(engine.url).signIn(clerk);
    const before = await fetch(`${engine.url}/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect(before.status).toBe(200);
    await disableAccount(engine.url, dataDir, clerk.username);
    const after = await fetch(`${engine.url}/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it('refuses a token of the engine’s own key whose hour is over', async () => {
    const tokens = LocalTokens.inDataDir(dataDir);
    const caller = { role: 'commission', subject: admin.accountId, district: '1952', admin: true } as const;
    const expired = await tokens.issue(caller, -5);
    const answer = await fetch(`${engine.url}/accounts`, { headers: { authorization: `Bearer ${expired}` } });
    expect(answer.status).toBe(401);
    const fresh = await tokens.issue(caller, 60);
    expect(
      (await fetch(`${engine.url}/accounts`, { headers: { authorization: `Bearer ${fresh}` } })).status,
    ).toBe(200);
  });

  it('sends nobody elsewhere on signing out, whatever post_logout_redirect_uri says', async () => {
    const idToken = await new HttpSignIn(engine.url).signIn(admin);
    const query = new URLSearchParams({
      id_token_hint: idToken,
      client_id: 'desk',
      post_logout_redirect_uri: 'https://evil.example/',
    });
    const answer = await fetch(`${engine.url}/oidc/session/end?${query}`, { redirect: 'manual' });
    expect(answer.headers.get('location') ?? '').not.toContain('evil.example');
    expect(await answer.text()).not.toContain('evil.example');
  });

  it('refuses a token with its signature moved onto other claims, or with another kid', async () => {
    const token = await new HttpSignIn(engine.url).signIn(admin);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elsewhere = Buffer.from(JSON.stringify({ ...claims, 'custom:district': '1953' })).toString(
      'base64url',
    );
    const otherKid = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), kid: '../../x' }),
    ).toString('base64url');
    for (const forged of [`${header}.${elsewhere}.${signature}`, `${otherKid}.${payload}.${signature}`]) {
      const answer = await fetch(`${engine.url}/accounts`, {
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(answer.status).toBe(401);
    }
  });
});
