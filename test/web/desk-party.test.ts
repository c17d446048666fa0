import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCandidate } from '../support/candidates.ts';
import {
  eventually,
  horizontalOverflow,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import { DESK_ELECTION } from '../support/desk-election.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { amanatSecretary, type DeskStage, startDeskStage } from '../support/desk-stage.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';

let desk: DeskStage;
let secretary: Credentials;

beforeAll(async () => {
  desk = await startDeskStage({ clockStart: fixtureCalendar.nominationOpen });
  expect((await desk.api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  secretary = await desk.account(amanatSecretary);
}, 60_000);
afterAll(() => desk?.close());

describe('a party secretary’s desk', () => {
  it('nominates a member, is told of a wrong IIN as it is typed, then confirms the nominee', async () => {
    const page = await openPage(desk.browser, { language: 'ru', width: 360 });
    await signInThroughDesk(page, desk.url, secretary, 'Аманат хатшысы');
    await page.goto(`${desk.url}/#/elections`);
    await page.getByLabel('Номер выборов').fill(DESK_ELECTION);
    await page.getByRole('button', { name: 'Открыть' }).click();
    const form = page.locator('form', { hasText: 'Выдвижение кандидата' });
    await eventually(() => form.count()).toBe(1);

    const nominee = aCandidate({ fullName: 'Мұрат Сәкенұлы Ибраев' }, 7);
    const wrong = `${nominee.iin.slice(0, 11)}${(Number(nominee.iin[11]) + 1) % 10}`;
    await form.getByLabel('ИИН').fill(wrong);
    await eventually(() => form.locator('.error-message').first().textContent()).toBe(
      'Контрольная цифра ИИН не сходится.',
    );
    await form.getByLabel('ИИН').fill(nominee.iin);
    await form.getByLabel('Фамилия, имя, отчество').fill(nominee.fullName);
    await form.getByLabel('Дата рождения').fill(nominee.birthDate);
    for (const document of [
      'документ, удостоверяющий личность',
      'заявление',
      'сведения о трудовой деятельности',
      'документ об образовании',
      'декларация о доходах и имуществе',
      'декларация супруга',
    ]) {
      await form.getByLabel(document).check();
    }
    await form.getByLabel('Орган, принявший решение').fill('Совет областного филиала');
    await form.getByLabel('Дата решения').fill('2026-02-05');
    await form.getByLabel('Номер протокола').fill('12');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await form.getByRole('button', { name: 'Отправить' }).click();

    await eventually(() => page.locator('h1').textContent()).toBe('Дело: Мұрат Сәкенұлы Ибраев');
    await eventually(() => page.locator('.facts .tag').textContent()).toBe('ждёт подтверждения партии');
    const confirmation = page.locator('form', { hasText: 'Подтверждение партии' });
    await confirmation.getByRole('button', { name: 'Отправить' }).click();
    await eventually(() => page.locator('.facts .tag').textContent()).toMatch(
      /^(проверка соответствия требованиям|ждёт решения о регистрации)$/,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
