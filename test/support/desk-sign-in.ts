import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import type { AccountRole } from '../../shared/domain/account.ts';

/** What a test needs to sign in as an account. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface AccountRequest {
  readonly role: AccountRole;
  /** A district (commission, akimat), a party id, or a candidate's IIN. */
  readonly scope: string;
  readonly name: string;
  readonly admin?: boolean;
  readonly username?: string;
  /** The district managing a party's or a candidate's account. */
  readonly managedBy?: string;
}

const CreatedSchema = z.object({
  account: z.object({ accountId: z.string(), username: z.string() }),
  initialPassword: z.string(),
});

/** Disables an account as `npm run users -- disable <username>` does. */
export async function disableAccount(engineUrl: string, dataDir: string, username: string): Promise<void> {
  const token = await LocalTokens.inDataDir(dataDir).issueOperator('test-operator', 300);
  const response = await fetch(`${engineUrl}/admin/accounts/${encodeURIComponent(username)}/disablement`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status !== 200) throw new Error(`account not disabled: ${response.status}`);
}

/**
 * Creates an account as `npm run users -- add` does: through the running engine's operator route, with a token
 * signed by the key in its data folder. Answers the login name and the first password.
 */
export async function createAccount(
  engineUrl: string,
  dataDir: string,
  request: AccountRequest,
): Promise<Credentials & { readonly accountId: string }> {
  const token = await LocalTokens.inDataDir(dataDir).issueOperator('test-operator', 300);
  const { role, scope, name, username, admin = false, managedBy } = request;
  const response = await fetch(`${engineUrl}/admin/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      account: { role, scope, name, ...(username === undefined ? {} : { username }) },
      admin,
      ...(managedBy === undefined ? {} : { managedBy }),
    }),
  });
  if (response.status !== 200)
    throw new Error(`account not created: ${response.status} ${await response.text()}`);
  const created = CreatedSchema.parse(await response.json());
  return {
    accountId: created.account.accountId,
    username: created.account.username,
    password: created.initialPassword,
  };
}

/** The part of playwright-core's Page the sign-in drives (so this file needs no browser to be imported). */
interface SignInPage {
  goto(url: string): Promise<unknown>;
  waitForURL(url: string | RegExp | ((url: URL) => boolean), options?: { timeout?: number }): Promise<void>;
  getByLabel(text: string | RegExp): { fill(value: string): Promise<void> };
  getByRole(role: 'button', options: { name: string | RegExp }): { click(): Promise<void> };
}

const USERNAME_LABEL = /Пайдаланушы аты|Имя пользователя|Username/;
const PASSWORD_LABEL = /Құпиясөз|Пароль|Password/;
const SUBMIT = /^(Кіру|Войти|Sign in)$/;

/**
 * Signs in through the real form: opens the desk, presses its sign-in button (or does `startSignIn`), fills in
 * the engine's sign-in page, and waits until the browser is back at the desk.
 */
export async function signInAs(
  page: SignInPage,
  engineUrl: string,
  credentials: Credentials,
  startSignIn: () => Promise<void> = () => page.getByRole('button', { name: SUBMIT }).click(),
): Promise<void> {
  await page.goto(`${engineUrl}/`);
  await startSignIn();
  await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'), { timeout: 15_000 });
  await fillSignInForm(page, credentials);
  await page.waitForURL((url) => url.origin === engineUrl && !url.pathname.startsWith('/oidc'), {
    timeout: 15_000,
  });
}

/** Fills in and sends the sign-in form the browser shows. */
export async function fillSignInForm(page: SignInPage, credentials: Credentials): Promise<void> {
  await page.getByLabel(USERNAME_LABEL).fill(credentials.username);
  await page.getByLabel(PASSWORD_LABEL).fill(credentials.password);
  await page.getByRole('button', { name: SUBMIT }).click();
}

/** A browser without a browser: follows the OpenID flow with fetch, keeping cookies, for tests over HTTP. */
export class HttpSignIn {
  readonly #cookies = new Map<string, string>();
  readonly engineUrl: string;

  constructor(engineUrl: string) {
    this.engineUrl = engineUrl;
  }

  /** A request that keeps and sends cookies and never follows redirects. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(url, this.engineUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair !== undefined && at > 0) this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  /** Starts an authorization request as the desk does; answers where the provider sent the browser. */
  async authorize(
    overrides: Record<string, string | undefined> = {},
  ): Promise<{ location: string; verifier: string; response: Response }> {
    const verifier = randomBytes(32).toString('base64url');
    const params: Record<string, string | undefined> = {
      client_id: 'desk',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: `${this.engineUrl}/`,
      state: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...overrides,
    };
    const query = new URLSearchParams(
      Object.entries(params).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, v]])),
    );
    const response = await this.request(`/oidc/auth?${query}`);
    return { location: response.headers.get('location') ?? '', verifier, response };
  }

  /** Posts the sign-in form of an interaction page. */
  submitForm(interactionPath: string, credentials: Credentials): Promise<Response> {
    return this.request(interactionPath, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...credentials }).toString(),
    });
  }

  /** The whole flow: authorize, sign in, follow back to the desk, exchange the code. Answers the ID token. */
  async signIn(credentials: Credentials): Promise<string> {
    const { code, verifier } = await this.authorizationCode(credentials);
    return this.exchange(code, verifier);
  }

  /** Authorize and sign in, then follow the provider back to the desk: the code it brings, and its verifier. */
  async authorizationCode(credentials: Credentials): Promise<{ code: string; verifier: string }> {
    const { location, verifier } = await this.authorize();
    const submitted = await this.submitForm(new URL(location, this.engineUrl).pathname, credentials);
    if (submitted.status !== 303) throw new Error(`sign-in refused: ${submitted.status}`);
    let next = submitted.headers.get('location') ?? '';
    for (let hops = 0; hops < 5 && !next.startsWith(`${this.engineUrl}/?`); hops += 1) {
      next = (await this.request(next)).headers.get('location') ?? '';
    }
    const code = new URL(next).searchParams.get('code');
    if (code === null) throw new Error(`no code: ${next}`);
    return { code, verifier };
  }

  async exchange(code: string, verifier: string | undefined): Promise<string> {
    const response = await this.request('/oidc/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: 'desk',
        redirect_uri: `${this.engineUrl}/`,
        ...(verifier === undefined ? {} : { code_verifier: verifier }),
      }).toString(),
    });
    const body = z.object({ id_token: z.string() }).safeParse(await response.json());
    if (!body.success) throw new Error(`no ID token: ${response.status}`);
    return body.data.id_token;
  }
}
