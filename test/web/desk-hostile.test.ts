import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventually, launchDeskBrowser, openPage, signInThroughDesk } from '../support/desk-browser.ts';
import { type SeededElection, seedElection } from '../support/desk-election.ts';
import { type Credentials, createAccount } from '../support/desk-sign-in.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

let engine: EngineProcess;
let browser: Browser;
let seeded: SeededElection;
let clerk: Credentials;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  seeded = await seedElection(api);
  clerk = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Гүлнар Ахметова',
  });
  browser = await launchDeskBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await engine?.kill('SIGTERM');
});

const TimelineSchema = z.object({ timeline: z.array(z.object({ event: z.string() })) });

describe('the desk when the network fails', () => {
  it('says in the reader’s language that the server cannot be reached, instead of waiting for ever', async () => {
    const page = await openPage(browser, { language: 'ru' });
    await page.route('**/elections/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${engine.url}/#/public/${seeded.electionId}`);
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Не удалось связаться с сервером. Попробуйте позже.',
    );
    await page.context().close();
  });

  it('records a decision once when its answer was lost and the clerk sends it again', async () => {
    const page = await openPage(browser);
    await signInThroughDesk(page, engine.url, clerk, 'Гүлнар Ахметова');
    // The first decision reaches the engine and is recorded, but its answer never comes back.
    let lost = false;
    await page.route('**/registration-decision', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto(`${engine.url}/#/elections/${seeded.electionId}/cases/${seeded.awaitingDecision}`);
    const form = page.locator('form', { hasText: 'Кандидатты тіркеу' });
    await form.getByLabel('Арнаулы тексерудің нәтижесі').selectOption('passed');
    await form.getByLabel('Кірістер мен мүлік туралы декларация тапсырылды').check();
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain('Серверге қосылу мүмкін болмады');
    await form.getByRole('button', { name: 'Жіберу' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('тіркелді');

    const trail = TimelineSchema.parse(
      (
        await api(
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
