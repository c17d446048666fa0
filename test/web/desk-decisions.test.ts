import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  eventually,
  horizontalOverflow,
  type JourneyLanguage,
  journeyLanguages,
  seriousAccessibilityViolations,
  showDeskPage,
} from '../support/desk-browser.ts';
import {
  partyNomineeAwaitingDecision,
  registeredPartyNominee,
  type SeededElection,
  seedElection,
  selfNomineeAwaitingSignatures,
} from '../support/desk-election.ts';
import { pdfText } from '../support/desk-files-read.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';

const CHAIR = 'Бекзат Оралұлы Нұрланов';
const SECRETARY = 'Сәуле Қайратқызы Жұмабаева';

let desk: DeskStage;
let seeded: SeededElection;
let clerk: Credentials;
/** Per language: a registered case to cancel and reinstate, and a self-nominee (with her account) who withdraws. */
let registered: Record<JourneyLanguage, string>;
let withdrawing: Record<
  JourneyLanguage,
  { readonly caseId: string; readonly name: string; readonly account: Credentials }
>;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  clerk = await desk.account(districtClerk);
  const secondNominee = await selfNomineeAwaitingSignatures(
    desk.api,
    seeded.electionId,
    'Әсел Қанатқызы Мұратова',
    10,
  );
  const candidateAccount = (iin: string, name: string) =>
    desk.account({ role: 'candidate', scope: iin, name, managedBy: '1952' });
  withdrawing = {
    kk: {
      caseId: seeded.awaitingSignatures.caseId,
      name: 'Дана Маратқызы Сәрсенова',
      account: await candidateAccount(seeded.awaitingSignatures.iin, 'Дана Маратқызы Сәрсенова'),
    },
    ru: {
      caseId: secondNominee.caseId,
      name: 'Әсел Қанатқызы Мұратова',
      account: await candidateAccount(secondNominee.iin, 'Әсел Қанатқызы Мұратова'),
    },
  };
  registered = {
    kk: await registeredPartyNominee(desk.api, seeded.electionId, {
      fullName: 'Ержан Сапарұлы Дәулетов',
      serial: 11,
      partyId: 'auyl',
    }),
    ru: seeded.registered,
  };
}, 90_000);
afterAll(() => desk?.close());

const clerkTab = () => desk.signedInTab(clerk, 'Гүлнар Ахметова');

/** What each journey types and reads, written out per language: the desk's own tables are what is checked. */
const words = {
  kk: {
    call: {
      form: 'Сайлауды тағайындау',
      kato: ['ӘАОЖ (КАТО) коды', '195230200'],
      nameKk: ['Атауы қазақша', 'Қызылту ауылдық округі'],
      nameRu: ['Атауы орысша', 'Кызылтуский сельский округ'],
      day: 'Сайлау күні',
      calledOn: 'Тағайындалған күні',
      commissionKk: 'Комиссияның атауы қазақша',
      commissionRu: 'Комиссияның атауы орысша',
      chair: 'Комиссия төрағасы',
      secretary: 'Комиссия хатшысы',
      called: 'Сайлау: Қызылту ауылдық округі',
    },
    nominee: { fullName: 'Бауыржан Ерболұлы Қасымов', serial: 6, partyId: 'amanat' },
    refusal: 'Тіркеуден бас тарту',
    ground: 'құжаттар толық емес',
    reasons: 'Себептері',
    reasonsTyped: 'Білімі туралы құжат тапсырылмаған.',
    number: 'Шешімнің нөмірі',
    send: 'Жіберу',
    refused: 'тіркеуден бас тартылды',
    refusalDocument: 'Тіркеуден бас тарту туралы шешім (қазақша)',
    // The decision's date by the engine's clock (5 February, local time) and the number typed in.
    refusalHeading: '2026 жылғы 5 ақпан № 12/3',
    refusalNumber: '12/3',
    // The issuer as the commission's name typed in (the heading prints it in capitals).
    issuer: 'АҚТОҒАЙ АУДАНДЫҚ АУМАҚТЫҚ САЙЛАУ КОМИССИЯСЫ',
    isRegistered: 'тіркелді',
    cancellation: 'Тіркеудің күшін жою',
    cancelReasons: 'Кандидат жұмыс орны туралы жалған мәлімет көрсеткен.',
    noGround: 'негіз',
    falseInformation: 'жалған мәліметтер',
    cancelNumber: '15/2',
    cancelled: 'тіркеудің күші жойылды',
    cancellationDocument: 'Тіркеудің күшін жою туралы шешім (қазақша)',
    cancellationHeading: '2026 жылғы 5 ақпан № 15/2',
    publicSection: 'Тіркеуден бас тарту және тіркеудің күшін жою',
    publicCancelled: 'тіркеудің күшін жою',
    reinstatement: 'Сот немесе жоғары тұрған комиссия шешімі бойынша қалпына келтіру',
    body: 'Шешім шығарған орган',
    bodyName: ['Органның атауы', 'Ақтоғай аудандық соты'],
    overturningNumber: 'Шешімнің нөмірі',
    overturningDate: 'Шешімнің күні',
    returnsTo: 'Іс қайда оралады',
    timeline: ['тіркеудің күші жойылды', 'қалпына келтірілді'],
    withdrawal: 'Кандидатураны алып тастау',
    withdrawReason: ['Себебі (міндетті емес)', 'Отбасылық жағдай.'],
    awaitingSignatures: 'қолдарды күтеді',
    withdrawn: 'кандидатурасын алып тастады',
    tooManyRequests: 'Бір минут күтіп',
    register: 'Сайлаушылар тізімін жүктеу',
    file: 'Файл (CSV немесе XLSX)',
    tooLarge: 'Файл жарияланғаннан үлкен',
  },
  ru: {
    call: {
      form: 'Назначение выборов',
      kato: ['Код КАТО', '195230300'],
      nameKk: ['Наименование на казахском', 'Көктал ауылдық округі'],
      nameRu: ['Наименование на русском', 'Коктальский сельский округ'],
      day: 'День выборов',
      calledOn: 'Дата назначения',
      commissionKk: 'Наименование комиссии на казахском',
      commissionRu: 'Наименование комиссии на русском',
      chair: 'Председатель комиссии',
      secretary: 'Секретарь комиссии',
      called: 'Выборы: Коктальский сельский округ',
    },
    nominee: { fullName: 'Руслан Маратұлы Оспанов', serial: 12, partyId: 'amanat' },
    refusal: 'Отказ в регистрации',
    ground: 'документы неполные',
    reasons: 'Причины',
    reasonsTyped: 'Не представлен документ об образовании.',
    number: 'Номер решения',
    send: 'Отправить',
    refused: 'отказано в регистрации',
    refusalDocument: 'Решение об отказе в регистрации (на русском)',
    refusalHeading: '5 февраля 2026 г. № 12/5',
    refusalNumber: '12/5',
    issuer: 'АКТОГАЙСКАЯ РАЙОННАЯ ТЕРРИТОРИАЛЬНАЯ ИЗБИРАТЕЛЬНАЯ КОМИССИЯ',
    isRegistered: 'зарегистрирован',
    cancellation: 'Отмена регистрации',
    cancelReasons: 'Кандидат указал недостоверные сведения о месте работы.',
    noGround: 'основание',
    falseInformation: 'недостоверные сведения',
    cancelNumber: '15/1',
    cancelled: 'регистрация отменена',
    cancellationDocument: 'Решение об отмене регистрации (на русском)',
    cancellationHeading: '5 февраля 2026 г. № 15/1',
    publicSection: 'Отказы в регистрации и отмены регистрации',
    publicCancelled: 'отмена регистрации',
    reinstatement: 'Восстановление по решению суда',
    body: 'Кто принял решение',
    bodyName: ['Наименование органа', 'Актогайский районный суд'],
    overturningNumber: 'Номер решения',
    overturningDate: 'Дата решения',
    returnsTo: 'Куда возвращается дело',
    timeline: ['регистрация отменена', 'восстановлен'],
    withdrawal: 'Снятие кандидатуры',
    withdrawReason: ['Причина (необязательно)', 'Семейные обстоятельства.'],
    awaitingSignatures: 'ждёт подписей',
    withdrawn: 'снял свою кандидатуру',
    tooManyRequests: 'Подождите минуту',
    register: 'Загрузка списка избирателей',
    file: 'Файл (CSV или XLSX)',
    tooLarge: 'Файл оказался больше заявленного',
  },
} as const;

describe.each(journeyLanguages)('the commission’s decisions in the desk (%s)', (language) => {
  const said = words[language];

  it('calls an election with its signatories at 360 px, refuses with a decision number, and the paper carries them', async () => {
    const page = await clerkTab();
    await showDeskPage(page, desk.url, '#/elections', { language, width: 360 });
    const call = page.locator('form', { hasText: said.call.form });
    const [, electionNumber] = said.call.kato;
    const electionId = `${electionNumber}-2026-03-15`;
    for (const [label, value] of [said.call.kato, said.call.nameKk, said.call.nameRu])
      await call.getByLabel(label, { exact: true }).fill(value);
    await call.getByLabel(said.call.day, { exact: true }).fill('2026-03-15');
    await call.getByLabel(said.call.calledOn, { exact: true }).fill('2026-02-04');
    await call.getByLabel(said.call.commissionKk).fill('Ақтоғай аудандық аумақтық сайлау комиссиясы');
    await call.getByLabel(said.call.chair).fill(CHAIR);
    // Three of the four: the API names the one missing, and no election is called.
    await call.getByRole('button', { name: said.send }).click();
    await eventually(() => call.getByRole('alert').count()).toBe(1);
    expect(await call.locator('.form-group-error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(said.call.commissionRu)]),
    );
    expect((await desk.api(commission, 'GET', `/elections/${electionId}`)).status).toBe(404);
    // The elections page and its call form, an error shown, on a phone.
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await call
      .getByLabel(said.call.commissionRu)
      .fill('Актогайская районная территориальная избирательная комиссия');
    await call.getByLabel(said.call.secretary).fill(SECRETARY);
    await call.getByRole('button', { name: said.send }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(said.call.called);

    const caseId = await partyNomineeAwaitingDecision(desk.api, electionId, said.nominee);
    await page.goto(`${desk.url}/#/elections/${electionId}/cases/${caseId}`);
    const refusal = page.locator('form', { hasText: said.refusal });
    await refusal.getByLabel(said.ground).check();
    await refusal.getByLabel(said.reasons).fill(said.reasonsTyped);
    await refusal.getByLabel(said.number).fill(said.refusalNumber);
    await refusal.getByRole('button', { name: said.send }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe(said.refused);

    await page.getByRole('link', { name: said.refusalDocument }).click();
    await eventually(() => page.locator('.paper').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const text = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
    expect(text).toContain(said.refusalHeading);
    expect(text).toContain(said.issuer);
    expect(text).toContain(CHAIR);
    expect(text).toContain(SECRETARY);
    expect(text).toContain(said.nominee.fullName);
    expect(text).toContain(said.reasonsTyped);
  });

  it('cancels a registration with its grounds, then reinstates it on a court’s decision (at 360 px)', async () => {
    const page = await clerkTab();
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}/cases/${registered[language]}`, {
      language,
      width: 360,
    });
    const status = page.locator('.facts .tag');
    await eventually(() => status.textContent()).toBe(said.isRegistered);

    const cancel = page.locator('form', { hasText: said.cancellation });
    await cancel.getByLabel(said.reasons).fill(said.cancelReasons);
    await cancel.getByRole('button', { name: said.send }).click();
    // No ground cited: said at once, and the registration stands.
    await eventually(() => cancel.getByRole('alert').textContent()).toContain(said.noGround);
    expect(await status.textContent()).toBe(said.isRegistered);
    await cancel.getByLabel(said.falseInformation).check();
    await cancel.getByLabel(said.number).fill(said.cancelNumber);
    await cancel.getByRole('button', { name: said.send }).click();
    await eventually(() => status.textContent()).toBe(said.cancelled);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The cancellation on paper: its number, its ground, no signatories given for this election.
    await page.getByRole('link', { name: said.cancellationDocument }).click();
    await eventually(() => page.locator('.paper').count()).toBe(1);
    const paper = (await pdfText(await page.pdf({ format: 'A4' }))).replace(/\s+/g, ' ');
    expect(paper).toContain(said.cancellationHeading);
    expect(paper).toContain(said.cancelReasons);
    await page.goBack();
    await eventually(() => status.textContent()).toBe(said.cancelled);

    // The public sees the cancellation with its ground, no sign-in needed.
    const visitor = await desk.visitorTab();
    await showDeskPage(visitor, desk.url, `#/public/${seeded.electionId}`, { language, width: 1280 });
    const cancelledRows = visitor.locator('section', { hasText: said.publicSection }).locator('tbody tr');
    const name = language === 'kk' ? 'Ержан Сапарұлы Дәулетов' : 'Асқар Нұрланұлы Сейітов';
    await eventually(() => cancelledRows.allTextContents()).toContainEqual(
      expect.stringMatching(new RegExp(`${name}.*${said.publicCancelled}`)),
    );

    const reinstate = page.locator('form', { hasText: said.reinstatement });
    await reinstate.getByLabel(said.body).selectOption('court');
    const [bodyLabel, bodyName] = said.bodyName;
    await reinstate.getByLabel(bodyLabel).fill(bodyName);
    await reinstate.getByLabel(said.overturningNumber).fill('2-114/2026');
    // The decision's date left out: the API's message stands by the field, and nothing changes.
    await reinstate.getByRole('button', { name: said.send }).click();
    await eventually(() => reinstate.getByRole('alert').count()).toBe(1);
    expect(await reinstate.locator('.form-group-error').count()).toBeGreaterThan(0);
    expect(await status.textContent()).toBe(said.cancelled);

    await reinstate.getByLabel(said.overturningDate).fill('2026-02-05');
    await reinstate.getByLabel(said.returnsTo).selectOption('registered');
    await reinstate.getByRole('button', { name: said.send }).click();
    await eventually(() => status.textContent()).toBe(said.isRegistered);
    expect(await page.locator('.timeline li').allTextContents()).toEqual(
      expect.arrayContaining(said.timeline.map((event) => expect.stringContaining(event))),
    );
    // Registered again: the cancellation form is what the commission is offered once more.
    await eventually(() => page.locator('form h3').allTextContents()).toEqual([said.cancellation]);
  });

  it('lets a candidate follow her case and withdraw; the case shows it and offers no second withdrawal', async () => {
    const { caseId, name, account } = withdrawing[language];
    const page = await desk.signedInTab(account, name);
    await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}`, { language, width: 360 });
    await page.getByRole('link', { name }).click();
    const status = page.locator('.facts .tag');
    await eventually(() => status.textContent()).toBe(said.awaitingSignatures);

    const withdraw = page.locator('form', { hasText: said.withdrawal });
    const [reasonLabel, reason] = said.withdrawReason;
    await withdraw.getByLabel(reasonLabel).fill(reason);
    await withdraw.getByRole('button', { name: said.send }).click();
    await eventually(() => status.textContent()).toBe(said.withdrawn);
    expect(await page.locator('form', { hasText: said.withdrawal }).count()).toBe(0);
    expect(await page.locator('.timeline li').last().textContent()).toContain(said.withdrawn);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Nothing of hers beyond her name: no IIN on the page.
    expect(await page.content()).not.toMatch(/\d{12}/);

    const { body } = await desk.api(commission, 'GET', `/elections/${seeded.electionId}/cases/${caseId}`);
    expect(z.object({ status: z.string() }).parse(body).status).toBe('Withdrawn');
  });

  it('says in the desk’s words what a gateway’s 429 and storage’s 413 mean, keeping what was typed', async () => {
    const page = await clerkTab();
    try {
      await page.route('**/registration-decision', (route) =>
        route.fulfill({
          status: 429,
          contentType: 'application/json',
          body: '{"message":"Too Many Requests"}',
        }),
      );
      await showDeskPage(
        page,
        desk.url,
        `#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`,
        {
          language,
          width: 1280,
        },
      );
      const refusal = page.locator('form', { hasText: said.refusal });
      await refusal.getByLabel(said.ground).check();
      await refusal.getByLabel(said.number).fill('12/4');
      await refusal.getByRole('button', { name: said.send }).click();
      await eventually(() => refusal.getByRole('alert').textContent()).toContain(said.tooManyRequests);
      expect(await refusal.getByLabel(said.number).inputValue()).toBe('12/4');

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
      const upload = page.locator('form', { hasText: said.register });
      await upload.getByLabel(said.file).setInputFiles({
        name: 'voters.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('iin,fullName,birthDate,address\r\n'),
      });
      await upload.getByRole('button', { name: said.send }).click();
      await eventually(() => upload.getByRole('alert').textContent()).toContain(said.tooLarge);
      expect(await upload.getByRole('button', { name: said.send }).isEnabled()).toBe(true);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
  });
});
