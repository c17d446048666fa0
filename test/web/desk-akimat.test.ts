import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { aCandidate } from '../support/candidates.ts';
import { agreedMeeting, checksPassed } from '../support/decisions.ts';
import {
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { type DeskStage, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';
import { waitForStatus } from '../support/engine-process.ts';

/**
 * The district akimat's desk, its whole part (CLE 113-3 p.6): the window for an additional candidate shut before
 * nomination closes and open after it, said why; the proposal filed through the desk; the community meeting
 * recorded; the commission registers; the candidate in the public list. The same journey in Kazakh and in Russian,
 * chosen with the desk's own language switch, on two villages where nobody is nominated, with one engine and one
 * browser. A third village's window ends a day before registration does (D−22), for a proposal sent too late.
 */

const documentKinds = [
  'identity-document',
  'application',
  'service-record',
  'education-document',
  'income-and-asset-declaration',
  'spouse-declaration',
] as const;

/** What the officer reads and presses, in each language. */
const desk = {
  kk: {
    windowTitle: 'Аудан әкімінің қосымша кандидаты',
    notYetOpen: 'мерзім әлі ашылған жоқ',
    open: 'мерзім ашық',
    closed: 'мерзім өтті',
    earliest: 'Мерзім ең ерте 2026 жылғы 20 ақпанда сағат 18:00-де (жергілікті уақыт) ашылуы мүмкін.',
    until: 'ұсыну мерзімі 2026 жылғы 22 ақпанда сағат 18:00-де (жергілікті уақыт) бітеді',
    ground: '«Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның 113-3-бабының 6-тармағы',
    proposalTitle: 'Аудан әкімінің қосымша кандидатын ұсыну',
    iin: 'ЖСН',
    name: 'Аты-жөні',
    birthDate: 'Туған күні',
    documents: {
      'identity-document': 'жеке басын куәландыратын құжат',
      application: 'өтініш',
      'service-record': 'еңбек жолы туралы мәлімет',
      'education-document': 'білімі туралы құжат',
      'income-and-asset-declaration': 'кірістер мен мүлік туралы декларация',
      'spouse-declaration': 'жұбайының декларациясы',
    },
    proposalNumber: 'Ұсыныстың нөмірі',
    proposedOn: 'Ұсыныс күні',
    submit: 'Жіберу',
    serviceUnavailable: 'Сервер қазір жауап бере алмады.',
    awaitingConsent: 'жиналыстың келісімін күтеді',
    consentTitle: 'Жергілікті қоғамдастық жиналысының хаттамасы',
    meetingDate: 'Жиналыс күні',
    membersNotifiedOn: 'Мүшелерге хабарланған күн',
    protocolNumber: 'Хаттама нөмірі',
    members: 'Жиналыс мүшелерінің саны',
    attendance: 'Қатысқандар',
    votesFor: 'Жақтап дауыс бергендер',
    votesAgainst: 'Қарсы дауыс бергендер',
    abstained: 'Қалыс қалғандар',
    afterConsent: /^(талаптарға сәйкестігі тексерілуде|тіркеу туралы шешімді күтеді)$/,
  },
  ru: {
    windowTitle: 'Дополнительный кандидат акима района',
    notYetOpen: 'срок ещё не открыт',
    open: 'срок открыт',
    closed: 'срок истёк',
    earliest: 'Самое раннее срок откроется 20 февраля 2026 г. в 18:00 по местному времени.',
    until: 'срок истекает 22 февраля 2026 г. в 18:00 по местному времени',
    ground: 'пункт 6 статьи 113-3 Конституционного закона «О выборах в Республике Казахстан»',
    proposalTitle: 'Выдвижение дополнительного кандидата акима района',
    iin: 'ИИН',
    name: 'Фамилия, имя, отчество',
    birthDate: 'Дата рождения',
    documents: {
      'identity-document': 'документ, удостоверяющий личность',
      application: 'заявление',
      'service-record': 'сведения о трудовой деятельности',
      'education-document': 'документ об образовании',
      'income-and-asset-declaration': 'декларация о доходах и имуществе',
      'spouse-declaration': 'декларация супруга',
    },
    proposalNumber: 'Номер предложения',
    proposedOn: 'Дата предложения',
    submit: 'Отправить',
    serviceUnavailable: 'Сервер сейчас не смог ответить.',
    awaitingConsent: 'ждёт согласия собрания',
    consentTitle: 'Протокол собрания местного сообщества',
    meetingDate: 'Дата собрания',
    membersNotifiedOn: 'Дата уведомления членов',
    protocolNumber: 'Номер протокола',
    members: 'Число членов собрания',
    attendance: 'Присутствовали',
    votesFor: 'Голосовали за',
    votesAgainst: 'Голосовали против',
    abstained: 'Воздержались',
    afterConsent: /^(проверка соответствия требованиям|ждёт решения о регистрации)$/,
  },
} as const;
type Language = keyof typeof desk;
type Words = (typeof desk)[Language];

/** Each language's village, its candidate, and how the officer's second press is tested. */
const journeys = [
  {
    language: 'kk',
    electionId: '195240100-2026-03-15',
    unit: { kato: '195240100', kind: 'village', nameKk: 'Жалтыр ауылы', nameRu: 'село Жалтыр' },
    candidate: aCandidate({ fullName: 'Бауыржан Қайратұлы Есенов' }, 3),
  },
  {
    language: 'ru',
    electionId: '195250100-2026-03-15',
    unit: { kato: '195250100', kind: 'village', nameKk: 'Көктал ауылы', nameRu: 'село Коктал' },
    candidate: aCandidate({ fullName: 'Сергей Петрович Ким' }, 4),
  },
] as const;
/** The third village: its window ends on 21 February at 18:00 local time, registration a day later. */
const LATE = {
  electionId: '195260100-2026-03-15',
  unit: { kato: '195260100', kind: 'village', nameKk: 'Шелек ауылы', nameRu: 'село Шелек' },
  windowEnds: '2026-02-21T13:00:00.000Z',
} as const;

const CaseListSchema = z.object({ cases: z.array(z.object({ caseId: z.string() })) });

let stage: DeskStage;
let page: Page;

async function moveClock(to: string): Promise<void> {
  expect((await stage.api({ role: 'public' }, 'POST', '/admin/clock', { to })).status).toBe(200);
}

async function casesOf(electionId: string, caller: Caller = commission): Promise<string[]> {
  const listed = await stage.api(caller, 'GET', `/elections/${electionId}/cases`);
  return CaseListSchema.parse(listed.body).cases.map((c) => c.caseId);
}

/** The election's page in `language`, chosen with the desk's own switch, once its window has been read. */
async function openElection(language: Language, electionId: string): Promise<Locator> {
  await page.locator('#language').selectOption(language);
  const url = `${stage.url}/#/elections/${electionId}`;
  // The same address again reads nothing anew: the page is loaded again, as an officer would.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  const window = page.getByRole('region', { name: desk[language].windowTitle, exact: true });
  await eventually(() => window.locator('.tag').count()).toBe(1);
  return window;
}

function proposalForm(words: Words): Locator {
  return page.locator('form', { hasText: words.proposalTitle });
}

/** Everything the proposal asks but its number, which is left for the API to name. */
async function fillProposal(
  words: Words,
  candidate: ReturnType<typeof aCandidate>,
  proposalNumber: string,
): Promise<Locator> {
  const form = proposalForm(words);
  await form.getByLabel(words.iin, { exact: true }).fill(candidate.iin);
  await form.getByLabel(words.name, { exact: true }).fill(candidate.fullName);
  await form.getByLabel(words.birthDate, { exact: true }).fill(candidate.birthDate);
  for (const kind of documentKinds) await form.getByLabel(words.documents[kind], { exact: true }).check();
  await form.getByLabel(words.proposedOn, { exact: true }).fill('2026-02-20');
  await form.getByLabel(words.proposalNumber, { exact: true }).fill(proposalNumber);
  return form;
}

async function recordMeeting(words: Words): Promise<Locator> {
  const form = page.locator('form', { hasText: words.consentTitle });
  await form.getByLabel(words.meetingDate).fill(agreedMeeting.meetingDate);
  await form.getByLabel(words.membersNotifiedOn).fill(agreedMeeting.membersNotifiedOn);
  await form.getByLabel(words.protocolNumber).fill(agreedMeeting.protocolNumber);
  await form.getByLabel(words.members).fill(String(agreedMeeting.members));
  await form.getByLabel(words.attendance).fill(String(agreedMeeting.attendance));
  await form.getByLabel(words.votesFor).fill(String(agreedMeeting.votesFor));
  await form.getByLabel(words.votesAgainst).fill(String(agreedMeeting.votesAgainst));
  return form;
}

beforeAll(async () => {
  stage = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  for (const { unit } of journeys) {
    const called = await stage.api(commission, 'POST', '/elections', { ...newElectionInput(), unit });
    expect(called.status, JSON.stringify(called.body)).toBe(201);
  }
  const late = newElectionInput({ unit: LATE.unit }, { additionalCandidateClosesDaysBefore: 21 });
  expect((await stage.api(commission, 'POST', '/elections', late)).status).toBe(201);
}, 90_000);
afterAll(() => stage?.close());

describe('the district akimat’s desk', () => {
  it('shows the window not yet open before nomination closes, says when it can open and why, and offers no proposal', async () => {
    const officer = await stage.account({ role: 'akimat', scope: '1952', name: 'Ержан Тұрсынов' });
    page = await openPage(stage.browser, { width: 360 });
    await signInThroughDesk(page, stage.url, officer, 'Ержан Тұрсынов');
    for (const { language, electionId } of journeys) {
      const words = desk[language];
      const window = await openElection(language, electionId);
      expect(await window.locator('.tag').textContent()).toBe(words.notYetOpen);
      const why = await window.textContent();
      expect(why).toContain(words.earliest);
      expect(why).toContain(words.ground);
      expect(await proposalForm(words).count()).toBe(0);
    }
  });

  it.each(journeys)(
    'proposes in $language once the window opens: filed once, agreed by the meeting, registered, public',
    async ({ language, electionId, candidate }) => {
      if (language === 'kk') await moveClock(fixtureCalendar.extendedClose); // nobody nominated: extension, then the window
      const words = desk[language];
      const window = await openElection(language, electionId);
      expect(await window.locator('.tag').textContent()).toBe(words.open);
      expect(await window.textContent()).toContain(words.until);

      // Left without its number: the API names the field, and the form shows it there.
      const form = await fillProposal(words, candidate, '');
      await form.getByRole('button', { name: words.submit }).click();
      await eventually(() => form.locator('.form-group-error label').allTextContents()).toEqual([
        words.proposalNumber,
      ]);
      expect(await casesOf(electionId)).toEqual([]);
      // Russian words run longer: both must fit a phone. The markup is the same, so axe reads it once.
      expect(await horizontalOverflow(page)).toBe(0);
      if (language === 'kk') {
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath('akimat-proposal-360-kk.png'), fullPage: true });
      }

      const keys: string[] = [];
      await page.route(`**/elections/${electionId}/cases`, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        // In Russian the first answer is lost after the engine filed it (a gateway's timeout).
        if (language === 'kk' || keys.length > 1) return route.continue();
        await route.fetch();
        return route.fulfill({ status: 504, contentType: 'application/json', body: '{"message":"timeout"}' });
      });
      await form.getByLabel(words.proposalNumber, { exact: true }).fill(`П-${candidate.iin.slice(-2)}`);
      if (language === 'kk') {
        await form.getByRole('button', { name: words.submit }).dblclick();
      } else {
        await form.getByRole('button', { name: words.submit }).click();
        await eventually(() => form.getByRole('alert').textContent()).toContain(words.serviceUnavailable);
        await form.getByRole('button', { name: words.submit }).click();
      }
      await eventually(() => page.locator('.facts .tag').textContent()).toBe(words.awaitingConsent);
      await page.unroute(`**/elections/${electionId}/cases`);
      expect(keys.length).toBe(language === 'kk' ? 1 : 2);
      expect(new Set(keys).size).toBe(1);
      const filed = await casesOf(electionId);
      expect(filed).toHaveLength(1);
      expect(page.url()).toContain(`/cases/${filed[0]}`);

      const meeting = await recordMeeting(words);
      if (language === 'kk') {
        // The abstentions left empty: named by the API beside their field, on a phone's screen.
        await meeting.getByRole('button', { name: words.submit }).click();
        await eventually(() => meeting.getByRole('alert').textContent()).toBeTruthy();
        expect(await meeting.locator('.form-group-error label').allTextContents()).toContain(words.abstained);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await page.screenshot({ path: screenshotPath('akimat-meeting-360-kk.png'), fullPage: true });
      }
      await meeting.getByLabel(words.abstained).fill(String(agreedMeeting.abstained));
      await meeting.getByRole('button', { name: words.submit }).click();
      await eventually(() => page.locator('.facts .tag').textContent()).toMatch(words.afterConsent);

      const caseId = filed[0] ?? '';
      await waitForStatus(stage.api, commission, electionId, caseId, 'AwaitingRegistrationDecision');
      const decided = await stage.api(
        commission,
        'POST',
        `/elections/${electionId}/cases/${caseId}/registration-decision`,
        { decision: 'register', checks: checksPassed },
      );
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      await page.goto(`${stage.url}/#/public/${electionId}`);
      await eventually(() => page.locator('main').textContent()).toContain(candidate.fullName);
    },
  );

  it('tells the akimat its window opened in the inbox, unread until read', async () => {
    await page.locator('#language').selectOption('kk');
    await page.getByRole('link', { name: /Хабарламалар/ }).click();
    await eventually(() => page.locator('.notices li').count()).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toMatch(/[1-9]\d* оқылмаған/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('notices-360-kk.png'), fullPage: true });
    await page.getByRole('button', { name: 'Барлығын оқылды деп белгілеу' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('0 оқылмаған');
  });

  it('refuses a proposal sent from a form opened while the window was open, once it has closed: the reason in the form, nothing filed', async () => {
    const words = desk.kk;
    const window = await openElection('kk', LATE.electionId);
    expect(await window.locator('.tag').textContent()).toBe(words.open);
    const form = await fillProposal(words, aCandidate({ fullName: 'Дәурен Асқарұлы Нұров' }, 5), 'П-9');
    await moveClock(LATE.windowEnds);
    await form.getByRole('button', { name: words.submit }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain(
      'Қосымша кандидатты ұсыну мерзімі 2026 жылғы 21 ақпанда сағат 18:00-де (жергілікті уақыт) өтті.',
    );
    expect(await casesOf(LATE.electionId)).toEqual([]);
    await page.reload();
    await eventually(() => window.locator('.tag').textContent()).toBe(words.closed);
    expect(await proposalForm(words).count()).toBe(0);
  });

  it('shows another district’s officer neither the window nor a proposal, and the API files nothing for them', async () => {
    const [{ electionId, candidate }] = journeys;
    const stranger = await stage.account({ role: 'akimat', scope: '1953', name: 'Айдос Бекұлы' });
    const other = await openPage(stage.browser, { width: 360 });
    await signInThroughDesk(other, stage.url, stranger, 'Айдос Бекұлы');
    await other.goto(`${stage.url}/#/elections/${electionId}`);
    await eventually(() => other.getByRole('alert').textContent()).toBe('Бұл әрекетке рұқсатыңыз жоқ.');
    expect(await other.locator('main').textContent()).not.toContain(desk.kk.windowTitle);
    expect(await other.locator('form', { hasText: desk.kk.proposalTitle }).count()).toBe(0);
    const foreign: Caller = { role: 'akimat', subject: 'akimat-1953', district: '1953' };
    const filed = await stage.api(foreign, 'POST', `/elections/${electionId}/cases`, {
      route: 'akimat',
      candidate: { ...candidate, iin: aCandidate({}, 6).iin },
      akimat: { district: '1953', proposalNumber: 'П-1', proposedOn: '2026-02-20' },
    });
    expect(filed.status).toBe(403);
    expect(await casesOf(electionId)).toHaveLength(1);
    await other.context().close();
  });
});
