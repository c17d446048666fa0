import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCandidate } from '../support/candidates.ts';
import {
  eventually,
  horizontalOverflow,
  journeyLanguages,
  seriousAccessibilityViolations,
  showDeskPage,
} from '../support/desk-browser.ts';
import { deskVoters } from '../support/desk-election.ts';
import { pdfText } from '../support/desk-files-read.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { amanatSecretary, type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { commission as commissionCaller, fixtureCalendar } from '../support/engine.ts';
import { waitForStatus } from '../support/engine-process.ts';

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

/**
 * Each language's election of the district (its own unit) and what its people type and read, written out here:
 * the desk's own tables are what is checked.
 */
const journeys = {
  kk: {
    electionId: '195230100-2026-03-15',
    call: {
      'ӘАОЖ (КАТО) коды': '195230100',
      'Атауы қазақша': 'Ақтоғай ауылдық округі',
      'Атауы орысша': 'Актогайский сельский округ',
      'Сайлау күні': '2026-03-15',
      'Тағайындалған күні': '2026-02-04',
    },
    callForm: 'Сайлауды тағайындау',
    send: 'Жіберу',
    called: 'Сайлау: Ақтоғай ауылдық округі',
    registerFile: 'Файл (CSV немесе XLSX)',
    registerForm: 'Сайлаушылар тізімін жүктеу',
    registerLoaded: 'Сайлаушылар тізімі: 900 сайлаушы',
    nominee: aCandidate({ fullName: 'Асқар Нұрланұлы Сейітов' }, 1),
    electionNumber: 'Сайлаудың нөмірі',
    open: 'Ашу',
    filingForm: 'Кандидатты ұсыну',
    iin: 'ЖСН',
    checksum: 'ЖСН-нің бақылау цифры сәйкес келмейді.',
    fullName: 'Аты-жөні',
    birthDate: 'Туған күні',
    party: [
      ['Шешім қабылдаған орган', 'Облыстық филиал кеңесі'],
      ['Шешімнің күні', '2026-02-05'],
      ['Хаттама нөмірі', '12'],
    ],
    awaitingParty: 'партияның растауын күтеді',
    confirmationForm: 'Партияның растауы',
    confirmed: /^(талаптарға сәйкестігі тексерілуде|тіркеу туралы шешімді күтеді)$/,
    registrationForm: 'Кандидатты тіркеу',
    specialCheck: 'Арнаулы тексерудің нәтижесі',
    declarations: 'Кірістер мен мүлік туралы декларация тапсырылды',
    registered: 'тіркелді',
    // The public reads the list in the other language, and prints it.
    readerLanguage: 'ru',
    printedList: 'Список зарегистрированных кандидатов (на русском)',
  },
  ru: {
    electionId: '195230200-2026-03-15',
    call: {
      'Код КАТО': '195230200',
      'Наименование на казахском': 'Қызылту ауылдық округі',
      'Наименование на русском': 'Кызылтуский сельский округ',
      'День выборов': '2026-03-15',
      'Дата назначения': '2026-02-04',
    },
    callForm: 'Назначение выборов',
    send: 'Отправить',
    called: 'Выборы: Кызылтуский сельский округ',
    registerFile: 'Файл (CSV или XLSX)',
    registerForm: 'Загрузка списка избирателей',
    registerLoaded: 'Список избирателей: 900',
    nominee: aCandidate({ fullName: 'Ерік Бақытұлы Сұлтанов' }, 2),
    electionNumber: 'Номер выборов',
    open: 'Открыть',
    filingForm: 'Выдвижение кандидата',
    iin: 'ИИН',
    checksum: 'Контрольная цифра ИИН не сходится.',
    fullName: 'Фамилия, имя, отчество',
    birthDate: 'Дата рождения',
    party: [
      ['Орган, принявший решение', 'Совет областного филиала'],
      ['Дата решения', '2026-02-05'],
      ['Номер протокола', '14'],
    ],
    awaitingParty: 'ждёт подтверждения партии',
    confirmationForm: 'Подтверждение партии',
    confirmed: /^(проверка соответствия требованиям|ждёт решения о регистрации)$/,
    registrationForm: 'Регистрация кандидата',
    specialCheck: 'Результат специальной проверки',
    declarations: 'Декларации о доходах и имуществе поданы',
    registered: 'зарегистрирован',
    readerLanguage: 'kk',
    printedList: 'Тіркелген кандидаттардың тізімі (қазақша)',
  },
} as const;

describe.each(journeyLanguages)('a whole election in the desk (%s)', (language) => {
  const journey = journeys[language];

  it('is called, gets its voter list, a party’s nominee filed on a phone and confirmed, registered, and published', async () => {
    const commission = await desk.signedInTab(clerk, 'Гүлнар Ахметова');
    await showDeskPage(commission, desk.url, '#/elections', { language, width: 1280 });
    for (const [label, value] of Object.entries(journey.call))
      await commission.getByLabel(label, { exact: true }).fill(value);
    await commission
      .locator('form', { hasText: journey.callForm })
      .getByRole('button', { name: journey.send })
      .click();
    await eventually(() => commission.locator('h1').textContent()).toBe(journey.called);
    expect(commission.url()).toContain(journey.electionId);

    await commission.getByLabel(journey.registerFile).setInputFiles({
      name: 'register.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(registerCsv()),
    });
    await commission
      .locator('form', { hasText: journey.registerForm })
      .getByRole('button', { name: journey.send })
      .click();
    await eventually(() => commission.locator('main').textContent()).toContain(journey.registerLoaded);

    // The party's secretary, on a phone, opens the election by its number and files the nominee.
    const party = await desk.signedInTab(secretary, 'Аманат хатшысы');
    await showDeskPage(party, desk.url, '#/elections', { language, width: 360 });
    await party.getByLabel(journey.electionNumber).fill(journey.electionId);
    await party.getByRole('button', { name: journey.open }).click();
    const filing = party.locator('form', { hasText: journey.filingForm });
    await eventually(() => filing.count()).toBe(1);
    const { iin } = journey.nominee;
    await filing.getByLabel(journey.iin).fill(`${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`);
    await eventually(() => filing.locator('.error-message').first().textContent()).toBe(journey.checksum);
    await filing.getByLabel(journey.iin).fill(iin);
    await filing.getByLabel(journey.fullName).fill(journey.nominee.fullName);
    await filing.getByLabel(journey.birthDate).fill(journey.nominee.birthDate);
    for (const checkbox of await filing.locator('fieldset fieldset input[type="checkbox"]').all())
      await checkbox.check();
    for (const [label, value] of journey.party) await filing.getByLabel(label).fill(value);
    expect(await seriousAccessibilityViolations(party)).toEqual([]);
    expect(await horizontalOverflow(party)).toBe(0);
    await filing.getByRole('button', { name: journey.send }).click();
    await eventually(() => party.locator('.facts .tag').textContent()).toBe(journey.awaitingParty);
    await party
      .locator('form', { hasText: journey.confirmationForm })
      .getByRole('button', { name: journey.send })
      .click();
    // Confirmed: the engine checks eligibility, then the case waits for the commission (the page shows either).
    await eventually(() => party.locator('.facts .tag').textContent()).toMatch(journey.confirmed);
    const caseUrl = party.url();
    const caseId = caseUrl.split('/cases/')[1] ?? '';
    await waitForStatus(
      desk.api,
      commissionCaller,
      journey.electionId,
      caseId,
      'AwaitingRegistrationDecision',
    );

    await commission.goto(caseUrl);
    const registration = commission.locator('form', { hasText: journey.registrationForm });
    await registration.getByLabel(journey.specialCheck).selectOption('passed');
    await registration.getByLabel(journey.declarations).check();
    await registration.getByRole('button', { name: journey.send }).click();
    await eventually(() => commission.locator('.facts .tag').textContent()).toBe(journey.registered);
    expect(await seriousAccessibilityViolations(commission)).toEqual([]);

    // The public, without signing in: the registered list, and the list on paper.
    const reader = await desk.visitorTab();
    await showDeskPage(reader, desk.url, `#/public/${journey.electionId}`, {
      language: journey.readerLanguage,
      width: 1280,
    });
    await eventually(() => reader.locator('tbody').first().textContent()).toContain(journey.nominee.fullName);
    await reader.getByRole('link', { name: journey.printedList }).click();
    await eventually(() => reader.locator('.paper').count()).toBe(1);
    const text = await pdfText(await reader.pdf({ format: 'A4' }));
    expect(text).toContain(journey.nominee.fullName);
    expect(text).not.toMatch(/\d{12}/);
  });
});
