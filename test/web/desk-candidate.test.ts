import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  horizontalOverflow,
  launchDeskBrowser,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { deskVoters, type SeededElection, seedElection } from '../support/desk-election.ts';
import { type Credentials, createAccount } from '../support/desk-sign-in.ts';
import { fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { linesFrom } from '../support/signers.ts';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

let engine: EngineProcess;
let browser: Browser;
let seeded: SeededElection;
let candidate: Credentials;
let clerk: Credentials;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  seeded = await seedElection(apiClient(engine.url, dataDir));
  candidate = await createAccount(engine.url, dataDir, {
    role: 'candidate',
    scope: seeded.awaitingSignatures.iin,
    name: 'Дана Маратқызы Сәрсенова',
    managedBy: '1952',
  });
  clerk = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Гүлнар Ахметова',
  });
  browser = await launchDeskBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await engine?.kill('SIGTERM');
});

/** Signature sheets as a candidate's CSV: 12 lines from the district's voters, the first two with a wrong IIN. */
function sheetsCsv(): string {
  const lines = linesFrom(deskVoters.slice(100, 112)).map((line, index) =>
    index < 2 ? { ...line, iin: `${line.iin.slice(0, 11)}${(Number(line.iin[11]) + 1) % 10}` } : line,
  );
  const header = 'sheet,line,iin,fullName,birthDate,address,signedOn,collector';
  const rows = lines.map((l) =>
    [l.sheet, l.line, l.iin, l.fullName, l.birthDate, `"${l.address}"`, l.signedOn, l.collector].join(','),
  );
  return [header, ...rows].join('\n');
}

describe('a self-nominee’s desk', () => {
  it('uploads signature sheets with progress, then sees the verdict and each rejected line', async () => {
    const page = await openPage(browser, { language: 'ru', width: 360 });
    await signInThroughDesk(page, engine.url, candidate, 'Дана Маратқызы Сәрсенова');
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}`);
    // The candidate sees their own case only.
    const rows = page.locator('section', { hasText: 'Дела' }).locator('tbody tr');
    await eventually(() => rows.allTextContents()).toEqual([
      expect.stringContaining('Дана Маратқызы Сәрсенова'),
    ]);
    await page.getByRole('link', { name: 'Дана Маратқызы Сәрсенова' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('ждёт подписей');

    await page.getByLabel('Файл (CSV или XLSX)').setInputFiles({
      name: 'sheets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sheetsCsv()),
    });
    await page
      .locator('form', { hasText: 'Загрузка подписных листов' })
      .getByRole('button', { name: 'Отправить' })
      .click();
    // Counted: the case waits for signatures no more, and the verdict is on the case.
    await eventually(() => page.locator('.facts .tag').textContent()).not.toBe('ждёт подписей');
    await eventually(() =>
      page.locator('section', { hasText: 'Проверка подписей' }).first().textContent(),
    ).toContain('Действительных: 10, нужно: 9, недействительных: 2');
    await page.getByRole('button', { name: 'Показать недействительные строки' }).click();
    const lines = page.locator('table', { hasText: 'Лист' }).locator('tbody tr.rejected');
    await eventually(() => lines.count()).toBe(2);
    expect(await lines.first().textContent()).toContain('Контрольная цифра ИИН не сходится.');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}candidate-verdict-360-ru.png`, fullPage: true });
    await page.context().close();
  });

  it('lets the commission type in paper sheets, checking each IIN as it is typed', async () => {
    const page = await openPage(browser);
    await signInThroughDesk(page, engine.url, clerk, 'Гүлнар Ахметова');
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.paperSheets}`);
    const form = page.locator('form', { hasText: 'Қағаз парақтарды енгізу' });
    const signer = deskVoters[200];
    if (signer === undefined) throw new Error('no voter 200');
    const wrong = `${signer.iin.slice(0, 11)}${(Number(signer.iin[11]) + 1) % 10}`;
    await form.getByLabel('ЖСН').fill(wrong);
    await eventually(() => form.locator('.paper-line .error-message').textContent()).toBe(
      'ЖСН-нің бақылау цифры сәйкес келмейді.',
    );
    await form.getByLabel('ЖСН').fill(signer.iin);
    await eventually(() => form.getByText('ЖСН дұрыс.').count()).toBe(1);
    await form.getByLabel('Аты-жөні').fill(signer.fullName);
    await form.getByLabel('Туған күні').fill(signer.birthDate);
    await form.getByLabel('Мекенжайы').fill(signer.address);
    await form.getByLabel('Қол қойылған күн').fill('2026-02-08');
    await form.getByLabel('Қол жинаушы').fill('Сборщик');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}paper-sheets-kk.png`, fullPage: true });
    await form.getByRole('button', { name: 'Жіберу' }).click();
    // One valid line of nine needed: counted; the case goes on waiting for sheets until its deadline.
    await eventually(() => form.textContent()).toContain('Жарамды: 1, қажет: 9, жарамсыз: 0');
    await eventually(() =>
      page.locator('section', { hasText: 'Қолдарды тексеру' }).first().textContent(),
    ).toContain('Қолдар жеткіліксіз: тағы 8 қажет.');
    expect(await page.locator('.facts .tag').textContent()).toBe('қолдарды күтеді');
    await page.context().close();
  });
});
