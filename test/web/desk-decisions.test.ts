import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aCandidate } from '../support/candidates.ts';
import {
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { type SeededElection, seedElection } from '../support/desk-election.ts';
import { pdfText } from '../support/desk-files-read.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { type apiClient, waitForStatus } from '../support/engine-process.ts';

/** A second election of the district, called in the desk with its commission's signatories. */
const SIGNED_ELECTION = '195230200-2026-03-15';
const CHAIR = 'Бекзат Оралұлы Нұрланов';
const SECRETARY = 'Сәуле Қайратқызы Жұмабаева';

let desk: DeskStage;
let api: ReturnType<typeof apiClient>;
let seeded: SeededElection;
let clerk: Credentials;
let candidate: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  api = desk.api;
  seeded = await seedElection(api);
  clerk = await desk.account(districtClerk);
  candidate = await desk.account({
    role: 'candidate',
    scope: seeded.awaitingSignatures.iin,
    name: 'Дана Маратқызы Сәрсенова',
    managedBy: '1952',
  });
}, 90_000);
afterAll(() => desk?.close());

async function clerkPage(options: {
  readonly width?: number;
  readonly language?: 'kk' | 'ru';
}): Promise<Page> {
  const page = await openPage(desk.browser, options);
  await signInThroughDesk(page, desk.url, clerk, 'Гүлнар Ахметова');
  return page;
}

/** Amanat's nominee in the election, confirmed by the party: the commission's decision is what it waits for. */
async function partyNomineeAwaitingDecision(electionId: string, fullName: string): Promise<string> {
  const party = partyCaller('amanat');
  const filed = await api(party, 'POST', `/elections/${electionId}/cases`, {
    route: 'party',
    candidate: aCandidate({ fullName }, 6),
    party: {
      partyId: 'amanat',
      candidateIsMember: true,
      decisionBody: 'Облыстық филиал кеңесі',
      decisionDate: '2026-02-05',
      protocolNumber: '14',
    },
  });
  const { caseId } = z.object({ caseId: z.string() }).parse(filed.body);
  await api(party, 'POST', `/elections/${electionId}/cases/${caseId}/party-confirmation`, {
    decision: 'confirm',
  });
  await waitForStatus(api, commission, electionId, caseId, 'AwaitingRegistrationDecision');
  return caseId;
}

describe('the commission’s decisions in the desk', () => {
  it('calls an election with its signatories, refuses with a decision number, and the Kazakh paper carries them', async () => {
    const page = await clerkPage({ language: 'kk' });
    await page.goto(`${desk.url}/#/elections`);
    const call = page.locator('form', { hasText: 'Сайлауды тағайындау' });
    await call.getByLabel('ӘАОЖ (КАТО) коды', { exact: true }).fill('195230200');
    await call.getByLabel('Атауы қазақша', { exact: true }).fill('Қызылту ауылдық округі');
    await call.getByLabel('Атауы орысша', { exact: true }).fill('Кызылтуский сельский округ');
    await call.getByLabel('Сайлау күні', { exact: true }).fill('2026-03-15');
    await call.getByLabel('Тағайындалған күні', { exact: true }).fill('2026-02-04');
    await call.getByLabel('Комиссияның атауы қазақша').fill('Ақтоғай аудандық аумақтық сайлау комиссиясы');
    await call.getByLabel('Комиссия төрағасы').fill(CHAIR);
    // Three of the four: the API names the one missing, and no election is called.
    await call.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => call.getByRole('alert').count()).toBe(1);
    expect(await call.locator('.form-group-error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Комиссияның атауы орысша')]),
    );
    expect((await api(commission, 'GET', `/elections/${SIGNED_ELECTION}`)).status).toBe(404);

    await call
      .getByLabel('Комиссияның атауы орысша')
      .fill('Актогайская районная территориальная избирательная комиссия');
    await call.getByLabel('Комиссия хатшысы').fill(SECRETARY);
    await call.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('Сайлау: Қызылту ауылдық округі');

    const caseId = await partyNomineeAwaitingDecision(SIGNED_ELECTION, 'Бауыржан Ерболұлы Қасымов');
    await page.goto(`${desk.url}/#/elections/${SIGNED_ELECTION}/cases/${caseId}`);
    const refusal = page.locator('form', { hasText: 'Тіркеуден бас тарту' });
    await refusal.getByLabel('құжаттар толық емес').check();
    await refusal.getByLabel('Себептері').fill('Білімі туралы құжат тапсырылмаған.');
    await refusal.getByLabel('Шешімнің нөмірі').fill('12/3');
    await refusal.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('тіркеуден бас тартылды');

    await page.getByRole('link', { name: 'Тіркеуден бас тарту туралы шешім (қазақша)' }).click();
    await eventually(() => page.locator('.paper').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const text = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
    // The decision's date by the engine's clock (5 February, local time) and the number typed in.
    expect(text).toContain('2026 жылғы 5 ақпан № 12/3');
    // The issuer as the commission's name typed in (the heading prints it in capitals).
    expect(text).toContain('АҚТОҒАЙ АУДАНДЫҚ АУМАҚТЫҚ САЙЛАУ КОМИССИЯСЫ');
    expect(text).toContain(CHAIR);
    expect(text).toContain(SECRETARY);
    expect(text).toContain('Бауыржан Ерболұлы Қасымов');
    await page.context().close();
  });

  it('cancels a registration with its grounds, then reinstates it on a court’s decision (in Russian, at 360 px)', async () => {
    const page = await clerkPage({ language: 'ru', width: 360 });
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}/cases/${seeded.registered}`);
    const status = page.locator('.facts .tag');
    await eventually(() => status.textContent()).toBe('зарегистрирован');

    const cancel = page.locator('form', { hasText: 'Отмена регистрации' });
    await cancel.getByLabel('Причины').fill('Кандидат указал недостоверные сведения о месте работы.');
    await cancel.getByRole('button', { name: 'Отправить' }).click();
    // No ground cited: said at once, and the registration stands.
    await eventually(() => cancel.getByRole('alert').textContent()).toContain('основание');
    expect(await status.textContent()).toBe('зарегистрирован');
    await cancel.getByLabel('недостоверные сведения').check();
    await cancel.getByLabel('Номер решения').fill('15/1');
    await cancel.getByRole('button', { name: 'Отправить' }).click();
    await eventually(() => status.textContent()).toBe('регистрация отменена');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The cancellation on paper, in Russian: its number, its ground, no signatories given for this election.
    await page.getByRole('link', { name: 'Решение об отмене регистрации (на русском)' }).click();
    await eventually(() => page.locator('.paper').count()).toBe(1);
    const paper = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
    expect(paper).toContain('5 февраля 2026 г. № 15/1');
    expect(paper).toContain('Асқар Нұрланұлы Сейітов');
    expect(paper).toContain('Кандидат указал недостоверные сведения о месте работы.');
    await page.goBack();
    await eventually(() => status.textContent()).toBe('регистрация отменена');

    // The public sees the cancellation with its ground, no sign-in needed.
    const visitor = await openPage(desk.browser, { language: 'ru' });
    await visitor.goto(`${desk.url}/#/public/${seeded.electionId}`);
    const cancelled = visitor
      .locator('section', { hasText: 'Отказы в регистрации и отмены регистрации' })
      .locator('tbody tr');
    await eventually(() => cancelled.allTextContents()).toContainEqual(
      expect.stringMatching(/Асқар Нұрланұлы Сейітов.*отмена регистрации/),
    );
    await visitor.context().close();

    const reinstate = page.locator('form', { hasText: 'Восстановление по решению суда' });
    await reinstate.getByLabel('Кто принял решение').selectOption('court');
    await reinstate.getByLabel('Наименование органа').fill('Актогайский районный суд');
    await reinstate.getByLabel('Номер решения').fill('2-114/2026');
    // The decision's date left out: the API's message stands by the field, and nothing changes.
    await reinstate.getByRole('button', { name: 'Отправить' }).click();
    await eventually(() => reinstate.getByRole('alert').count()).toBe(1);
    expect(await reinstate.locator('.form-group-error').count()).toBeGreaterThan(0);
    expect(await status.textContent()).toBe('регистрация отменена');

    await reinstate.getByLabel('Дата решения').fill('2026-02-05');
    await reinstate.getByLabel('Куда возвращается дело').selectOption('registered');
    await reinstate.getByRole('button', { name: 'Отправить' }).click();
    await eventually(() => status.textContent()).toBe('зарегистрирован');
    expect(await page.locator('.timeline li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('регистрация отменена'),
        expect.stringContaining('восстановлен'),
      ]),
    );
    // Registered again: the cancellation form is what the commission is offered once more.
    await eventually(() => page.locator('form h3').allTextContents()).toEqual(['Отмена регистрации']);
    await page.context().close();
  });
});

describe('a candidate’s withdrawal, in English', () => {
  it('signs in, follows her case and withdraws; the case shows it and offers no second withdrawal', async () => {
    const page = await openPage(desk.browser, { language: 'en', width: 360 });
    await signInThroughDesk(page, desk.url, candidate, 'Дана Маратқызы Сәрсенова');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}`);
    await page.getByRole('link', { name: 'Дана Маратқызы Сәрсенова' }).click();
    const status = page.locator('.facts .tag');
    await eventually(() => status.textContent()).toBe('awaiting signatures');

    const withdraw = page.locator('form', { hasText: 'Withdrawal of the candidacy' });
    await withdraw.getByLabel('Reason (optional)').fill('Family circumstances.');
    await withdraw.getByRole('button', { name: 'Send' }).click();
    await eventually(() => status.textContent()).toBe('withdrew their candidacy');
    expect(await page.locator('form', { hasText: 'Withdrawal of the candidacy' }).count()).toBe(0);
    expect(await page.locator('.timeline li').last().textContent()).toContain('candidacy withdrawn');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Nothing of hers beyond her name: no IIN on the page.
    expect(await page.content()).not.toMatch(/\d{12}/);
    await page.context().close();

    const { body } = await api(
      commission,
      'GET',
      `/elections/${seeded.electionId}/cases/${seeded.awaitingSignatures.caseId}`,
    );
    expect(z.object({ status: z.string() }).parse(body).status).toBe('Withdrawn');
  });
});

describe('answers that are not the API’s own', () => {
  it('says in the desk’s words what a gateway’s 429 and storage’s 413 mean, keeping what was typed', async () => {
    const page = await clerkPage({ language: 'kk' });
    await page.route('**/registration-decision', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: '{"message":"Too Many Requests"}',
      }),
    );
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`);
    const refusal = page.locator('form', { hasText: 'Тіркеуден бас тарту' });
    await refusal.getByLabel('құжаттар толық емес').check();
    await refusal.getByLabel('Шешімнің нөмірі').fill('12/4');
    await refusal.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => refusal.getByRole('alert').textContent()).toContain('Бір минут күтіп');
    expect(await refusal.getByLabel('Шешімнің нөмірі').inputValue()).toBe('12/4');

    // The file goes to storage, which finds it larger than announced.
    await page.route('**/*', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 413,
            contentType: 'application/xml',
            body: '<Error>EntityTooLarge</Error>',
          })
        : route.fallback(),
    );
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}`);
    const upload = page.locator('form', { hasText: 'Сайлаушылар тізімін жүктеу' });
    await upload.getByLabel('Файл (CSV немесе XLSX)').setInputFiles({
      name: 'voters.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('iin,fullName,birthDate,address\r\n'),
    });
    await upload.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => upload.getByRole('alert').textContent()).toContain('Файл жарияланғаннан үлкен');
    expect(await upload.getByRole('button', { name: 'Жіберу' }).isEnabled()).toBe(true);
    await page.context().close();
  });
});
