import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { type DeskConfig, loadDeskConfig } from '../desk-config.ts';
import { currentLanguage } from '../i18n/language.ts';
import { oidcSettings, signOutArgs } from './oidc-settings.ts';

/** Who is signed in to the desk, from their ID token's claims; `token` is the ID token, which the API reads. */
export interface DeskUser {
  readonly name: string;
  readonly role: 'commission' | 'akimat' | 'party' | 'candidate';
  readonly district?: string;
  readonly partyId?: string;
  readonly admin: boolean;
  readonly token: string;
}

const ROLES: readonly DeskUser['role'][] = ['commission', 'akimat', 'party', 'candidate'];

let manager: Promise<{ users: UserManager; config: DeskConfig }> | undefined;

/**
 * One sign-in path for both places: OpenID Connect's authorization code flow with PKCE, against the Cognito user
 * pool on AWS and the engine's own provider locally, as `/desk-config.json` says. The user is kept in
 * sessionStorage: it ends with the tab, and no other site's script can read it.
 */
function signInClient(): Promise<{ users: UserManager; config: DeskConfig }> {
  manager ??= loadDeskConfig().then((config) => {
    const users = new UserManager({
      ...oidcSettings(config, location.origin),
      userStore: new WebStorageStateStore({ store: sessionStorage }),
      stateStore: new WebStorageStateStore({ store: sessionStorage }),
    });
    // A minute before the token ends (oidc-client-ts's timer), renewed through the same single renewal as a
    // request that finds it expired: after a sleep both come at once.
    users.events.addAccessTokenExpiring(() => {
      void renewedUser(users);
    });
    return { config, users };
  });
  return manager;
}

async function userManager(): Promise<UserManager> {
  return (await signInClient()).users;
}

/** Sends the browser to the sign-in page, in the desk's language; it comes back to the page it left. */
export async function signIn(): Promise<void> {
  await (await userManager()).signinRedirect({
    state: { returnTo: location.hash },
    ui_locales: currentLanguage(),
  });
}

/**
 * At start-up: when the browser is back from the sign-in page (`?code=…&state=…`, or `?error=…`), finishes the
 * sign-in and takes the code out of the address bar. True if it handled such a return.
 */
export async function completeSignIn(): Promise<boolean> {
  const query = new URLSearchParams(location.search);
  if (!query.has('state') || !(query.has('code') || query.has('error'))) return false;
  let returnTo = location.hash;
  try {
    const user = await (await userManager()).signinRedirectCallback();
    const state = user.state;
    if (
      typeof state === 'object' &&
      state !== null &&
      'returnTo' in state &&
      typeof state.returnTo === 'string'
    ) {
      returnTo = state.returnTo;
    }
  } finally {
    // The code is single-use: a reload must not try it again, nor may it linger in the history.
    history.replaceState(null, '', `${location.pathname}${returnTo}`);
  }
  return true;
}

/**
 * Ends the desk's session and the provider's, at its sign-out page: Cognito's `/logout` on AWS (named by the
 * config), the engine's own locally (named by its discovery). With no such page, only the desk's session ends.
 */
export async function signOut(): Promise<void> {
  const { users, config } = await signInClient();
  const user = await users.getUser();
  const endSession = await users.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (endSession === undefined) {
    await users.removeUser();
    location.assign('/');
    return;
  }
  await users.signoutRedirect(signOutArgs(config, location.origin, user?.id_token, currentLanguage()));
}

/** The renewal under way, which everyone who wants one waits for. */
let renewal: Promise<User | null> | undefined;

/**
 * The user renewed with their refresh token, by one request at a time whoever asks (the expiring timer, requests
 * that find the token expired): the engine's provider rotates refresh tokens and takes a spent one offered again
 * as stolen, ending the session, so two renewals at once would sign the clerk out. Null when there is nothing to
 * renew with or the renewal is refused (the account was disabled, the session ended).
 */
function renewedUser(users: UserManager): Promise<User | null> {
  renewal ??= users
    .getUser()
    // signinSilent reads the refresh token from the store when it starts, so a renewal begun after another one
    // ended spends the new token, never the spent one.
    .then((user) => (user?.refresh_token === undefined ? null : users.signinSilent()))
    .catch(() => null)
    .finally(() => {
      renewal = undefined;
    });
  return renewal;
}

/**
 * The stored user, renewed when its ID token has expired (a laptop that slept through the renewal before the end,
 * a reload after the hour). Null when nobody signed in; the expired user when the renewal is refused, so that the
 * API's 401 tells the desk to sign in again.
 */
async function freshUser(): Promise<User | null> {
  const users = await userManager();
  const user = await users.getUser();
  if (user === null || user.expired === false || user.refresh_token === undefined) return user;
  return (await renewedUser(users)) ?? user;
}

/** The ID token the API is to read now: renewed when it had expired; null when nobody is signed in. */
export async function sessionToken(): Promise<string | null> {
  return (await freshUser())?.id_token ?? null;
}

/** The signed-in user, or null when nobody is or their session has ended (expired, and not renewed). */
export async function currentUser(): Promise<DeskUser | null> {
  const user = await freshUser();
  if (user === null || user.expired !== false || user.id_token === undefined) return null;
  const claims: Record<string, unknown> = user.profile;
  const groups = groupsOf(claims['cognito:groups']);
  const role = ROLES.find((r) => groups.includes(r));
  if (role === undefined) return null;
  const text = (name: string): string | undefined => {
    const value = claims[name];
    return typeof value === 'string' ? value : undefined;
  };
  const district = text('custom:district');
  const partyId = text('custom:party');
  return {
    name: text('name') ?? text('cognito:username') ?? '',
    role,
    ...(district === undefined ? {} : { district }),
    ...(partyId === undefined ? {} : { partyId }),
    admin: role === 'commission' && groups.includes('admin'),
    token: user.id_token,
  };
}

/** Cognito's groups claim: a list (in an ID token), or one string "[a b]" where a gateway flattened it. */
function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string')
    return value
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  return [];
}
