import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  eventually,
  focusedId,
  horizontalOverflow,
  journeyLanguages,
  openPage,
  seriousAccessibilityViolations,
  setWidth,
  showDeskPage,
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

/** What a visitor reads, written out per language: the desk's own tables are what is checked. */
const words = {
  kk: {
    title: 'Кандидаттар: Ақтоғай ауылдық округі',
    registered: 'Тіркелген кандидаттар',
    refusals: 'Тіркеуден бас тарту және тіркеудің күшін жою',
    refused: 'тіркеуден бас тартылды',
    nominator: 'партия: amanat',
    electionNumber: 'Сайлаудың нөмірі',
    open: 'Ашу',
    howToWrite: 'Сайлаудың нөмірін 195230100-2026-03-15 түрінде енгізіңіз.',
    notFound: 'Табылмады: ',
  },
  ru: {
    title: 'Кандидаты: Актогайский сельский округ',
    registered: 'Зарегистрированные кандидаты',
    refusals: 'Отказы в регистрации и отмены регистрации',
    refused: 'отказ в регистрации',
    nominator: 'партия: amanat',
    electionNumber: 'Номер выборов',
    open: 'Открыть',
    howToWrite: 'Введите номер выборов в виде 195230100-2026-03-15.',
    notFound: 'Не найдено: ',
  },
} as const;

describe('the public list, without signing in', () => {
  it('is in Kazakh by default; Russian once chosen with the desk’s control, kept on reload; English too', async () => {
    const page = await openPage(desk.browser);
    await page.goto(`${desk.url}/#/public/${seeded.electionId}`);
    await eventually(() => page.locator('h1').textContent()).toBe(words.kk.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');

    await chooseLanguage(page, 'ru');
    await eventually(() => page.locator('h1').textContent()).toBe(words.ru.title);
    await page.reload();
    await eventually(() => page.locator('h1').textContent()).toBe(words.ru.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await chooseLanguage(page, 'en');
    await eventually(() => page.locator('h1').textContent()).toBe('Candidates: Актогайский сельский округ');
    await eventually(() => page.getByText('Registered candidates', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.each(journeyLanguages)('the public list (%s)', (language) => {
  const said = words[language];

  it('shows the registered candidate and the refusal with its ground’s category, on a desk and a phone', async () => {
    const page = await desk.visitorTab();
    await showDeskPage(page, desk.url, `#/public/${seeded.electionId}`, { language, width: 1280 });
    await eventually(() => page.locator('h1').textContent()).toBe(said.title);
    const registered = page.locator('section', { hasText: said.registered });
    await eventually(() => registered.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('Асқар Нұрланұлы Сейітов'),
    ]);
    expect(await registered.locator('tbody tr').textContent()).toContain(said.nominator);
    const row = await page.locator('section', { hasText: said.refusals }).locator('tbody tr').textContent();
    expect(row).toContain('Айгүл Серікқызы Омарова');
    expect(row).toContain(said.refused);
    // The public sees the category of the ground, never the commission's reasons.
    expect(row).not.toContain('декларация тапсырылмаған');
    // Every moment in the election's local time (Asia/Almaty, UTC+5): registered on 5 February, 09:00.
    expect(await registered.locator('tbody tr').textContent()).toContain('09:00');
    expect(await page.content()).not.toMatch(/\d{12}/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    if (language === 'kk')
      await page.screenshot({ path: screenshotPath('public-list-kk.png'), fullPage: true });

    await setWidth(page, 360);
    expect(await horizontalOverflow(page)).toBe(0);
    if (language === 'ru')
      await page.screenshot({ path: screenshotPath('public-list-360-ru.png'), fullPage: true });
  });

  it('finds an election by its number from the start page, and says how to write a wrong one', async () => {
    const page = await desk.visitorTab();
    await showDeskPage(page, desk.url, '#/', { language, width: 360 });
    await page.getByLabel(said.electionNumber).fill('19523');
    await page.getByRole('button', { name: said.open }).click();
    const summary = page.getByRole('alert');
    await eventually(() => summary.textContent()).toContain(said.howToWrite);
    // The summary's link takes the keyboard to the field at fault.
    await summary.getByRole('link').click();
    expect(await focusedId(page)).toBe('find-electionId');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByLabel(said.electionNumber).fill(seeded.electionId);
    await page.getByRole('button', { name: said.open }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(said.title);

    // No such election: the API's own message, in the chosen language.
    await page.goto(`${desk.url}/#/public/195230100-2030-01-01`);
    await eventually(() => page.getByRole('alert').textContent()).toContain(said.notFound);
  });
});
