// Issue 13 §2 "Sign-in and accounts" in a real browser: the desk sends people to the engine's sign-in page
// (OpenID Connect, code flow with PKCE, through oidc-client-ts) and back, in Kazakh and Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, seriousAccessibilityViolations } from '../support/desk-browser.ts';
import { type Credentials, disableAccount, fillSignInForm, signInAs } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';

let desk: DeskStage;
let admin: Credentials;

beforeAll(async () => {
  desk = await startDeskStage();
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
