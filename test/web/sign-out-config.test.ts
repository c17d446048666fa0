import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemoryWebStorage, OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { oidcSettings, signOutArgs } from '../../web/src/auth/oidc-settings.ts';
import { type DeskConfig, loadDeskConfig } from '../../web/src/desk-config.ts';

const DESK = 'https://desk.example.kz';

/**
 * A provider's discovery document served over loopback: Cognito's names no end_session_endpoint (its `/logout`
 * is not OpenID's), the engine's local provider names its own.
 */
let provider: Server;
let issuer: string;
const discovery = { withEndSession: false };

beforeAll(async () => {
  provider = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/oauth2/authorize`,
        token_endpoint: `${issuer}/oauth2/token`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        ...(discovery.withEndSession ? { end_session_endpoint: `${issuer}/session/end` } : {}),
      }),
    );
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));
afterEach(() => vi.unstubAllGlobals());

/** The URL the desk's "sign out" button sends the browser to, built by oidc-client-ts from the desk's config. */
async function signOutUrl(config: DeskConfig, idToken: string | undefined): Promise<URL> {
  const client = new OidcClient({
    ...oidcSettings(config, DESK),
    stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  });
  const request = await client.createSignoutRequest(signOutArgs(config, DESK, idToken, 'ru'));
  return new URL(request.url);
}

describe('signing out of the desk', () => {
  it('on AWS goes to Cognito’s /logout with only client_id and the desk as logout_uri, the ID token not in the URL', async () => {
    discovery.withEndSession = false;
    const url = await signOutUrl(
      {
        authority: issuer,
        clientId: 'desk-client',
        apiUrl: 'https://api.example.kz',
        endSessionEndpoint: 'https://nominations.auth.eu-central-1.amazoncognito.com/logout',
      },
      'header.payload.signature',
    );
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://nominations.auth.eu-central-1.amazoncognito.com/logout',
    );
    expect([...url.searchParams.entries()]).toEqual([
      ['client_id', 'desk-client'],
      ['logout_uri', `${DESK}/`],
    ]);
  });

  it('locally goes to the engine’s own sign-out page with the ID token as hint, back to the desk, in its language', async () => {
    discovery.withEndSession = true;
    const url = await signOutUrl(
      { authority: issuer, clientId: 'desk', apiUrl: issuer },
      'header.payload.signature',
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toBe('header.payload.signature');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${DESK}/`);
    expect(url.searchParams.get('ui_locales')).toBe('ru');
    expect(url.searchParams.has('logout_uri')).toBe(false);
  });

  it('reads the sign-out page from the config AWS writes, and does without it where the config has none', async () => {
    const served = (body: unknown) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body)));
    const base = { authority: issuer, clientId: 'desk-client', apiUrl: 'https://api.example.kz' };
    served({ ...base, endSessionEndpoint: 'https://x.auth.eu-central-1.amazoncognito.com/logout' });
    expect(await loadDeskConfig()).toEqual({
      ...base,
      endSessionEndpoint: 'https://x.auth.eu-central-1.amazoncognito.com/logout',
    });
    served(base);
    expect(await loadDeskConfig()).toEqual(base);
    // A malformed entry is no sign-out page: the desk signs out of itself rather than going nowhere.
    served({ ...base, endSessionEndpoint: 42 });
    expect(await loadDeskConfig()).toEqual(base);
  });
});
