import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { eventually, type JourneyLanguage, journeyLanguages, showDeskPage } from '../support/desk-browser.ts';
import { partyNomineeAwaitingDecision, type SeededElection, seedElection } from '../support/desk-election.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let seeded: SeededElection;
let clerk: Credentials;
/** A case awaiting the registration decision per language: each journey decides its own. */
let toRegister: Record<JourneyLanguage, string>;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  clerk = await desk.account(districtClerk);
  toRegister = {
    kk: seeded.awaitingDecision,
    ru: await partyNomineeAwaitingDecision(desk.api, seeded.electionId, {
      fullName: 'Тимур Асқарұлы Бекенов',
      serial: 9,
      partyId: 'respublica',
    }),
  };
}, 90_000);
afterAll(() => desk?.close());

const TimelineSchema = z.object({ timeline: z.array(z.object({ event: z.string() })) });

/** What the desk says and offers, written out per language: the desk's own tables are what is checked. */
const words = {
  kk: {
    unreachable: 'Серверге қосылу мүмкін болмады. Кейінірек қайталап көріңіз.',
    registration: 'Кандидатты тіркеу',
    specialCheck: 'Арнаулы тексерудің нәтижесі',
    declarations: 'Кірістер мен мүлік туралы декларация тапсырылды',
    send: 'Жіберу',
    registered: 'тіркелді',
  },
  ru: {
    unreachable: 'Не удалось связаться с сервером. Попробуйте позже.',
    registration: 'Регистрация кандидата',
    specialCheck: 'Результат специальной проверки',
    declarations: 'Декларации о доходах и имуществе поданы',
    send: 'Отправить',
    registered: 'зарегистрирован',
  },
} as const;

describe.each(journeyLanguages)('the desk when the network fails (%s)', (language) => {
  const said = words[language];

  it('says in the reader’s language that the server cannot be reached, instead of waiting for ever', async () => {
    const page = await desk.visitorTab();
    try {
      await page.route('**/elections/**', (route) => route.abort('connectionrefused'));
      await showDeskPage(page, desk.url, `#/public/${seeded.electionId}`, { language, width: 1280 });
      await eventually(() => page.getByRole('alert').textContent()).toBe(said.unreachable);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  it('records a decision once when its answer was lost and the clerk sends it again', async () => {
    const page = await desk.signedInTab(clerk, 'Гүлнар Ахметова');
    try {
      // The first decision reaches the engine and is recorded, but its answer never comes back.
      let lost = false;
      await page.route('**/registration-decision', async (route) => {
        if (lost) return route.continue();
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await showDeskPage(page, desk.url, `#/elections/${seeded.electionId}/cases/${toRegister[language]}`, {
        language,
        width: 1280,
      });
      const form = page.locator('form', { hasText: said.registration });
      await form.getByLabel(said.specialCheck).selectOption('passed');
      await form.getByLabel(said.declarations).check();
      await form.getByRole('button', { name: said.send }).click();
      await eventually(() => form.getByRole('alert').textContent()).toContain(said.unreachable);
      await form.getByRole('button', { name: said.send }).click();
      await eventually(() => page.locator('.facts .tag').textContent()).toBe(said.registered);
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
    }

    const trail = TimelineSchema.parse(
      (
        await desk.api(
          commission,
          'GET',
          `/elections/${seeded.electionId}/cases/${toRegister[language]}/timeline`,
        )
      ).body,
    );
    expect(trail.timeline.filter((entry) => entry.event === 'RegistrationDecided')).toHaveLength(1);
  });
});
