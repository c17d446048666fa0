import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computedStyle,
  eventually,
  horizontalOverflow,
  type JourneyLanguage,
  journeyLanguages,
  openPage,
  seriousAccessibilityViolations,
  setWidth,
  showDeskPage,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { partyNomineeAwaitingDecision, type SeededElection, seedElection } from '../support/desk-election.ts';
import { downloaded, pdfText, xlsxRows } from '../support/desk-files-read.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let seeded: SeededElection;
let clerk: Credentials;
/** A party's nominee awaiting the commission's decision, one per language: each journey refuses its own. */
let toRefuse: Record<JourneyLanguage, string>;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  toRefuse = {
    kk: await partyNomineeAwaitingDecision(desk.api, seeded.electionId, {
      fullName: 'Мақсат Ерланұлы Төлеуов',
      serial: 8,
      partyId: 'auyl',
    }),
    ru: await partyNomineeAwaitingDecision(desk.api, seeded.electionId, {
      fullName: 'Тимур Асқарұлы Бекенов',
      serial: 9,
      partyId: 'respublica',
    }),
  };
  clerk = await desk.account({ ...districtClerk, admin: true });
}, 90_000);
afterAll(() => desk?.close());

const clerkTab = () => desk.signedInTab(clerk, 'Гүлнар Ахметова');

/** What the clerk reads, written out here per language: the desk's own tables are what is being checked. */
const words = {
  kk: {
    electionTitle: 'Сайлау: Ақтоғай ауылдық округі',
    nominationCloses: 'кандидаттарды ұсыну аяқталады',
    closesAt: '2026 жылғы 17 ақпанда сағат 18:00-де',
    // The engine's manual clock stands at 5 February 09:00 local: nomination closes on 17 February at 18:00.
    left: '12 күн 09:00:00 қалды',
    cases: 'Істер',
    route: 'Ұсыну тәсілі',
    status: 'Мәртебе',
    caseTitle: 'Іс: Ерлан Болатұлы Жақсыбеков',
    waiting: 'тіркеу туралы шешім, аумақтық сайлау комиссиясы, 2026 жылғы 22 ақпанда сағат 18:00-де',
    checksum: 'ЖСН-нің бақылау цифры сәйкес келмейді.',
    timeline: ['кандидат ұсынылды', 'қолдар тексерілді', 'талаптарға сәйкестігі тексерілді'],
    workflow: 'Істің жолы',
    showRejected: 'Жарамсыз жолдарды көрсету',
    sheet: 'Парақ',
    xlsx: 'XLSX жүктеп алу',
    rejectedLine: 'жарамсыз',
    validLine: 'жарамды',
    refusal: 'Тіркеуден бас тарту',
    reasons: 'Себептері',
    send: 'Жіберу',
    chooseGround: 'Кемінде бір құқықтық негізді таңдаңыз.',
    ground: 'құжаттар толық емес',
    refused: 'тіркеуден бас тартылды',
    reinstatement: 'Сот немесе жоғары тұрған комиссия шешімі бойынша қалпына келтіру',
    reasonsTyped: 'Кандидат декларацияны тапсырмаған.',
    // The refusal printed in the other language: a Kazakh clerk prints the Russian one, and the reverse.
    otherDocument: 'Тіркеуден бас тарту туралы шешім (орысша)',
    otherPaper: ['РЕШЕНИЕ', 'Отказать в регистрации кандидату'],
    signOut: 'Шығу',
    print: 'Басып шығару',
  },
  ru: {
    electionTitle: 'Выборы: Актогайский сельский округ',
    nominationCloses: 'окончание выдвижения кандидатов',
    closesAt: '17 февраля 2026 г. в 18:00 по местному времени',
    left: 'осталось 12 дней 09:00:00',
    cases: 'Дела',
    route: 'Способ выдвижения',
    status: 'Статус',
    caseTitle: 'Дело: Ерлан Болатұлы Жақсыбеков',
    waiting: 'решение о регистрации, территориальная избирательная комиссия, до 22 февраля 2026 г. в 18:00',
    checksum: 'Контрольная цифра ИИН не сходится.',
    timeline: ['кандидат выдвинут', 'подписи проверены', 'проверено соответствие требованиям'],
    workflow: 'Путь дела',
    showRejected: 'Показать недействительные строки',
    sheet: 'Лист',
    xlsx: 'Скачать XLSX',
    rejectedLine: 'недействительна',
    validLine: 'действительна',
    refusal: 'Отказ в регистрации',
    reasons: 'Причины',
    send: 'Отправить',
    chooseGround: 'Выберите хотя бы одно правовое основание.',
    ground: 'документы неполные',
    refused: 'отказано в регистрации',
    reinstatement: 'Восстановление по решению суда или вышестоящей комиссии',
    reasonsTyped: 'Кандидат не представил декларацию.',
    otherDocument: 'Решение об отказе в регистрации (на казахском)',
    otherPaper: ['ШЕШІМ', 'кандидат ретінде тіркеуден бас тартылсын'],
    signOut: 'Выйти',
    print: 'Печать',
  },
} as const;

describe.each(journeyLanguages)('the commission’s desk (%s)', (language) => {
  const said = words[language];

  it('shows the election’s calendar with a countdown by the engine’s clock, and filters its cases', async () => {
    const page = await clerkTab();
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}`, { language, width: 1280 });
    await eventually(() => page.locator('h1').textContent()).toBe(said.electionTitle);
    const close = page.locator('.calendar div', { hasText: said.nominationCloses });
    await eventually(() => close.textContent()).toContain(said.closesAt);
    expect(await close.textContent()).toContain(said.left);

    const cases = page.getByRole('region', { name: said.cases, exact: true });
    const rows = cases.locator('tbody tr');
    await eventually(() => rows.count()).toBe(7);
    // The self-nominees (the file's party nominees left out), then those of them awaiting the decision.
    await cases.getByLabel(said.route).selectOption('self');
    await eventually(() => rows.count()).toBe(4);
    await cases.getByLabel(said.status).selectOption('AwaitingRegistrationDecision');
    await eventually(() => rows.allTextContents()).toEqual([
      expect.stringContaining('Ерлан Болатұлы Жақсыбеков'),
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    if (language === 'ru') await page.screenshot({ path: screenshotPath('election-ru.png'), fullPage: true });
    await setWidth(page, 360);
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it('shows a case: what it waits for, the rejected signature lines in red with their reason, the timeline', async () => {
    const page = await clerkTab();
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}`, { language, width: 1280 });
    await page.getByRole('link', { name: 'Ерлан Болатұлы Жақсыбеков' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(said.caseTitle);
    await eventually(() => page.locator('.waiting').textContent()).toContain(said.waiting);
    const rejected = page.locator('tr.rejected');
    await eventually(() => rejected.textContent()).toContain(said.checksum);
    expect(await rejected.locator('td').nth(1).textContent()).toBe('2');
    expect(await computedStyle(page, 'tr.rejected', 'color')).toBe('rgb(176, 35, 27)');
    expect(await page.locator('.timeline li').allTextContents()).toEqual(
      said.timeline.map((event) => expect.stringContaining(event)),
    );
    expect(await page.content()).not.toMatch(/\d{12}/);
    // The workflow drawn from the ASL file, the case's current state marked.
    await eventually(() => page.locator('section', { hasText: said.workflow }).locator('svg').count()).toBe(
      1,
    );

    // Each rejected line: its place on the sheets and why, in red; never the signer's IIN.
    await page.getByRole('button', { name: said.showRejected }).click();
    const lines = page.locator('table', { hasText: said.sheet }).locator('tbody tr.rejected');
    await eventually(() => lines.count()).toBe(2);
    expect(await lines.first().textContent()).toContain(said.checksum);
    expect(await page.content()).not.toMatch(/\d{12}/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    if (language === 'kk') await page.screenshot({ path: screenshotPath('case-kk.png'), fullPage: true });

    // The verdict as a spreadsheet in the desk's language: every line, the rejected ones with their reason.
    const file = await downloaded(page, () => page.getByRole('button', { name: said.xlsx }).click());
    expect(file.name).toBe(`signatures-${seeded.awaitingDecision}.xlsx`);
    const rows = await xlsxRows(file.bytes);
    expect(rows).toHaveLength(13);
    expect(rows[1]).toEqual([1, 1, said.rejectedLine, said.checksum]);
    expect(rows[3]).toEqual([1, 3, said.validLine, null]);
  });

  it('refuses registration with a ground from the election’s list, after saying a ground is needed, and prints it', async () => {
    const page = await clerkTab();
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}/cases/${toRefuse[language]}`, {
      language,
      width: 360,
    });
    const refusal = page.locator('form', { hasText: said.refusal });
    await refusal.getByLabel(said.reasons).fill(said.reasonsTyped);
    await refusal.getByRole('button', { name: said.send }).click();
    await eventually(() => refusal.getByRole('alert').textContent()).toContain(said.chooseGround);
    expect(await horizontalOverflow(page)).toBe(0);
    await refusal.getByLabel(said.ground).check();
    await refusal.getByRole('button', { name: said.send }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe(said.refused);
    // A refused case can only be reinstated now: the form for that is what the page offers.
    await eventually(() => page.locator('form h3').allTextContents()).toEqual([said.reinstatement]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The refusal on paper, from the decision record: printed to PDF by the browser.
    await page.getByRole('link', { name: said.otherDocument }).click();
    await eventually(() => page.locator('.paper').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const text = await pdfText(await page.pdf({ format: 'A4' }));
    for (const part of said.otherPaper) expect(text).toContain(part);
    expect(text).toContain(language === 'kk' ? 'Мақсат Ерланұлы Төлеуов' : 'Тимур Асқарұлы Бекенов');
    expect(text).toContain(said.reasonsTyped);
    // Paper carries the document only: not the desk's header, nor its buttons.
    expect(text).not.toContain(said.signOut);
    expect(text).not.toContain(said.print);
  });
});

describe('the countdown and the engine’s clock', () => {
  it('stands still with a manual clock however long the browser waits, follows its moves, and runs with a real one', async () => {
    // A tab of its own, signed in with the browser's own timers; then a clock the test drives, installed before the
    // election page starts its timers: minutes of the browser's time pass in an instant.
    const page = await openPage(desk.browser);
    await signInThroughDesk(page, desk.url, clerk, 'Гүлнар Ахметова');
    await page.clock.install();
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}`);
    const close = page.locator('.calendar div', { hasText: words.kk.nominationCloses });
    // What the row says, or what the page shows instead while it has no such row: a failure says which.
    const closeSays = async () =>
      (await close.count()) === 1
        ? close.textContent()
        : `no one row: ${await page.locator('#desk').textContent()}`;
    await eventually(closeSays).toContain('12 күн 09:00:00 қалды');
    expect(await page.locator('#calendar-title ~ .hint').textContent()).toBe(
      'Жүйенің сағатын оператор қолмен жылжытады: ол жылжытылғанша қалған уақыт өзгермейді.',
    );
    // From here the browser's time moves only when the test moves it, however slowly the machine runs.
    await page.clock.pauseAt((await page.evaluate<number>('Date.now()')) + 2000);

    // Over ten minutes of the browser's time, the page reading the engine's time again meanwhile: nothing moves.
    await page.clock.fastForward('10:00');
    await page.clock.fastForward('00:31');
    expect(await closeSays()).toContain('12 күн 09:00:00 қалды');

    // The operator moves the engine's clock an hour and a half on: the page's next reading shows it.
    const moved = await desk.api(commission, 'POST', '/admin/clock', { to: '2026-02-05T05:30:00.000Z' });
    expect(moved.status).toBe(200);
    await page.clock.fastForward('00:31');
    await eventually(closeSays).toContain('12 күн 07:30:00 қалды');

    // An engine whose clock runs by itself (as on AWS): between readings the countdown runs on by the browser's time.
    await page.route('**/time', (route) =>
      route.fulfill({ json: { now: '2026-02-05T05:30:00.000Z', clock: 'real' } }),
    );
    await page.clock.fastForward('00:31');
    await eventually(() => page.locator('#calendar-title ~ .hint').textContent()).toBe(
      'Қалған уақыт жүйенің сағаты бойынша есептеледі.',
    );
    await page.clock.runFor(5_000);
    await eventually(closeSays).toMatch(/12 күн 07:29:5\d қалды/);
    await page.context().close();
  });
});
