import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { type Browser, type Page, chromium as playwright } from 'playwright-core';
import { expect, inject } from 'vitest';
import { z } from 'zod';
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
