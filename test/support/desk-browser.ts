import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { type Browser, type Page, chromium as playwright } from 'playwright-core';
import { expect, inject } from 'vitest';
import * as z from 'zod';
import { DESK_DIST } from '../../infra/local/desk-build.ts';
import { type Credentials, signInAs } from './desk-sign-in.ts';

const AxeResultSchema = z.object({
  violations: z.array(
    z.object({
      id: z.string(),
      impact: z.string().nullish(),
      help: z.string(),
      nodes: z.array(z.object({ target: z.unknown() })),
    }),
  ),
});

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * Flags the package sets for AWS Lambda that would change what is tested: one process dies with its last page,
 * and a browser without web security would let the desk pass where a real one stops it.
 */
const LAMBDA_ONLY_ARGS = new Set([
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
]);

/**
 * A real headless Chromium (`@sparticuz/chromium`, driven by playwright-core), launched once per test file. The
 * desk was built by the run's global setup (test/support/desk-build-setup.ts); its failure is this file's.
 */
export async function launchDeskBrowser(): Promise<Browser> {
  const buildError = inject('deskBuildError');
  if (buildError !== null) throw new Error(`the desk did not build: ${buildError}`);
  readFileSync(join(DESK_DIST, 'index.html'));
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args.filter((arg) => !LAMBDA_ONLY_ARGS.has(arg)),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    headless: true,
  });
}

/** The languages every journey is walked in: the state language, the default, and Russian. */
export const journeyLanguages = ['kk', 'ru'] as const;
export type JourneyLanguage = (typeof journeyLanguages)[number];

/**
 * Chooses the desk's language with its own control in the header, as a person does; done once `<html lang>` says
 * so (the page then reads its data again, in that language).
 */
export async function chooseLanguage(page: Page, language: 'kk' | 'ru' | 'en'): Promise<void> {
  await page
    .locator('header')
    .getByLabel(/^(Тіл|Язык|Language)$/)
    .selectOption(language);
  await eventually(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/** A tab's window as wide as a phone's (360 px) or a desk's (1280 px). */
export function setWidth(page: Page, width: 360 | 1280): Promise<void> {
  return page.setViewportSize({ width, height: 800 });
}

/**
 * Shows the desk's page at `hash` (`#/elections/…`) in the tab, `width` wide, in `language` chosen through the
 * desk's own control. Within a tab the desk is not loaded again: only its hash changes. A page the tab already
 * shows is left through the start page first, so that it opens as new (no filter or form left from before).
 */
export async function showDeskPage(
  page: Page,
  engineUrl: string,
  hash: string,
  options: { readonly language: 'kk' | 'ru' | 'en'; readonly width: 360 | 1280 },
): Promise<void> {
  await setWidth(page, options.width);
  if (page.url() === 'about:blank') await page.goto(`${engineUrl}/`);
  await chooseLanguage(page, options.language);
  const target = `${engineUrl}/${hash}`;
  if (page.url() === target) await page.goto(`${engineUrl}/#/`);
  await page.goto(target);
}

/** A page as a person on a phone sees it, or on a desk (1280 px). */
export async function openPage(
  browser: Browser,
  options: { readonly width?: number; readonly language?: 'kk' | 'ru' | 'en' } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    locale: options.language ?? 'kk',
  });
  const page = await context.newPage();
  if (options.language !== undefined) {
    // The desk keeps the chosen language on the device: this one was chosen before the page opened.
    await page.addInitScript((language) => localStorage.setItem('desk.language', language), options.language);
  }
  return page;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA and best practice). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the desk's Content-Security-Policy refuses inline scripts, rightly.
  await page.evaluate(AXE);
  const result = AxeResultSchema.parse(await page.evaluate('axe.run()'));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((node) => JSON.stringify(node.target)),
    }));
}

/** How far the page's content is wider than the window: 0 when nothing scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return Number(
    await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
  );
}

/** The id of the element that has the keyboard's focus. */
export async function focusedId(page: Page): Promise<string> {
  return String(await page.evaluate('document.activeElement?.id ?? ""'));
}

/** A CSS property of the first element `selector` matches, as the browser computed it. */
export async function computedStyle(page: Page, selector: string, property: string): Promise<string> {
  return String(
    await page.evaluate(
      `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`,
    ),
  );
}

/**
 * An assertion retried until the page gets there: pages answer after the engine does, and a cold browser on a
 * busy machine can take seconds (expect.poll's own default is one second).
 */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

/**
 * Signs in as a person does: the desk's "sign in" button, the engine's sign-in form, back at the desk; done once
 * the desk's header names the person (the code is exchanged by then, so a next navigation cannot cut it short).
 */
export async function signInThroughDesk(
  page: Page,
  engineUrl: string,
  credentials: Credentials,
  shownName: string,
): Promise<void> {
  await signInAs(page, engineUrl, credentials, () =>
    page.getByRole('button', { name: /^(Кіру|Войти|Sign in)$/ }).click(),
  );
  await eventually(() => page.locator('header').textContent()).toContain(shownName);
}
