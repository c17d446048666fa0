import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  openPage,
  seriousAccessibilityViolations,
  signInThroughDesk,
} from '../support/desk-browser.ts';
import type { Credentials } from '../support/desk-sign-in.ts';
import { type DeskStage, districtClerk, startDeskStage } from '../support/desk-stage.ts';

let desk: DeskStage;
let admin: Credentials;

beforeAll(async () => {
  desk = await startDeskStage();
  admin = await desk.account({ ...districtClerk, admin: true });
}, 60_000);
afterAll(() => desk?.close());

describe('a commission administrator’s accounts', () => {
  it('creates a party secretary’s account, shows its first password once, and disables it', async () => {
    const page = await openPage(desk.browser, { language: 'ru' });
    await signInThroughDesk(page, desk.url, admin, 'Гүлнар Ахметова');
    await page.getByRole('link', { name: 'Учётные записи' }).click();
    await eventually(() => page.locator('h1').textContent()).toBe('Учётные записи');
    const form = page.locator('form', { hasText: 'Новая учётная запись' });
    await form.getByLabel('Роль').selectOption('party');
    await form.getByLabel(/Область действия/).fill('amanat');
    await form.getByLabel('Имя или наименование').fill('Секретарь Аманат');
    await form.getByRole('button', { name: 'Отправить' }).click();
    await eventually(() => form.getByRole('status').textContent()).toMatch(/Начальный пароль .*: \S{12,}/);
    const row = page.locator('tbody tr', { hasText: 'Секретарь Аманат' });
    await eventually(() => row.textContent()).toContain('действует');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /Отключить/ }).click();
    await eventually(() => row.textContent()).toContain('отключена');
    // The password was shown once: a reload does not show it again.
    await page.reload();
    await eventually(() => page.locator('tbody tr', { hasText: 'Секретарь Аманат' }).count()).toBe(1);
    expect(await page.getByRole('status').count()).toBe(0);
    await page.context().close();
  });
});
