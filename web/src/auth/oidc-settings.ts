import type { SignoutRedirectArgs, UserManagerSettings } from 'oidc-client-ts';
import type { DeskConfig } from '../desk-config.ts';

/**
 * The OpenID client's settings from `/desk-config.json`, but for where it keeps its state (the browser's
 * sessionStorage, given by session.ts). Where the config names a sign-out page (Cognito's `/logout` on AWS, which
 * Cognito's discovery document leaves out) it is seeded into the provider's metadata; locally the engine's
 * provider names its own in discovery.
 */
export function oidcSettings(
  config: DeskConfig,
  origin: string,
): Omit<UserManagerSettings, 'userStore' | 'stateStore'> {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    ...(config.endSessionEndpoint === undefined
      ? {}
      : { metadataSeed: { end_session_endpoint: config.endSessionEndpoint } }),
    // The hour-long ID token is renewed with the refresh token both Cognito and the engine issue the desk's client
    // (a token request, no hidden frame), but by session.ts, not by oidc-client-ts's own timer: session.ts renews
    // a minute before the end and when a request finds the token expired, through one renewal, where this timer
    // would renew beside it and spend the same refresh token twice (after a sleep both fire at once).
    automaticSilentRenew: false,
    monitorSession: false,
  };
}

/**
 * The sign-out request's parameters. Cognito's `/logout` takes `client_id` and `logout_uri` (one of the app
 * client's sign-out URLs, the desk's `/`) and none of OpenID's: no `post_logout_redirect_uri`, no
 * `id_token_hint`. The engine's provider takes OpenID's, the ID token as the hint and the desk's language.
 */
export function signOutArgs(
  config: DeskConfig,
  origin: string,
  idToken: string | undefined,
  language: string,
): SignoutRedirectArgs {
  if (config.endSessionEndpoint !== undefined) {
    return {
      // Empty: oidc-client-ts then sends no post_logout_redirect_uri, no state and no client_id of its own.
      post_logout_redirect_uri: '',
      extraQueryParams: { client_id: config.clientId, logout_uri: `${origin}/` },
    };
  }
  return {
    ...(idToken === undefined ? {} : { id_token_hint: idToken }),
    extraQueryParams: { ui_locales: language },
  };
}
