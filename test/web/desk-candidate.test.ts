import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  horizontalOverflow,
  type JourneyLanguage,
  journeyLanguages,
  seriousAccessibilityViolations,
  showDeskPage,
} from '../support/desk-browser.ts';
import {
  deskVoters,
  type SeededElection,
  seedElection,
  selfNomineeAwaitingSignatures,
} from '../support/desk-election.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { fixtureCalendar } from '../support/engine.ts';
import { linesFrom } from '../support/signers.ts';

let desk: DeskStage;
let seeded: SeededElection;
let clerk: Credentials;
/** Per language: a self-nominee (with her account) who uploads her sheets, and a case whose paper sheets are typed in. */
let uploading: Record<JourneyLanguage, { readonly name: string; readonly account: Credentials }>;
let paperSheets: Record<JourneyLanguage, string>;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  clerk = await desk.account(districtClerk);
  const candidateAccount = (iin: string, name: string) =>
    desk.account({ role: 'candidate', scope: iin, name, managedBy: '1952' });
  const second = await selfNomineeAwaitingSignatures(
    desk.api,
    seeded.electionId,
    'Айжан Нұрболқызы Қали',
    10,
  );
  uploading = {
    kk: {
      name: 'Айжан Нұрболқызы Қали',
      account: await candidateAccount(second.iin, 'Айжан Нұрболқызы Қали'),
    },
    ru: {
      name: 'Дана Маратқызы Сәрсенова',
      account: await candidateAccount(seeded.awaitingSignatures.iin, 'Дана Маратқызы Сәрсенова'),
    },
  };
  paperSheets = {
    kk: seeded.paperSheets,
    ru: (await selfNomineeAwaitingSignatures(desk.api, seeded.electionId, 'Ғалым Серікұлы Ахметов', 13))
      .caseId,
  };
}, 90_000);
afterAll(() => desk?.close());

/** Signature sheets as a candidate's CSV: 12 lines from the district's voters from `first` on, two with a wrong IIN. */
function sheetsCsv(first: number): string {
  const lines = linesFrom(deskVoters.slice(first, first + 12)).map((line, index) =>
    index < 2 ? { ...line, iin: `${line.iin.slice(0, 11)}${(Number(line.iin[11]) + 1) % 10}` } : line,
  );
  const header = 'sheet,line,iin,fullName,birthDate,address,signedOn,collector';
  const rows = lines.map((l) =>
    [l.sheet, l.line, l.iin, l.fullName, l.birthDate, `"${l.address}"`, l.signedOn, l.collector].join(','),
  );
  return [header, ...rows].join('\n');
}

/** What each journey types and reads, written out per language: the desk's own tables are what is checked. */
const words = {
  kk: {
    cases: 'Істер',
    awaitingSignatures: 'қолдарды күтеді',
    file: 'Файл (CSV немесе XLSX)',
    upload: 'Қол қою парақтарын жүктеу',
    send: 'Жіберу',
    signatures: 'Қолдарды тексеру',
    verdict: 'Жарамды: 10, қажет: 9, жарамсыз: 2',
    showRejected: 'Жарамсыз жолдарды көрсету',
    sheet: 'Парақ',
    checksum: 'ЖСН-нің бақылау цифры сәйкес келмейді.',
    paper: 'Қағаз парақтарды енгізу',
    iin: 'ЖСН',
    iinRight: 'ЖСН дұрыс.',
    fullName: 'Аты-жөні',
    birthDate: 'Туған күні',
    address: 'Мекенжайы',
    signedOn: 'Қол қойылған күн',
    collector: 'Қол жинаушы',
    counted: 'Жарамды: 1, қажет: 9, жарамсыз: 0',
    short: 'Қолдар жеткіліксіз: тағы 8 қажет.',
  },
  ru: {
    cases: 'Дела',
    awaitingSignatures: 'ждёт подписей',
    file: 'Файл (CSV или XLSX)',
    upload: 'Загрузка подписных листов',
    send: 'Отправить',
    signatures: 'Проверка подписей',
    verdict: 'Действительных: 10, нужно: 9, недействительных: 2',
    showRejected: 'Показать недействительные строки',
    sheet: 'Лист',
    checksum: 'Контрольная цифра ИИН не сходится.',
    paper: 'Ввод бумажных листов',
    iin: 'ИИН',
    iinRight: 'ИИН верен.',
    fullName: 'Фамилия, имя, отчество',
    birthDate: 'Дата рождения',
    address: 'Адрес',
    signedOn: 'Дата подписи',
    collector: 'Сборщик подписей',
    counted: 'Действительных: 1, нужно: 9, недействительных: 0',
    short: 'Подписей недостаточно: нужно ещё 8.',
  },
} as const;

describe.each(journeyLanguages)('a self-nominee’s signatures in the desk (%s)', (language) => {
  const said = words[language];

  it('uploads signature sheets with progress, then sees the verdict and each rejected line (at 360 px)', async () => {
    const { name, account } = uploading[language];
    const page = await desk.signedInTab(account, name);
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}`, { language, width: 360 });
    // The candidate sees their own case only.
    const rows = page.getByRole('region', { name: said.cases, exact: true }).locator('tbody tr');
    await eventually(() => rows.allTextContents()).toEqual([expect.stringContaining(name)]);
    await page.getByRole('link', { name }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe(said.awaitingSignatures);

    await page.getByLabel(said.file).setInputFiles({
      name: 'sheets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sheetsCsv(language === 'kk' ? 120 : 100)),
    });
    await page.locator('form', { hasText: said.upload }).getByRole('button', { name: said.send }).click();
    // Counted: the case waits for signatures no more, and the verdict is on the case.
    await eventually(() => page.locator('.facts .tag').textContent()).not.toBe(said.awaitingSignatures);
    await eventually(() =>
      page.locator('section', { hasText: said.signatures }).first().textContent(),
    ).toContain(said.verdict);
    await page.getByRole('button', { name: said.showRejected }).click();
    const lines = page.locator('table', { hasText: said.sheet }).locator('tbody tr.rejected');
    await eventually(() => lines.count()).toBe(2);
    expect(await lines.first().textContent()).toContain(said.checksum);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    if (language === 'ru')
      await page.screenshot({ path: screenshotPath('candidate-verdict-360-ru.png'), fullPage: true });
  });

  it('lets the commission type in paper sheets, checking each IIN as it is typed', async () => {
    const page = await desk.signedInTab(clerk, 'Гүлнар Ахметова');
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}/cases/${paperSheets[language]}`, {
      language,
      width: 1280,
    });
    const form = page.locator('form', { hasText: said.paper });
    const signer = deskVoters[language === 'kk' ? 200 : 201];
    if (signer === undefined) throw new Error('no such voter');
    const wrong = `${signer.iin.slice(0, 11)}${(Number(signer.iin[11]) + 1) % 10}`;
    await form.getByLabel(said.iin).fill(wrong);
    await eventually(() => form.locator('.paper-line .error-message').textContent()).toBe(said.checksum);
    await form.getByLabel(said.iin).fill(signer.iin);
    await eventually(() => form.getByText(said.iinRight).count()).toBe(1);
    await form.getByLabel(said.fullName).fill(signer.fullName);
    await form.getByLabel(said.birthDate).fill(signer.birthDate);
    await form.getByLabel(said.address).fill(signer.address);
    await form.getByLabel(said.signedOn).fill('2026-02-08');
    await form.getByLabel(said.collector).fill('Сборщик');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    if (language === 'kk')
      await page.screenshot({ path: screenshotPath('paper-sheets-kk.png'), fullPage: true });
    await form.getByRole('button', { name: said.send }).click();
    // One valid line of nine needed: counted; the case goes on waiting for sheets until its deadline.
    await eventually(() => form.textContent()).toContain(said.counted);
    await eventually(() =>
      page.locator('section', { hasText: said.signatures }).first().textContent(),
    ).toContain(said.short);
    expect(await page.locator('.facts .tag').textContent()).toBe(said.awaitingSignatures);
  });
});
