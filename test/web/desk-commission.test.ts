import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computedStyle,
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { type SeededElection, seedElection } from '../support/desk-election.ts';
import { downloaded, pdfText, xlsxRows } from '../support/desk-files-read.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let seeded: SeededElection;
let clerk: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  clerk = await desk.account({ ...districtClerk, admin: true });
}, 90_000);
afterAll(() => desk?.close());

/** A commission clerk signed in through the engine's sign-in page, started from the desk's "sign in" button. */
async function signedIn(
  options: { readonly width?: number; readonly language?: 'kk' | 'ru' } = {},
): Promise<Page> {
  const page = await openPage(desk.browser, options);
  await signInThroughDesk(page, desk.url, clerk, 'Гүлнар Ахметова');
  return page;
}

describe('the commission’s desk', () => {
  it('shows the election’s calendar with a countdown by the engine’s clock, and filters its cases', async () => {
    const page = await signedIn({ language: 'ru' });
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}`);
    await eventually(() => page.locator('h1').textContent()).toBe('Выборы: Актогайский сельский округ');
    const close = page.locator('.calendar div', { hasText: 'окончание выдвижения кандидатов' });
    // The engine's manual clock stands at 5 February 09:00 local: nomination closes on 17 February at 18:00.
    await eventually(() => close.textContent()).toMatch(/17 февраля 2026 г\. в 18:00 по местному времени/);
    expect(await close.textContent()).toMatch(/осталось 12 дней 0(9:00:00|8:59:\d\d)/);

    const rows = page.locator('section', { hasText: 'Дела' }).locator('tbody tr');
    await eventually(() => rows.count()).toBe(5);
    await page.getByLabel('Статус').selectOption('AwaitingRegistrationDecision');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining('Ерлан Болатұлы Жақсыбеков')]);
    await page.getByLabel('Статус').selectOption('');
    await page.getByLabel('Чего ждёт').selectOption('nobody');
    await eventually(() => rows.count()).toBe(2);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('election-ru.png'), fullPage: true });
    await page.context().close();
  });

  it('shows a case: what it waits for, the rejected signature lines in red with their reason, the timeline', async () => {
    const page = await signedIn();
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}`);
    await page.getByRole('link', { name: 'Ерлан Болатұлы Жақсыбеков' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('Іс: Ерлан Болатұлы Жақсыбеков');
    expect(await page.locator('.waiting').textContent()).toContain(
      'тіркеу туралы шешім, аумақтық сайлау комиссиясы, 2026 жылғы 22 ақпанда сағат 18:00-де',
    );
    const rejected = page.locator('tr.rejected');
    await eventually(() => rejected.textContent()).toContain('ЖСН-нің бақылау цифры сәйкес келмейді.');
    expect(await rejected.locator('td').nth(1).textContent()).toBe('2');
    expect(await computedStyle(page, 'tr.rejected', 'color')).toBe('rgb(176, 35, 27)');
    expect(await page.locator('.timeline li').allTextContents()).toEqual([
      expect.stringContaining('кандидат ұсынылды'),
      expect.stringContaining('қолдар тексерілді'),
      expect.stringContaining('талаптарға сәйкестігі тексерілді'),
    ]);
    expect(await page.content()).not.toMatch(/\d{12}/);
    // The workflow drawn from the ASL file, the case's current state marked.
    await expect
      .poll(() => page.locator('section', { hasText: 'Істің жолы' }).locator('svg').count())
      .toBe(1);

    // Each rejected line: its place on the sheets and why, in red; never the signer's IIN.
    await page.getByRole('button', { name: 'Жарамсыз жолдарды көрсету' }).click();
    const lines = page.locator('table', { hasText: 'Парақ' }).locator('tbody tr.rejected');
    await eventually(() => lines.count()).toBe(2);
    expect(await lines.first().textContent()).toContain('ЖСН-нің бақылау цифры сәйкес келмейді.');
    expect(await page.content()).not.toMatch(/\d{12}/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('case-kk.png'), fullPage: true });

    // The verdict as a spreadsheet: every line, the rejected ones with their reason, the numbers as numbers.
    const file = await downloaded(page, () => page.getByRole('button', { name: 'XLSX жүктеп алу' }).click());
    expect(file.name).toBe(`signatures-${seeded.awaitingDecision}.xlsx`);
    const rows = await xlsxRows(file.bytes);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual([1, 1, 'жарамсыз', 'ЖСН-нің бақылау цифры сәйкес келмейді.']);
    expect(rows[3]).toEqual([1, 3, 'жарамды', null]);
    await page.context().close();
  });

  it('refuses registration with a ground from the election’s list, after saying a ground is needed', async () => {
    const page = await signedIn({ width: 360 });
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`);
    const refusal = page.locator('form', { hasText: 'Тіркеуден бас тарту' });
    await refusal.getByLabel('Себептері').fill('Кандидат декларацияны тапсырмаған.');
    await refusal.getByRole('button', { name: 'Жіберу' }).click();
    await expect
      .poll(() => refusal.getByRole('alert').textContent())
      .toContain('Кемінде бір құқықтық негізді таңдаңыз.');
    expect(await horizontalOverflow(page)).toBe(0);
    await refusal.getByLabel('құжаттар толық емес').check();
    await refusal.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('тіркеуден бас тартылды');
    // A refused case can only be reinstated now: the form for that is what the page offers.
    await expect
      .poll(() => page.locator('form h3').allTextContents())
      .toEqual(['Сот немесе жоғары тұрған комиссия шешімі бойынша қалпына келтіру']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The refusal on paper, in Russian, from the decision record: printed to PDF by the browser.
    await page.getByRole('link', { name: 'Тіркеуден бас тарту туралы шешім (орысша)' }).click();
    await eventually(() => page.locator('.paper').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const text = await pdfText(await page.pdf({ format: 'A4' }));
    expect(text).toContain('РЕШЕНИЕ');
    expect(text).toContain('Отказать в регистрации кандидату');
    expect(text).toContain('Ерлан Болатұлы Жақсыбеков');
    expect(text).toContain('Кандидат декларацияны тапсырмаған.');
    // Paper carries the document only: not the desk's header, nor its buttons.
    expect(text).not.toContain('Шығу');
    expect(text).not.toContain('Басып шығару');
    await page.context().close();
  });
});
