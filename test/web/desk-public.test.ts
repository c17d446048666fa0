import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  focusedId,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
} from '../support/desk-browser.ts';
import { type SeededElection, seedElection } from '../support/desk-election.ts';
import { type DeskStage, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let seeded: SeededElection;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
}, 60_000);
afterAll(() => desk?.close());

describe('the public list, without signing in', () => {
  it('shows the registered candidate and the refusal with its ground in Kazakh, by default', async () => {
    const page = await openPage(desk.browser);
    await page.goto(`${desk.url}/#/public/${seeded.electionId}`);
    await eventually(() => page.locator('h1').textContent()).toBe('Кандидаттар: Ақтоғай ауылдық округі');
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    const registered = page.locator('section', { hasText: 'Тіркелген кандидаттар' });
    await expect
      .poll(() => registered.locator('tbody tr').allTextContents())
      .toEqual([expect.stringContaining('Асқар Нұрланұлы Сейітов')]);
    const refused = page.locator('section', { hasText: 'Тіркеуден бас тарту және' });
    const row = await refused.locator('tbody tr').textContent();
    expect(row).toContain('Айгүл Серікқызы Омарова');
    expect(row).toContain('тіркеуден бас тартылды');
    // The public sees the category of the ground, never the commission's reasons.
    expect(row).not.toContain('декларация тапсырылмаған');
    // Every moment in the election's local time (Asia/Almaty, UTC+5): registered on 5 February, 09:00.
    expect(await registered.locator('tbody tr').textContent()).toContain('09:00');
    expect(await page.content()).not.toMatch(/\d{12}/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('public-list-kk.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the same list in Russian once Russian is chosen, and keeps the choice', async () => {
    const page = await openPage(desk.browser);
    await page.goto(`${desk.url}/#/public/${seeded.electionId}`);
    await page.getByLabel('Тіл').selectOption('ru');
    await eventually(() => page.locator('h1').textContent()).toBe('Кандидаты: Актогайский сельский округ');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await eventually(() => page.getByText('Зарегистрированные кандидаты').count()).toBe(1);
    await eventually(() => page.locator('tbody').first().textContent()).toContain('партия: amanat');
    await page.reload();
    await eventually(() => page.locator('h1').textContent()).toBe('Кандидаты: Актогайский сельский округ');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a 360 px phone screen without sideways scrolling', async () => {
    const page = await openPage(desk.browser, { width: 360, language: 'ru' });
    await page.goto(`${desk.url}/#/public/${seeded.electionId}`);
    await eventually(() => page.locator('tbody tr').count()).toBe(2);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: screenshotPath('public-list-360-ru.png'), fullPage: true });
    await page.context().close();
  });

  it('finds an election by its number from the start page, and says how to write a wrong one', async () => {
    const page = await openPage(desk.browser, { width: 360 });
    await page.goto(`${desk.url}/`);
    await page.getByLabel('Сайлаудың нөмірі').fill('19523');
    await page.getByRole('button', { name: 'Ашу' }).click();
    const summary = page.getByRole('alert');
    await eventually(() => summary.textContent()).toContain('195230100-2026-03-15 түрінде');
    // The summary's link takes the keyboard to the field at fault.
    await summary.getByRole('link').click();
    expect(await focusedId(page)).toBe('find-electionId');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Сайлаудың нөмірі').fill(seeded.electionId);
    await page.getByRole('button', { name: 'Ашу' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('Кандидаттар: Ақтоғай ауылдық округі');
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().close();
  });

  it('says in the chosen language that an election does not exist', async () => {
    const page = await openPage(desk.browser, { language: 'ru' });
    await page.goto(`${desk.url}/#/public/195230100-2030-01-01`);
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/[А-Яа-я]/);
    expect(await page.getByRole('alert').textContent()).not.toMatch(/[A-Za-z]{4}/);
    await page.context().close();
  });
});
