// Issue 13 §2 "Sign-in and accounts" in a real browser: the desk sends people to the engine's sign-in page
// (OpenID Connect, code flow with PKCE, through oidc-client-ts) and back, in Kazakh and Russian; it renews the
// session with its refresh token past the ID token's life (5 s here, an hour in use), and a party's secretary
// finds the party's cases on "My cases".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/auth/caller.ts';
import { aPartyFiling } from '../support/candidates.ts';
import {
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
} from '../support/desk-browser.ts';
import { type Credentials, disableAccount, fillSignInForm, signInAs } from '../support/desk-sign-in.ts';
import { amanatSecretary, type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { newElectionInput } from '../support/elections.ts';
import { fixtureCalendar } from '../support/engine.ts';

/** How long the engine's ID tokens live in this file: short enough to outlive one in a test. */
const ID_TOKEN_SECONDS = 5;

let desk: DeskStage;
let admin: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({
    clockStart: fixtureCalendar.nominationOpen,
    idTokenSeconds: ID_TOKEN_SECONDS,
  });
  admin = await desk.account({ ...districtClerk, name: 'Айгүл Сейітова', admin: true });
}, 90_000);
afterAll(() => desk?.close());

/** Opens the desk and presses its sign-in button; answers once the engine's sign-in page shows. */
async function toSignInPage(language: 'kk' | 'ru', width = 1280) {
  const page = await openPage(desk.browser, { language, width });
  await page.goto(`${desk.url}/`);
  await page.getByRole('button', { name: language === 'kk' ? 'Кіру' : 'Войти' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
  return page;
}

describe('signing in to the desk', () => {
  it('signs a commission administrator in, and the desk greets them by name', async () => {
    const page = await openPage(desk.browser, { language: 'kk' });
    await signInAs(page, desk.url, admin);
    await expect.poll(() => page.getByText('Айгүл Сейітова').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The code and state are out of the address bar: a reload does not try them again.
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    await expect.poll(() => page.getByText('Айгүл Сейітова').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows the sign-in page in the desk’s language, readable at 360 px, with no serious accessibility fault', async () => {
    const page = await toSignInPage('ru', 360);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход в систему');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // The page's style is allowed by its hash in the page's Content-Security-Policy: it applies.
    const buttonColour = "getComputedStyle(document.querySelector('button')).backgroundColor";
    expect(await page.evaluate<string>(buttonColour)).toBe('rgb(0, 112, 60)');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a wrong password, says so, and keeps the browser on the sign-in page', async () => {
    const page = await toSignInPage('ru');
    await fillSignInForm(page, { username: admin.username, password: 'not the password' });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Неверное имя пользователя или пароль.');
    expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\//);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a disabled account, in Kazakh', async () => {
    const leaving = await desk.account({
      role: 'akimat',
      scope: '1952',
      name: 'Аудан әкімдігі',
    });
    await disableAccount(desk.url, desk.dataDir, leaving.username);
    const page = await toSignInPage('kk');
    await fillSignInForm(page, leaving);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Бұл тіркелгі өшірілген. Аудандық сайлау комиссиясының әкімшісіне хабарласыңыз.');
    await page.context().close();
  });

  it('signs out of the desk and of the engine: signing in again asks for the password', async () => {
    const page = await openPage(desk.browser, { language: 'kk' });
    await signInAs(page, desk.url, admin);
    await page.getByRole('button', { name: 'Шығу' }).click();
    // The provider asks once more (its own form, no script), then sends the browser back to the desk.
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/session/end'));
    await page.getByRole('button', { name: 'Шығу' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('button', { name: 'Кіру' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    expect(await page.getByLabel('Құпиясөз').count()).toBe(1);
    await page.context().close();
  });
});

/** The ID token the desk keeps for the signed-in user (oidc-client-ts, in sessionStorage), and when it ends. */
async function storedIdToken(page: Page) {
  const stored = await page.evaluate<string | null>(
    `(() => { const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:')); return key === undefined ? null : sessionStorage.getItem(key); })()`,
  );
  const token: string = stored === null ? '' : (JSON.parse(stored).id_token ?? '');
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}');
  return { token, expiresAt: Number(claims.exp ?? 0) * 1000 };
}

/**
 * The refresh tokens the tab offers the engine's provider, in order, each answered late (a network waking up with
 * the laptop): two renewals begun together would then both be under way before either is answered.
 */
async function refreshTokensOffered(page: Page): Promise<string[]> {
  const offered: string[] = [];
  await page.route('**/oidc/token', async (route) => {
    const form = new URLSearchParams(route.request().postData() ?? '');
    if (form.get('grant_type') === 'refresh_token') offered.push(form.get('refresh_token') ?? '');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  return offered;
}

describe('a session past the ID token’s life', () => {
  it('keeps a party secretary’s “My cases” working after a sleep, spending each refresh token once, until the account is disabled', async () => {
    const commission: Caller = { role: 'commission', subject: 'tec-clerk', district: '1952' };
    const called = await desk.api(commission, 'POST', '/elections', newElectionInput());
    const electionId = (called.body as { electionId: string }).electionId;
    await desk.api(commission, 'POST', `/elections/${electionId}/cases`, aPartyFiling('amanat', 7));
    const secretary = await desk.account({ ...amanatSecretary, username: 'amanat.renewal' });
    const page = await openPage(desk.browser, { language: 'kk', width: 360 });
    // The tab's timers are the test's to stop, as a laptop's sleep or a throttled background tab stops them.
    await page.clock.install();
    await signInAs(page, desk.url, secretary);
    await page.getByRole('link', { name: 'Менің істерім' }).click();
    await eventually(() => page.getByRole('link', { name: 'Candidate Test' }).count()).toBe(1);
    expect(await page.getByText('партияның растауын күтеді').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The laptop sleeps past the ID token's end: the tab's renewal timer cannot fire, the token really ends.
    const fellAsleep = Date.now();
    await page.clock.pauseAt((await page.evaluate<number>('Date.now()')) + 2000);
    const first = await storedIdToken(page);
    await eventually(async () => Date.now() > (await storedIdToken(page)).expiresAt + 1000).toBe(true);
    const offered = await refreshTokensOffered(page);
    // Asleep, the secretary's press is taken but not acted on; on waking the renewal timer and the page's request
    // for the notices fire together.
    await page.getByRole('link', { name: 'Хабарламалар' }).click();
    await page.clock.fastForward(Date.now() - fellAsleep);
    await page.clock.resume();

    // One renewal served both, and the session goes on: each background renewal after it spends the token the one
    // before it was given, which the provider would refuse had it seen a refresh token spent twice.
    await eventually(() => page.getByText(/^\d+ оқылмаған$/).count()).toBe(1);
    await eventually(() => offered.length).toBeGreaterThanOrEqual(3);
    await page.getByRole('link', { name: 'Менің істерім' }).click();
    await eventually(() => page.getByRole('link', { name: 'Candidate Test' }).count()).toBe(1);
    expect(new Set(offered).size).toBe(offered.length);
    expect((await storedIdToken(page)).token).not.toBe(first.token);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('alert').count()).toBe(0);

    // Disabled, the account's token is refused and its renewal too: the desk asks to sign in again.
    await disableAccount(desk.url, desk.dataDir, secretary.username);
    await page.getByRole('link', { name: 'Хабарламалар' }).click();
    await eventually(() => page.locator('p.warning[role="alert"]').textContent()).toBe(
      'Сеанс мерзімі бітті. Жалғастыру үшін қайта кіріңіз.',
    );
    await page.context().close();
  });
});
