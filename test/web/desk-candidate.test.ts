import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { deskVoters, type SeededElection, seedElection } from '../support/desk-election.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { fixtureCalendar } from '../support/engine.ts';
import { linesFrom } from '../support/signers.ts';

let desk: DeskStage;
let seeded: SeededElection;
let candidate: Credentials;
let clerk: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  candidate = await desk.account({
    role: 'candidate',
    scope: seeded.awaitingSignatures.iin,
    name: 'Дана Маратқызы Сәрсенова',
    managedBy: '1952',
  });
  clerk = await desk.account(districtClerk);
}, 90_000);
afterAll(() => desk?.close());

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
    const page = await openPage(desk.browser, { language: 'ru', width: 360 });
    await signInThroughDesk(page, desk.url, candidate, 'Дана Маратқызы Сәрсенова');
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}`);
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
    await page.screenshot({ path: screenshotPath('candidate-verdict-360-ru.png'), fullPage: true });
    await page.context().close();
  });

  it('lets the commission type in paper sheets, checking each IIN as it is typed', async () => {
    const page = await openPage(desk.browser);
    await signInThroughDesk(page, desk.url, clerk, 'Гүлнар Ахметова');
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}/cases/${seeded.paperSheets}`);
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
    await page.screenshot({ path: screenshotPath('paper-sheets-kk.png'), fullPage: true });
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
