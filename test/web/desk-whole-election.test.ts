import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCandidate } from '../support/candidates.ts';
import {
  eventually,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { DESK_ELECTION, deskVoters } from '../support/desk-election.ts';
import { pdfText } from '../support/desk-files-read.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { amanatSecretary, type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let clerk: Credentials;
let secretary: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  clerk = await desk.account({ ...districtClerk, admin: true });
  secretary = await desk.account(amanatSecretary);
}, 60_000);
afterAll(() => desk?.close());

function registerCsv(): string {
  const rows = deskVoters.map((v) => [v.iin, v.fullName, v.birthDate, `"${v.address}"`].join(','));
  return ['iin,fullName,birthDate,address', ...rows].join('\n');
}

async function fill(page: Page, labels: Readonly<Record<string, string>>) {
  for (const [label, value] of Object.entries(labels))
    await page.getByLabel(label, { exact: true }).fill(value);
}

describe('a whole election in the desk, in Kazakh', () => {
  it('is called, gets its voter list, a party’s nominee filed and confirmed, registered, and published', async () => {
    const commission = await openPage(desk.browser);
    await signInThroughDesk(commission, desk.url, clerk, 'Гүлнар Ахметова');
    await commission.goto(`${desk.url}/#/elections`);
    await fill(commission, {
      'ӘАОЖ (КАТО) коды': '195230100',
      'Атауы қазақша': 'Ақтоғай ауылдық округі',
      'Атауы орысша': 'Актогайский сельский округ',
      'Сайлау күні': '2026-03-15',
      'Тағайындалған күні': '2026-02-04',
    });
    await commission
      .locator('form', { hasText: 'Сайлауды тағайындау' })
      .getByRole('button', { name: 'Жіберу' })
      .click();
    await eventually(() => commission.locator('h1').textContent()).toBe('Сайлау: Ақтоғай ауылдық округі');
    expect(commission.url()).toContain(DESK_ELECTION);

    await commission.getByLabel('Файл (CSV немесе XLSX)').setInputFiles({
      name: 'register.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(registerCsv()),
    });
    await commission
      .locator('form', { hasText: 'Сайлаушылар тізімін жүктеу' })
      .getByRole('button', { name: 'Жіберу' })
      .click();
    await eventually(() => commission.locator('main').textContent()).toContain(
      'Сайлаушылар тізімі: 900 сайлаушы',
    );

    const party = await openPage(desk.browser);
    await signInThroughDesk(party, desk.url, secretary, 'Аманат хатшысы');
    await party.goto(`${desk.url}/#/elections/${DESK_ELECTION}`);
    const nominee = aCandidate({ fullName: 'Асқар Нұрланұлы Сейітов' }, 1);
    const filing = party.locator('form', { hasText: 'Кандидатты ұсыну' });
    await eventually(() => filing.count()).toBe(1);
    await filing.getByLabel('ЖСН').fill(nominee.iin);
    await filing.getByLabel('Аты-жөні').fill(nominee.fullName);
    await filing.getByLabel('Туған күні').fill(nominee.birthDate);
    for (const checkbox of await filing.locator('fieldset fieldset input[type="checkbox"]').all())
      await checkbox.check();
    await filing.getByLabel('Шешім қабылдаған орган').fill('Облыстық филиал кеңесі');
    await filing.getByLabel('Шешімнің күні').fill('2026-02-05');
    await filing.getByLabel('Хаттама нөмірі').fill('12');
    await filing.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => party.locator('.facts .tag').textContent()).toBe('партияның растауын күтеді');
    await party
      .locator('form', { hasText: 'Партияның растауы' })
      .getByRole('button', { name: 'Жіберу' })
      .click();
    await eventually(() => party.locator('.facts .tag').textContent()).toBe('тіркеу туралы шешімді күтеді');
    const caseUrl = party.url();
    await party.context().close();

    await commission.goto(caseUrl);
    const registration = commission.locator('form', { hasText: 'Кандидатты тіркеу' });
    await registration.getByLabel('Арнаулы тексерудің нәтижесі').selectOption('passed');
    await registration.getByLabel('Кірістер мен мүлік туралы декларация тапсырылды').check();
    await registration.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => commission.locator('.facts .tag').textContent()).toBe('тіркелді');
    expect(await seriousAccessibilityViolations(commission)).toEqual([]);
    await commission.context().close();

    // The public, without signing in, in Russian: the registered list, and the list on paper.
    const reader = await openPage(desk.browser, { language: 'ru' });
    await reader.goto(`${desk.url}/#/public/${DESK_ELECTION}`);
    await eventually(() => reader.locator('tbody').first().textContent()).toContain(
      'Асқар Нұрланұлы Сейітов',
    );
    await reader.getByRole('link', { name: 'Список зарегистрированных кандидатов (на русском)' }).click();
    await eventually(() => reader.locator('.paper').count()).toBe(1);
    const text = await pdfText(await reader.pdf({ format: 'A4' }));
    expect(text).toContain('Асқар Нұрланұлы Сейітов');
    expect(text).not.toMatch(/\d{12}/);
    await reader.context().close();
  });
});
