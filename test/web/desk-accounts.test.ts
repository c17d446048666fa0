import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  horizontalOverflow,
  journeyLanguages,
  seriousAccessibilityViolations,
  setWidth,
  showDeskPage,
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

/** What the administrator types and reads, written out per language: the desk's own tables are what is checked. */
const words = {
  kk: {
    accounts: 'Есептік жазбалар',
    form: 'Жаңа есептік жазба',
    role: 'Рөлі',
    scope: /^Аумағы/,
    party: 'auyl',
    name: 'Аты-жөні немесе атауы',
    secretary: 'Ауыл партиясының хатшысы',
    send: 'Жіберу',
    created: /Бастапқы құпиясөз .*: \S{12,}/,
    active: 'белсенді',
    disable: /Өшіру/,
    disabled: 'өшірілген',
  },
  ru: {
    accounts: 'Учётные записи',
    form: 'Новая учётная запись',
    role: 'Роль',
    scope: /^Область действия/,
    party: 'amanat',
    name: 'Имя или наименование',
    secretary: 'Секретарь Аманат',
    send: 'Отправить',
    created: /Начальный пароль .*: \S{12,}/,
    active: 'действует',
    disable: /Отключить/,
    disabled: 'отключена',
  },
} as const;

describe.each(journeyLanguages)('a commission administrator’s accounts (%s)', (language) => {
  const said = words[language];

  it('creates a party secretary’s account, shows its first password once, and disables it', async () => {
    const page = await desk.signedInTab(admin, 'Гүлнар Ахметова');
    await showDeskPage(page, desk.url, '#/', { language, width: 1280 });
    await page.getByRole('link', { name: said.accounts }).click();
    await eventually(() => page.locator('h1').textContent()).toBe(said.accounts);
    const form = page.locator('form', { hasText: said.form });
    await form.getByLabel(said.role).selectOption('party');
    await form.getByLabel(said.scope).fill(said.party);
    await form.getByLabel(said.name).fill(said.secretary);
    await form.getByRole('button', { name: said.send }).click();
    await eventually(() => form.getByRole('status').textContent()).toMatch(said.created);
    const row = page.locator('tbody tr', { hasText: said.secretary });
    await eventually(() => row.textContent()).toContain(said.active);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The accounts page on a phone, the new password on it.
    await setWidth(page, 360);
    expect(await horizontalOverflow(page)).toBe(0);

    await row.getByRole('button', { name: said.disable }).click();
    await eventually(() => row.textContent()).toContain(said.disabled);
    // The password was shown once: a reload does not show it again.
    await page.reload();
    await eventually(() => page.locator('tbody tr', { hasText: said.secretary }).count()).toBe(1);
    expect(await page.getByRole('status').count()).toBe(0);
  });
});
