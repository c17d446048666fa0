import { render } from 'preact';
import { createDeskClient } from './api/client.ts';
import { App } from './app.tsx';
import { completeSignIn, currentUser, sessionToken, signIn, signOut } from './auth/session.ts';
import { loadDeskConfig } from './desk-config.ts';
import { currentLanguage } from './i18n/language.ts';

async function start(root: HTMLElement) {
  const config = await loadDeskConfig();
  // Back from the sign-in page: the code is exchanged, and a user who came from nowhere in particular starts at
  // their elections.
  const returned = await completeSignIn().catch(() => false);
  if (returned && (location.hash === '' || location.hash === '#/')) location.hash = '#/elections';
  const user = await currentUser();
  let sessionEnded = false;
  const show = () =>
    render(
      <App
        desk={{ client, user, apiUrl: config.apiUrl }}
        sessionEnded={sessionEnded}
        onSignIn={() => {
          signIn().catch(() => undefined);
        }}
        onSignOut={() => {
          signOut().catch(() => undefined);
        }}
      />,
      root,
    );
  const client = createDeskClient({
    apiUrl: config.apiUrl,
    // Read on every request: oidc-client-ts renews the token in the background, and one found expired is renewed
    // before the request goes, so a page keeps working, and what was typed in it stays, past the token's hour.
    token: sessionToken,
    language: currentLanguage,
    // The token expired while the desk was open: the header offers to sign in again and says why; the page, and
    // anything typed in it, stays.
    onSignedOut: () => {
      if (user === null || sessionEnded) return;
      sessionEnded = true;
      show();
    },
  });
  // The "loading" line index.html shows until now.
  root.replaceChildren();
  show();
}

const root = document.getElementById('desk');
if (root !== null) {
  start(root).catch(() => {
    root.textContent = 'Қызмет қолжетімсіз · Сервис недоступен · The service is unavailable';
  });
}
