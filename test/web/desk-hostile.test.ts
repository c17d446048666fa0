import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventually, openPage, signInThroughDesk } from '../support/desk-browser.ts';
import { type SeededElection, seedElection } from '../support/desk-election.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let seeded: SeededElection;
let clerk: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  seeded = await seedElection(desk.api);
  clerk = await desk.account(districtClerk);
}, 90_000);
afterAll(() => desk?.close());

const TimelineSchema = z.object({ timeline: z.array(z.object({ event: z.string() })) });

describe('the desk when the network fails', () => {
  it('says in the reader’s language that the server cannot be reached, instead of waiting for ever', async () => {
    const page = await openPage(desk.browser, { language: 'ru' });
    await page.route('**/elections/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${desk.url}/#/public/${seeded.electionId}`);
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Не удалось связаться с сервером. Попробуйте позже.',
    );
    await page.context().close();
  });

  it('records a decision once when its answer was lost and the clerk sends it again', async () => {
    const page = await openPage(desk.browser);
    await signInThroughDesk(page, desk.url, clerk, 'Гүлнар Ахметова');
    // The first decision reaches the engine and is recorded, but its answer never comes back.
    let lost = false;
    await page.route('**/registration-decision', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto(`${desk.url}/#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`);
    const form = page.locator('form', { hasText: 'Кандидатты тіркеу' });
    await form.getByLabel('Арнаулы тексерудің нәтижесі').selectOption('passed');
    await form.getByLabel('Кірістер мен мүлік туралы декларация тапсырылды').check();
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain('Серверге қосылу мүмкін болмады');
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('тіркелді');

    const trail = TimelineSchema.parse(
      (
        await desk.api(
          commission,
          'GET',
          `/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}/timeline`,
        )
      ).body,
    );
    expect(trail.timeline.filter((entry) => entry.event === 'RegistrationDecided')).toHaveLength(1);
    await page.context().close();
  });
});
