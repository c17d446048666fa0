import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAkimatFiling } from '../support/candidates.ts';
import { agreedMeeting } from '../support/decisions.ts';
import {
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, screenshotPath, startDeskStage } from '../support/desk-stage.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, commission, fixtureCalendar } from '../support/engine.ts';

/** Жалтыр village: nobody is nominated, so the district akim's window opens after the extended close. */
const ELECTION = '195240100-2026-03-15';

let desk: DeskStage;
let officer: Credentials;
let caseId: string;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  const api = desk.api;
  const unit = { kato: '195240100', kind: 'village' as const, nameKk: 'Жалтыр ауылы', nameRu: 'село Жалтыр' };
  expect((await api(commission, 'POST', '/elections', { ...newElectionInput(), unit })).status).toBe(201);
  expect(
    (await api({ role: 'public' }, 'POST', '/admin/clock', { to: fixtureCalendar.extendedClose })).status,
  ).toBe(200);
  const filed = await api(akimat, 'POST', `/elections/${ELECTION}/cases`, {
    ...anAkimatFiling(3),
    candidate: { ...anAkimatFiling(3).candidate, fullName: 'Бауыржан Қайратұлы Есенов' },
    akimat: { district: '1952', proposalNumber: 'П-7', proposedOn: '2026-02-20' },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  caseId = String((filed.body as { caseId: unknown }).caseId);
  officer = await desk.account({ role: 'akimat', scope: '1952', name: 'Ержан Тұрсынов' });
}, 90_000);
afterAll(() => desk?.close());

describe('the district akimat’s desk', () => {
  it('finds its district’s election in the additional candidate’s window and records the community meeting', async () => {
    const page = await openPage(desk.browser, { width: 360 });
    await signInThroughDesk(page, desk.url, officer, 'Ержан Тұрсынов');
    await page.goto(`${desk.url}/#/elections`);
    await page.getByRole('link', { name: 'Жалтыр ауылы' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('Сайлау: Жалтыр ауылы');
    expect(await page.locator('main').textContent()).toContain('аудан әкімінің қосымша кандидатын ұсыну');
    await page.getByRole('link', { name: 'Бауыржан Қайратұлы Есенов' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('жиналыстың келісімін күтеді');

    const form = page.locator('form', { hasText: 'Жергілікті қоғамдастық жиналысының хаттамасы' });
    await form.getByLabel('Жиналыс күні').fill(agreedMeeting.meetingDate);
    await form.getByLabel('Мүшелерге хабарланған күн').fill(agreedMeeting.membersNotifiedOn);
    await form.getByLabel('Хаттама нөмірі').fill(agreedMeeting.protocolNumber);
    await form.getByLabel('Жиналыс мүшелерінің саны').fill(String(agreedMeeting.members));
    await form.getByLabel('Қатысқандар').fill(String(agreedMeeting.attendance));
    await form.getByLabel('Жақтап дауыс бергендер').fill(String(agreedMeeting.votesFor));
    await form.getByLabel('Қарсы дауыс бергендер').fill(String(agreedMeeting.votesAgainst));
    // Left empty: the API names the field, and the summary links to it.
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toBeTruthy();
    expect(await form.locator('.form-group-error label').allTextContents()).toContain('Қалыс қалғандар');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: screenshotPath('akimat-meeting-360-kk.png'), fullPage: true });

    await form.getByLabel('Қалыс қалғандар').fill(String(agreedMeeting.abstained));
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toMatch(
      /^(талаптарға сәйкестігі тексерілуде|тіркеу туралы шешімді күтеді)$/,
    );
    expect(page.url()).toContain(caseId);

    // The akimat was told its window opened: the notice waits unread in its inbox until it is read.
    await page.getByRole('link', { name: /Хабарламалар/ }).click();
    await eventually(() => page.locator('.notices li').count()).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toMatch(/[1-9]\d* оқылмаған/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('notices-360-kk.png'), fullPage: true });
    await page.getByRole('button', { name: 'Барлығын оқылды деп белгілеу' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('0 оқылмаған');
    await page.context().close();
  });
});
