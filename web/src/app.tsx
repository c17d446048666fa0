import { useEffect, useState } from 'preact/hooks';
import { outcome } from './api/problem.ts';
import type { DeskUser } from './auth/session.ts';
import { type Desk, DeskContext, useDesk } from './desk-context.ts';
import { languageNames, languages, setLanguage, useWords } from './i18n/language.ts';
import { useOutcome } from './lib/use-outcome.ts';
import { AccountsPage } from './pages/accounts-page.tsx';
import { CasePage } from './pages/case-page.tsx';
import { CaseDocumentPage, ListDocumentPage } from './pages/document-page.tsx';
import { ElectionPage } from './pages/election-page.tsx';
import { ElectionsPage } from './pages/elections-page.tsx';
import { MyCasesPage } from './pages/my-cases-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NoticesPage } from './pages/notices-page.tsx';
import { PublicElectionPage } from './pages/public-election-page.tsx';
import { StartPage } from './pages/start-page.tsx';
import { hrefOf, type Route, routeOf } from './routes.ts';

export interface AppProps {
  readonly desk: Desk;
  readonly onSignIn: () => void;
  readonly onSignOut: () => void;
  /**
   * The API refused the token (it expired while the desk was open): the page stays as it is, with what was typed
   * in it, and the header asks to sign in again.
   */
  readonly sessionEnded?: boolean;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** The desk's frame: skip link, header with the language switch and sign-in, and the page the hash names. */
export function App({ desk, onSignIn, onSignOut, sessionEnded = false }: AppProps) {
  const { t } = useWords();
  const route = useRoute();
  return (
    <DeskContext.Provider value={desk}>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link (GOV.UK's pattern); its hash would be read as a route, so the click moves focus itself */}
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t('skipLink')}
      </a>
      <header class="header">
        <p class="app-name">
          <a href="#/">{t('appName')}</a>
        </p>
        <nav aria-label={t('mainNav')}>
          <ul>
            <li>
              <a href="#/">{t('navHome')}</a>
            </li>
            {desk.user && (
              <>
                <li>
                  <a href="#/elections">{t('navElections')}</a>
                </li>
                <li>
                  <a href="#/notices">
                    {t('navNotices')}
                    <UnreadCount route={route} />
                  </a>
                </li>
                {(desk.user.role === 'party' || desk.user.role === 'candidate') && (
                  <li>
                    <a href="#/my-cases">{t('navMyCases')}</a>
                  </li>
                )}
                {desk.user.admin && (
                  <li>
                    <a href="#/accounts">{t('navAccounts')}</a>
                  </li>
                )}
              </>
            )}
          </ul>
        </nav>
        <div class="header-tools">
          <LanguageSwitch />
          <Account user={sessionEnded ? null : desk.user} onSignIn={onSignIn} onSignOut={onSignOut} />
        </div>
      </header>
      {sessionEnded && (
        <p class="warning" role="alert">
          {t('sessionEnded')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Page route={route} signedIn={desk.user !== null} />
      </main>
    </DeskContext.Provider>
  );
}

/** The skip link's target is the main landmark; a hash link would be read as a route. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Page({ route, signedIn }: { readonly route: Route; readonly signedIn: boolean }) {
  const { t } = useWords();
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'public':
      return <PublicElectionPage key={route.electionId} electionId={route.electionId} />;
    case 'list-document':
      return <ListDocumentPage key={`${route.electionId}/${route.language}`} {...route} />;
    case 'not-found':
      return <NotFoundPage />;
  }
  if (!signedIn) return <p class="warning">{t('signInNeeded')}</p>;
  switch (route.page) {
    case 'elections':
      return <ElectionsPage />;
    case 'notices':
      return <NoticesPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'my-cases':
      return <MyCasesPage />;
    case 'election':
      return <ElectionPage key={route.electionId} electionId={route.electionId} />;
    case 'case':
      return (
        <CasePage
          key={`${route.electionId}/${route.caseId}`}
          electionId={route.electionId}
          caseId={route.caseId}
        />
      );
    case 'document':
      return <CaseDocumentPage key={hrefOf(route)} {...route} />;
  }
}

function chooseLanguage(value: string) {
  const chosen = languages.find((language) => language === value);
  if (chosen !== undefined) setLanguage(chosen);
}

function LanguageSwitch() {
  const { t, language } = useWords();
  return (
    <div class="language-switch">
      <label for="language">{t('language')}</label>
      <select id="language" value={language} onChange={(event) => chooseLanguage(event.currentTarget.value)}>
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Account({
  user,
  onSignIn,
  onSignOut,
}: {
  readonly user: DeskUser | null;
  readonly onSignIn: () => void;
  readonly onSignOut: () => void;
}) {
  const { t } = useWords();
  if (user === null)
    return (
      <button type="button" class="secondary-button" onClick={onSignIn}>
        {t('signIn')}
      </button>
    );
  const roles = {
    commission: t('roleCommission'),
    akimat: t('roleAkimat'),
    party: t('roleParty'),
    candidate: t('roleCandidate'),
  };
  return (
    <div class="account">
      <span>{t('signedInAs', { name: user.name, role: roles[user.role] })}</span>
      <button type="button" class="secondary-button" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </div>
  );
}

/** How many notices wait unread, read again on every page change: the inbox's count beside its link. */
function UnreadCount({ route }: { readonly route: Route }) {
  const { t } = useWords();
  const { client, user } = useDesk();
  const district = user?.district;
  const [inbox] = useOutcome(
    () =>
      outcome(
        client.GET('/notices', { params: { query: district === undefined ? {} : { district } } }),
        t('networkError'),
      ),
    [route, district],
  );
  if (inbox === null || !inbox.ok || inbox.data.unread === 0) return null;
  return <span class="tag"> {t('unreadCount', { count: inbox.data.unread })}</span>;
}
