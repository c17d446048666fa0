import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { aCandidate } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import {
  eventually,
  focusedId,
  horizontalOverflow,
  launchDeskBrowser,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { type SeededElection, seedElection } from '../support/desk-election.ts';
import { type Credentials, createAccount } from '../support/desk-sign-in.ts';
import { commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';

/**
 * The desk attacked in a real Chromium: markup in what anyone may type (a candidate's name, a refusal's reasons)
 * rendered in pages and printed documents under the desk's Content-Security-Policy; where the session's tokens
 * live and what happens when they expire; forms against a failing or slow API; countdowns under a wrong
 * browser clock.
 */

/** A name of 300 letters without a space (the most a name may have), and reasons of one unbroken word. */
const LONG_NAME = 'Қ'.repeat(300);
const LONG_REASONS = `${'Ө'.repeat(600)} https://example.kz/${'a'.repeat(300)}`;

/** A name ending in an unclosed right-to-left override: everything after it on its line would read backwards. */
const RTL_NAME = 'Ерік Сәтбаев\u202e';

/** A name that would run script if any page put it into the document as markup. */
const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">Ерік <svg onload="window.__xss=2">';
const HOSTILE_REASONS =
  '</p><script>window.__xss=3</script><a href="javascript:window.__xss=4">басыңыз</a> \u202eтерс\u202c';

let engine: EngineProcess;
let browser: Browser;
let seeded: SeededElection;
let clerk: Credentials;
let hostileCase: string;
let longCase: string;
let api: ReturnType<typeof apiClient>;
let dataDir: string;

const CreatedSchema = z.object({ caseId: z.string() });
const TimelineSchema = z.object({ timeline: z.array(z.object({ event: z.string() })) });

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  seeded = await seedElection(api);
  const party = partyCaller('auyl');
  const filed = await api(party, 'POST', `/elections/${seeded.electionId}/cases`, {
    route: 'party',
    candidate: aCandidate({ fullName: HOSTILE_NAME }, 9),
    party: {
      partyId: 'auyl',
      candidateIsMember: true,
      decisionBody: '<b>Облыстық</b> филиал кеңесі',
      decisionDate: '2026-02-06',
      protocolNumber: '13',
    },
  });
  if (filed.status !== 201 && filed.status !== 200)
    throw new Error(`not filed: ${JSON.stringify(filed.body)}`);
  hostileCase = CreatedSchema.parse(filed.body).caseId;
  const path = `/elections/${seeded.electionId}/cases/${hostileCase}`;
  await api(party, 'POST', `${path}/party-confirmation`, { decision: 'confirm' });
  await waitForStatus(api, commission, seeded.electionId, hostileCase, 'AwaitingRegistrationDecision');
  const refused = await api(commission, 'POST', `${path}/registration-decision`, {
    decision: 'refuse',
    checks: checksPassed,
    grounds: ['documents-incomplete'],
    reasons: HOSTILE_REASONS,
  });
  if (refused.status !== 200) throw new Error(`not refused: ${JSON.stringify(refused.body)}`);
  longCase = await refusedPartyNominee('ak-zhol', LONG_NAME, LONG_REASONS, 10);
  clerk = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Гүлнар Ахметова',
  });
  browser = await launchDeskBrowser();
}, 120_000);

/** A party's nominee, confirmed by the party and refused by the commission with `reasons`. */
async function refusedPartyNominee(partyId: string, fullName: string, reasons: string, serial: number) {
  const party = partyCaller(partyId);
  const filed = await api(party, 'POST', `/elections/${seeded.electionId}/cases`, {
    route: 'party',
    candidate: aCandidate({ fullName }, serial),
    party: {
      partyId,
      candidateIsMember: true,
      decisionBody: 'Облыстық филиал кеңесі',
      decisionDate: '2026-02-06',
      protocolNumber: '14',
    },
  });
  const caseId = CreatedSchema.parse(filed.body).caseId;
  const path = `/elections/${seeded.electionId}/cases/${caseId}`;
  await api(party, 'POST', `${path}/party-confirmation`, { decision: 'confirm' });
  await waitForStatus(api, commission, seeded.electionId, caseId, 'AwaitingRegistrationDecision');
  const refused = await api(commission, 'POST', `${path}/registration-decision`, {
    decision: 'refuse',
    checks: checksPassed,
    grounds: ['documents-incomplete'],
    reasons,
  });
  if (refused.status !== 200) throw new Error(`not refused: ${JSON.stringify(refused.body)}`);
  return caseId;
}

afterAll(async () => {
  await browser?.close();
  await engine?.kill('SIGTERM');
});

/**
 * Signs in through the desk and waits until the page it lands on has drawn its heading, so that the test's next
 * navigation is not overtaken by the landing's own.
 */
async function signInAndLand(page: Page, who: Credentials, shownName: string) {
  await signInThroughDesk(page, engine.url, who, shownName);
  await eventually(() => page.locator('main h1').count()).toBe(1);
}

/** Records, from the first script on, every CSP violation and console error, and whether injected script ran. */
async function watched(page: Page) {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // A string, run in the page before its own scripts: the test files are type-checked without the DOM's types.
  await page.addInitScript(`
    globalThis.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      globalThis.__csp.push(event.violatedDirective + ' ' + event.blockedURI));
  `);
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (globalThis as { __csp?: string[] }).__csp ?? []),
    ran: () => page.evaluate(() => (globalThis as { __xss?: number }).__xss ?? null),
  };
}

async function signedIn(options: { language?: 'kk' | 'ru' } = {}) {
  const page = await openPage(browser, options);
  const watch = await watched(page);
  await signInAndLand(page, clerk, 'Гүлнар Ахметова');
  return { page, watch };
}

/** No element a name could have made: the markup is shown as its letters. */
async function expectInert(page: Page, watch: Awaited<ReturnType<typeof watched>>) {
  expect(
    await page.locator('main img, main svg[onload], main script, main a[href^="javascript:"]').count(),
  ).toBe(0);
  expect(await watch.ran()).toBeNull();
  expect(await watch.violations()).toEqual([]);
}

describe('markup typed by anyone is shown as text, never run', () => {
  it('shows a name and reasons full of markup as letters on the public list, under the CSP', async () => {
    const page = await openPage(browser, { language: 'ru' });
    const watch = await watched(page);
    const served = await page.goto(`${engine.url}/#/public/${seeded.electionId}`);
    // The policy the violations are listened for is really there: no inline script, no inline style sheet.
    expect(served?.headers()['content-security-policy']).toMatch(/script-src 'self'; style-src 'self'/);
    await eventually(() => page.locator('main').textContent()).toContain('<img src=x onerror=');
    // The public list names grounds only: the commission's reasons are never public (they may hold personal data).
    expect(await page.locator('main').textContent()).not.toContain('__xss=3');
    await expectInert(page, watch);
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows them as letters on the commission’s election and case pages and in the refusal printed in kk', async () => {
    const { page, watch } = await signedIn();
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
    await eventually(() => page.locator('main').textContent()).toContain('<img src=x onerror=');
    await expectInert(page, watch);

    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${hostileCase}`);
    await eventually(() => page.locator('h1').textContent()).toContain('<img src=x');
    // The workflow drawing is SVG the desk draws itself: it is there, and holds no script of anyone's.
    expect(await page.locator('main svg script, main svg [onload]').count()).toBe(0);
    await expectInert(page, watch);

    await page.goto(
      `${engine.url}/#/elections/${seeded.electionId}/cases/${hostileCase}/documents/refusal/kk`,
    );
    await eventually(() => page.locator('.paper').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('.paper').textContent()).toContain('</p><script>window.__xss=3</script>');
    expect(await page.locator('.paper').textContent()).toContain('javascript:window.__xss=4');
    await expectInert(page, watch);
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows them as letters in the inbox of notices', async () => {
    const { page, watch } = await signedIn({ language: 'ru' });
    await page.goto(`${engine.url}/#/notices`);
    await eventually(() => page.locator('main h1').count()).toBe(1);
    await expectInert(page, watch);
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

/** The ID token's hour is over: oidc-client-ts's stored user says it expired a minute ago. */
/**
 * The ID token expired, and the session can no longer be renewed: its refresh token is one the provider refuses,
 * and the provider's own session is over too (as after an engine restart or the 8 hours), so neither a refresh nor
 * a silent sign-in brings a new token; the API answers the old token as it answers an expired one (401). A
 * renewable session is renewed without a word (test/web/sign-in.test.ts).
 */
async function expireToken(page: Page) {
  await page.context().clearCookies();
  const expired = await fetch(`${engine.url}/notices?district=1952`, {
    headers: { authorization: 'Bearer expired', 'accept-language': 'ru' },
  });
  const refusal = { status: expired.status, json: await expired.json() };
  expect(refusal.status).toBe(401);
  await page.route(
    (url) =>
      url.origin === engine.url && !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/assets'),
    (route) =>
      route.request().headers().authorization === undefined ? route.continue() : route.fulfill(refusal),
  );
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))) {
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as {
        expires_at?: number;
        refresh_token?: string;
      };
      user.expires_at = Math.floor(Date.now() / 1000) - 60;
      user.refresh_token = 'refused-by-the-provider';
      sessionStorage.setItem(key, JSON.stringify(user));
    }
  });
}

describe('the session’s tokens', () => {
  it('keeps the signed-in user in sessionStorage, never in localStorage nor in the address bar', async () => {
    const { page } = await signedIn();
    expect(page.url()).not.toMatch(/[?&](code|state|id_token)=/);
    const stores = await page.evaluate(() => ({
      local: Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
      session: Object.keys(sessionStorage),
    }));
    expect(stores.local.join('\n')).not.toMatch(/oidc|eyJ/);
    expect(stores.session.some((key) => key.startsWith('oidc.user:'))).toBe(true);
    await page.context().close();
  });

  it('forgets the user on sign-out: the tab holds no token afterwards', async () => {
    const { page } = await signedIn();
    await page.getByRole('button', { name: 'Шығу' }).click();
    await eventually(async () =>
      page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('oidc.user:'))),
    ).toEqual([]);
    await page.goto(`${engine.url}/`);
    await eventually(() => page.getByRole('button', { name: 'Кіру' }).count()).toBe(1);
    await page.context().close();
  });

  it('asks to sign in again when the token expires and cannot be renewed while the desk is open, instead of failing quietly', async () => {
    const { page } = await signedIn({ language: 'ru' });
    await expireToken(page);
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
    await eventually(() => page.getByRole('button', { name: 'Войти' }).count()).toBe(1);
    expect(await page.getByRole('alert').first().textContent()).toBe(
      'Сеанс истёк. Войдите снова, чтобы продолжить.',
    );
    await page.context().close();
  });

  it('keeps what was typed in a form when the token expires unrenewable before it is sent, and asks to sign in again', async () => {
    const { page } = await signedIn({ language: 'ru' });
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.paperSheets}`);
    const form = page.locator('form', { hasText: 'Ввод бумажных листов' });
    await eventually(() => form.count()).toBe(1);
    await form.getByLabel('ИИН').first().fill('061211600012');
    await expireToken(page);
    await form.getByRole('button', { name: 'Отправить' }).click();
    await eventually(() => page.getByRole('button', { name: 'Войти' }).count()).toBe(1);
    expect(await form.getByLabel('ИИН').first().inputValue()).toBe('061211600012');
    await page.context().close();
  });

  it('a second tab of the same browser is a session of its own (sessionStorage): it offers to sign in, never a blank page', async () => {
    const { page } = await signedIn();
    const second = await page.context().newPage();
    await second.goto(`${engine.url}/#/elections`);
    // sessionStorage is per tab: the second tab has not signed in, and says so rather than showing a blank page.
    await eventually(() => second.getByRole('button', { name: 'Кіру' }).count()).toBe(1);
    await page.context().close();
  });
});

describe('countdowns follow the engine, not the browser’s clock', () => {
  for (const [years, words] of [
    [5, 'ahead'],
    [-5, 'behind'],
  ] as const) {
    it(`counts to the close of nomination by the engine’s clock though the browser’s is five years ${words}`, async () => {
      const page = await openPage(browser, { language: 'ru' });
      await page.addInitScript((years) => {
        const shift = years * 365 * 24 * 3600 * 1000;
        const RealDate = Date;
        class ShiftedDate extends RealDate {
          constructor(...args: []) {
            if (args.length === 0) super(RealDate.now() + shift);
            else super(...(args as unknown as [number]));
          }
          static override now() {
            return RealDate.now() + shift;
          }
        }
        globalThis.Date = ShiftedDate as DateConstructor;
      }, years);
      await signInAndLand(page, clerk, 'Гүлнар Ахметова');
      await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
      const close = page.locator('.calendar div', { hasText: 'окончание выдвижения кандидатов' });
      await eventually(() => close.textContent()).toMatch(/осталось 12 дней/);
      await page.context().close();
    });
  }
});

describe('countdowns without the engine’s time', () => {
  it('shows the deadlines but no countdown by the browser’s clock when the engine’s time cannot be read', async () => {
    const { page } = await signedIn({ language: 'ru' });
    await page.route('**/time', (route) => route.abort('connectionrefused'));
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
    const close = page.locator('.calendar div', { hasText: 'окончание выдвижения кандидатов' });
    await eventually(() => close.textContent()).toMatch(/17 февраля 2026 г\. в 18:00/);
    expect(await page.locator('.calendar').textContent()).not.toMatch(/осталось|прошло/);
    await page.context().close();
  });
});

describe('a form used with the keyboard alone', () => {
  it('takes focus to the error summary, and from its link to the field at fault', async () => {
    const { page } = await signedIn();
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`);
    const form = page.locator('form', { hasText: 'Тіркеуден бас тарту' });
    await form.getByLabel('Себептері').focus();
    await page.keyboard.type('Кандидат декларацияны тапсырмаған.');
    await form.getByRole('button', { name: 'Жіберу' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate('document.activeElement?.className ?? ""')).toBe('error-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('A');
    // Visible focus: the focused link is outlined or otherwise marked, not left as it looks unfocused.
    const outline = await page.evaluate(
      '(({ outlineStyle, boxShadow }) => outlineStyle + " " + boxShadow)(getComputedStyle(document.activeElement))',
    );
    expect(outline).not.toBe('none none');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toMatch(/^refuse-grounds/);
    await page.context().close();
  });
});

describe('forms against a failing or slow API', () => {
  const casePath = () => `${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`;

  async function refusalForm(page: Page) {
    await page.goto(casePath());
    const form = page.locator('form', { hasText: 'Тіркеуден бас тарту' });
    await form.getByLabel('Себептері').fill('Кандидат декларацияны тапсырмаған.');
    await form.getByLabel('құжаттар толық емес').check();
    return form;
  }

  for (const [status, body, contentType] of [
    [500, 'Internal Server Error', 'text/plain'],
    [429, '{"message":"Too Many Requests"}', 'application/json'],
    [413, '{"message":"Request Too Large"}', 'application/json'],
  ] as const) {
    it(`says what went wrong on a ${status} and keeps everything typed in the form`, async () => {
      const { page } = await signedIn();
      await page.route('**/registration-decision', (route) => route.fulfill({ status, body, contentType }));
      const form = await refusalForm(page);
      await form.getByRole('button', { name: 'Жіберу' }).click();
      const alert = form.getByRole('alert');
      await eventually(() => alert.count()).toBe(1);
      const said = (await alert.textContent()) ?? '';
      expect(said).not.toMatch(/Internal Server Error|Too Many|Request Too Large|undefined|null/);
      expect(said.length).toBeGreaterThan(10);
      expect(await form.getByLabel('Себептері').inputValue()).toBe('Кандидат декларацияны тапсырмаған.');
      expect(await form.getByLabel('құжаттар толық емес').isChecked()).toBe(true);
      expect(await form.getByRole('button', { name: 'Жіберу' }).isEnabled()).toBe(true);
      await page.context().close();
    });
  }

  it('disables the button while a slow answer is awaited, and sends the decision once', async () => {
    const { page } = await signedIn();
    const sent: string[] = [];
    await page.route('**/registration-decision', async (route) => {
      sent.push(route.request().headers()['idempotency-key'] ?? '');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'CONFLICT', message: 'Іс басқа күйде.', issues: [] } }),
      });
    });
    const form = await refusalForm(page);
    const button = form.getByRole('button', { name: /Жіберу|Жіберілуде/ });
    await button.click();
    expect(await button.isDisabled()).toBe(true);
    // A second press, and Enter in a field, while the first is under way.
    await button.click({ force: true }).catch(() => undefined);
    await form.getByLabel('құжаттар толық емес').press('Enter');
    await eventually(() => form.getByRole('alert').textContent()).toContain('Іс басқа күйде.');
    expect(sent).toHaveLength(1);
    await page.context().close();
  });

  it('sends the same Idempotency-Key again after a gateway timeout that came after the engine recorded the decision', async () => {
    const { page } = await signedIn();
    const keys: string[] = [];
    await page.route('**/registration-decision', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      // API Gateway's 29 s limit: the Lambda finished and recorded, the caller got a 504.
      await route.fetch();
      await route.fulfill({
        status: 504,
        contentType: 'application/json',
        body: '{"message":"Endpoint request timed out"}',
      });
    });
    const form = await refusalForm(page);
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => form.getByRole('alert').count()).toBe(1);
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => keys.length).toBe(2);
    expect(keys[1]).toBe(keys[0]);
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('тіркеуден бас тартылды');
    const trail = TimelineSchema.parse(
      (
        await api(
          commission,
          'GET',
          `/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}/timeline`,
        )
      ).body,
    );
    expect(trail.timeline.filter((entry) => entry.event === 'RegistrationDecided')).toHaveLength(1);
    await page.context().close();
  });
});

describe('very long texts on a 360 px phone', () => {
  // Found: a table with one long word scrolled sideways, a region the keyboard could not reach; the voter list's
  // file input was wider than the screen (styles.css).
  it('fits a 300-letter name and unbroken reasons on every page without sideways scrolling, axe-clean in kk and ru', async () => {
    for (const language of ['kk', 'ru'] as const) {
      const page = await openPage(browser, { width: 360, language });
      await page.goto(`${engine.url}/#/public/${seeded.electionId}`);
      await eventually(() => page.locator('main').textContent()).toContain(LONG_NAME);
      expect(await horizontalOverflow(page), `public ${language}`).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.context().close();
    }
    const page = await openPage(browser, { width: 360, language: 'ru' });
    await signInAndLand(page, clerk, 'Гүлнар Ахметова');
    for (const [where, hash] of [
      ['election', `#/elections/${seeded.electionId}`],
      ['case', `#/elections/${seeded.electionId}/cases/${longCase}`],
      ['refusal', `#/elections/${seeded.electionId}/cases/${longCase}/documents/refusal/ru`],
    ] as const) {
      await page.goto(`${engine.url}/${hash}`);
      await eventually(() => page.locator('main').textContent()).toContain(LONG_NAME);
      expect(await horizontalOverflow(page), where).toBe(0);
      expect(await seriousAccessibilityViolations(page), where).toEqual([]);
    }
    await page.context().close();
  });
});

describe('uploads against a slow API', () => {
  it('asks for one upload however often the button is pressed while the first request is under way', async () => {
    const { page } = await signedIn();
    const asked: string[] = [];
    await page.route('**/uploads', async (route) => {
      asked.push(route.request().method());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"message":"Service Unavailable"}',
      });
    });
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
    const form = page.locator('form', { hasText: 'Сайлаушылар тізімін жүктеу' });
    await form.getByLabel('Файл (CSV немесе XLSX)').setInputFiles({
      name: 'voters.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('iin,fullName,birthDate,address\r\n'),
    });
    const button = form.getByRole('button', { name: /Жіберу|Жіберілуде/ });
    await button.click();
    await button.click({ force: true, timeout: 1000 }).catch(() => undefined);
    await eventually(() => form.getByRole('alert').count()).toBe(1);
    expect(asked).toEqual(['POST']);
    await page.context().close();
  });
});

describe('exports made from the pages', () => {
  async function downloaded(page: Page, button: string) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFile(await file.path());
  }

  it('exports the commission’s cases with the markup name as plain text and IINs as text, in both formats', async () => {
    const page = await openPage(browser);
    await watched(page);
    await signInAndLand(page, clerk, 'Гүлнар Ахметова');
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
    await eventually(() => page.locator('main').textContent()).toContain('<img src=x');
    const csv = parse(await downloaded(page, 'CSV жүктеп алу'), { bom: true, trim: true }) as string[][];
    const hostileRow = csv.find((row) => row.includes(HOSTILE_NAME.trim()));
    expect(hostileRow, 'the markup name is one cell, as typed').toBeDefined();
    const [sheet] = await readXlsxFile(await downloaded(page, 'XLSX жүктеп алу'));
    const cells = (sheet?.data ?? []).flat();
    expect(cells).toContain(HOSTILE_NAME.trim());
    expect(cells).toContain(LONG_NAME);
    // Every IIN cell is a 12-digit string, never a number that lost its zeros.
    const iinColumn = (sheet?.data[0] ?? []).indexOf('ЖСН');
    expect(iinColumn).toBeGreaterThan(-1);
    for (const row of (sheet?.data ?? []).slice(1)) expect(row[iinColumn]).toMatch(/^\d{12}$/);
    await page.context().close();
  });

  it('says so when the spreadsheet writer cannot be loaded, instead of a button that does nothing', async () => {
    const page = await openPage(browser);
    await page.route('**/assets/download-*.js', (route) => route.abort('connectionrefused'));
    await page.goto(`${engine.url}/#/public/${seeded.electionId}`);
    await eventually(() => page.locator('main').textContent()).toContain(LONG_NAME);
    await page.getByRole('button', { name: 'XLSX жүктеп алу' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Серверге қосылу мүмкін болмады');
    await page.context().close();
  });
});

describe('every control the keyboard reaches shows where the focus is', () => {
  /** Tabs through the page and names each focused control that looks no different from unfocused. */
  async function invisibleFocus(page: Page, presses: number): Promise<string[]> {
    const unmarked: string[] = [];
    for (let press = 0; press < presses; press += 1) {
      await page.keyboard.press('Tab');
      const seen = String(
        await page.evaluate(`(() => {
          const element = document.activeElement;
          if (element === null || element === document.body) return '';
          const style = getComputedStyle(element);
          const marked = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
          return marked ? '' : element.tagName + '#' + element.id + ' ' + (element.textContent ?? '').slice(0, 30);
        })()`),
      );
      if (seen !== '') unmarked.push(seen);
    }
    return [...new Set(unmarked)];
  }

  it('on the public list and the commission’s case page, in ru, with the page’s language announced', async () => {
    const visitor = await openPage(browser, { language: 'ru' });
    await visitor.goto(`${engine.url}/#/public/${seeded.electionId}`);
    await eventually(() => visitor.locator('main').textContent()).toContain(LONG_NAME);
    // A screen reader reads Russian words with Russian rules only when the page says it is in Russian.
    expect(await visitor.evaluate('document.documentElement.lang')).toBe('ru');
    expect(await invisibleFocus(visitor, 25)).toEqual([]);
    await visitor.context().close();

    const { page } = await signedIn({ language: 'ru' });
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.paperSheets}`);
    await eventually(() => page.locator('h1').textContent()).toContain('Нұржан');
    expect(await invisibleFocus(page, 60)).toEqual([]);
    await page.context().close();
  });
});

describe('the IIN typed into a paper signature line', () => {
  async function paperIin(page: Page) {
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.paperSheets}`);
    const form = page.locator('form', { hasText: 'Ввод бумажных листов' });
    await eventually(() => form.count()).toBe(1);
    return form.getByLabel('ИИН').first();
  }

  it('keeps all twelve digits of an IIN pasted with spaces, as it is printed on documents', async () => {
    const { page } = await signedIn({ language: 'ru' });
    const iin = await paperIin(page);
    await iin.focus();
    // Pasted text arrives as one insertion, as a paste does (maxlength applies to it before the desk sees it).
    await page.keyboard.insertText('0612 1160 0012');
    expect(await iin.inputValue()).toBe('061211600012');
    await page.context().close();
  });

  it('shows no letter typed into the IIN, not even for a moment before the next digit', async () => {
    const { page } = await signedIn({ language: 'ru' });
    const iin = await paperIin(page);
    await iin.pressSequentially('0612a');
    expect(await iin.inputValue()).toBe('0612');
    await page.context().close();
  });
});

describe('direction marks in a name', () => {
  // An unclosed U+202E in a name would turn every sentence quoting it backwards after the name: in the inbox's
  // notices (made on the server) and in the printed decisions. A name is one plain line, so it is refused at filing.
  it('refuses a candidate’s name with a direction mark at filing, naming the field, and files nothing', async () => {
    const party = partyCaller('auyl-3');
    const filing = {
      route: 'party',
      candidate: aCandidate({ fullName: RTL_NAME }, 12),
      party: {
        partyId: 'auyl-3',
        candidateIsMember: true,
        decisionBody: 'Облыстық филиал кеңесі',
        decisionDate: '2026-02-06',
        protocolNumber: '15',
      },
    };
    const refused = await api(party, 'POST', `/elections/${seeded.electionId}/cases`, filing, {
      'accept-language': 'ru',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { issues: [{ field: 'candidate.fullName' }] } });
    const listed = await api(party, 'GET', `/elections/${seeded.electionId}/cases`);
    expect(JSON.stringify(listed.body)).not.toContain('Ерік Сәтбаев');
  });
});
