import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type KoaContext } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { CallerSchema } from '../../../shared/auth/caller.ts';
import { claimsOf } from '../../../shared/auth/claims.ts';
import type { Account } from '../../../shared/domain/account.ts';
import { type Language, negotiateLanguage } from '../../../shared/domain/language.ts';
import type { LocalTokens } from '../local-tokens.ts';
import type { LocalAccountDirectory, SignInOutcome } from './local-account-directory.ts';
import { SignInGuard } from './sign-in-guard.ts';
import { messagePage, pageText, sendPage, signInPage, signOutPage } from './sign-in-page.ts';

/** Where the provider is mounted on the engine's server. */
export const OIDC_PATH = '/oidc';
/** The desk's client id: a public client (no secret) that must use PKCE. */
export const DESK_CLIENT_ID = 'desk';
/** An ID token lives an hour, as Cognito's; the desk renews it with its refresh token before it ends. */
const ID_TOKEN_SECONDS = 3600;
/** A refresh token, and the grant behind it, lasts a working day, as the provider's session does. */
const SESSION_SECONDS = 8 * 3600;

/**
 * The ID token's lifetime from `ID_TOKEN_SECONDS` (tests shorten it to see a renewal): whole seconds, 5 to 3,600;
 * an hour when not given. A value out of range stops the engine rather than signing tokens nobody meant.
 */
export function idTokenLifetime(value: string | undefined): number {
  if (value === undefined || value === '') return ID_TOKEN_SECONDS;
  const seconds = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds >= 5 && seconds <= ID_TOKEN_SECONDS)) {
    throw new Error(`ID_TOKEN_SECONDS must be whole seconds from 5 to ${ID_TOKEN_SECONDS}, not ${value}`);
  }
  return seconds;
}
/** The longest form a sign-in may post: a username and a password, with room to spare. */
const MAX_FORM_BYTES = 4096;

/** An account's ID token claims: what the API reads of a caller (Cognito's names), and the name the desk shows. */
export function claimsOfAccount(account: Account): Record<string, unknown> {
  const caller = CallerSchema.parse({
    role: account.role,
    subject: account.accountId,
    ...account.scope,
    ...(account.admin ? { admin: true } : {}),
    // A party's or a candidate's account acts in the elections of the district that made it (as on Cognito).
    ...((account.role === 'party' || account.role === 'candidate') && account.managedBy !== undefined
      ? { managedBy: account.managedBy }
      : {}),
  });
  if (caller.role === 'public') throw new Error('an account always has a role');
  return { ...claimsOf(caller), name: account.name };
}

export interface SignInServiceOptions {
  /** The engine's URL, `http://127.0.0.1:<port>`: the issuer is `<url>/oidc`, the desk's redirect `<url>/`. */
  readonly engineUrl: string;
  readonly tokens: LocalTokens;
  readonly accounts: LocalAccountDirectory;
  /** How long an ID token lives (`idTokenLifetime`); an hour when not given. */
  readonly idTokenSeconds?: number;
}

/**
 * The engine's OpenID provider (oidc-provider), so that the desk signs in locally as it does on AWS against
 * Cognito: authorization code with PKCE, ID tokens signed with the engine's key. Sessions, codes and grants live
 * in the provider's memory: a restart of the engine signs everybody out of the provider (tokens already issued
 * stay valid until they expire). Answers every request under `/oidc`.
 */
export function createSignInService(options: SignInServiceOptions) {
  const { engineUrl, tokens, accounts } = options;
  const idTokenSeconds = options.idTokenSeconds ?? ID_TOKEN_SECONDS;
  const issuer = `${engineUrl}${OIDC_PATH}`;
  const provider = new Provider(issuer, {
    // The provider's own memory store, chosen on purpose (given explicitly, it is not warned about at start-up).
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: DESK_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        // Refresh tokens, as Cognito issues the desk's client: the desk renews its hour-long ID token with them.
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${engineUrl}/`],
        post_logout_redirect_uris: [`${engineUrl}/`],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [tokens.signingJwk] },
    // Cookie signing keys: new for each process, like the sessions the cookies name.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      profile: [
        'name',
        'cognito:groups',
        'custom:district',
        'custom:party',
        'custom:iin',
        'custom:managed_by',
      ],
    },
    // The API reads the ID token (as from Cognito), so it carries the profile claims itself.
    conformIdTokenClaims: false,
    // The desk uses the code flow only: nothing else is offered in discovery, nor accepted.
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: false },
      // On by default in this version; the desk does not push its requests, so the endpoint is not offered.
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource },
    },
    pkce: { required: () => true },
    // As Cognito does for a code flow: a refresh token with every sign-in, without asking for `offline_access`
    // (which Cognito does not know), so the desk asks both for the same scopes. Without it the token is bound to
    // the provider's session: signing out, or the session's 8 hours, ends the renewals too.
    issueRefreshToken: async () => true,
    // Each renewal spends its refresh token and gets a new one; one spent token used again revokes the grant.
    rotateRefreshToken: () => true,
    ttl: {
      IdToken: idTokenSeconds,
      AccessToken: idTokenSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: SESSION_SECONDS,
      Grant: SESSION_SECONDS,
      RefreshToken: SESSION_SECONDS,
    },
    // A disabled account's session ends at its next use, a renewal too: the provider finds no account behind it.
    findAccount: async (_ctx, sub) => {
      const account = await accounts.find(sub);
      if (account === null || account.disabled) return undefined;
      return { accountId: sub, claims: async () => claimsOfAccount(account) };
    },
    interactions: { url: async (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    // The desk is the engine's own client: signing in grants it `openid profile` without a consent page.
    loadExistingGrant: async (ctx) => {
      const { client, session, result } = ctx.oidc;
      if (client === undefined || session?.accountId === undefined) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId !== undefined) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      const language = languageOf(ctx.oidc.params?.ui_locales, undefined);
      ctx.type = 'html';
      // The provider's error code, quoted; its description (English, and may echo the request) is not shown.
      const reason = /^[a-z_]{1,64}$/.test(out.error ?? '') ? out.error : 'invalid_request';
      ctx.body = messagePage(
        language,
        pageText('SIGN_IN_TITLE', language),
        pageText('SIGN_IN_REQUEST_REFUSED', language, { reason }),
      );
    },
  });
  tokens.trust(issuer, DESK_CLIENT_ID);
  const handle = provider.callback();
  const guard = new SignInGuard();

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const language = languageOf(url.searchParams.get('lang'), req.headers['accept-language']);
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      // No interaction cookie, or it expired: the sign-in has to start again from the desk.
      const title = pageText('SIGN_IN_TITLE', language);
      return sendPage(res, 400, messagePage(language, title, pageText('SIGN_IN_EXPIRED', language)));
    }
    const chosen = languageOf(
      url.searchParams.get('lang') ?? details.params.ui_locales,
      req.headers['accept-language'],
    );
    const path = `${OIDC_PATH}/interaction/${details.uid}`;
    if (req.method === 'GET') return sendPage(res, 200, signInPage({ language: chosen, path }));
    if (req.method !== 'POST') {
      const refused = pageText('SIGN_IN_REQUEST_REFUSED', chosen, { reason: 'method_not_allowed' });
      return sendPage(res, 405, messagePage(chosen, pageText('SIGN_IN_TITLE', chosen), refused));
    }
    const form = await readForm(req, res);
    const username = (form?.get('username') ?? '').slice(0, 64);
    const password = (form?.get('password') ?? '').slice(0, 1024);
    let outcome: SignInOutcome | undefined;
    const checked = await guard.check(username, async () => {
      outcome = await accounts.signIn(username, password);
      return { matched: outcome.ok || outcome.reason === 'disabled' };
    });
    if (checked === 'throttled' || checked === 'busy') {
      const problem = checked === 'throttled' ? 'SIGN_IN_THROTTLED' : 'SIGN_IN_BUSY';
      res.setHeader('retry-after', checked === 'throttled' ? '60' : '5');
      return sendPage(
        res,
        checked === 'throttled' ? 429 : 503,
        signInPage({ language: chosen, path, username, problem }),
      );
    }
    if (outcome === undefined || !outcome.ok) {
      const problem = outcome?.reason === 'disabled' ? 'SIGN_IN_ACCOUNT_DISABLED' : 'SIGN_IN_FAILED';
      return sendPage(res, 401, signInPage({ language: chosen, path, username, problem }));
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: outcome.account.accountId } },
      { mergeWithLastSubmission: false },
    );
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(`${OIDC_PATH}/interaction/`)) return interaction(req, res, url);
    // The provider routes on the path below its mount point, and finds the mount point in `originalUrl`.
    Object.assign(req, { originalUrl: req.url });
    req.url = (req.url ?? '/').slice(OIDC_PATH.length) || '/';
    handle(req, res);
  };
}

/** The language a page is shown in: the one chosen on the page, the desk's (`ui_locales`), the browser's. */
function languageOf(chosen: unknown, acceptLanguage: string | undefined): Language {
  const first = typeof chosen === 'string' ? chosen.split(/\s+/)[0] : undefined;
  return first === 'kk' || first === 'ru' || first === 'en' ? first : negotiateLanguage(acceptLanguage);
}

async function logoutSource(ctx: KoaContext, form: string): Promise<void> {
  const language = languageOf(ctx.oidc.params?.ui_locales, undefined);
  ctx.type = 'html';
  ctx.body = signOutPage(language, form);
}

/**
 * A urlencoded form of at most 4 KB, or null (a larger or other body is no sign-in). A larger one is left unread,
 * and the connection closes after the answer, so that it cannot carry the rest as another request.
 */
function readForm(req: IncomingMessage, res: ServerResponse): Promise<URLSearchParams | null> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const refuse = () => {
    res.setHeader('connection', 'close');
    return null;
  };
  if (
    type !== 'application/x-www-form-urlencoded' ||
    Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES
  ) {
    return Promise.resolve(refuse());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        req.off('data', onData);
        req.pause();
        resolve(refuse());
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.once('error', reject);
  });
}
