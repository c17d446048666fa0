import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import chromium from '@sparticuz/chromium';
import { build } from 'esbuild';
import { type Browser, type Page, chromium as playwright } from 'playwright-core';

/**
 * One desk component in a real headless Chromium, without the rest of the desk: the component and Preact bundled
 * by esbuild as the desk's build would bundle them, its style sheets inlined, mounted by `window.mount(props)`. For
 * tests of what a component prints, draws and offers to the keyboard; the whole desk is tested in desk-*.test.ts,
 * whose axe-core and overflow checks (desk-browser.ts) serve here too.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The flags @sparticuz/chromium sets for AWS Lambda that would change what is tested. */
const LAMBDA_ONLY_ARGS = new Set([
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
]);

export function launchChromium(): Promise<Browser> {
  return chromium.executablePath().then((executablePath) =>
    playwright.launch({
      executablePath,
      args: chromium.args.filter((arg) => !LAMBDA_ONLY_ARGS.has(arg)),
      headless: true,
    }),
  );
}

/** Browser code bundled from `contents`, whose imports are paths from the repository's root (`./web/src/…`). */
export async function bundledScript(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'tsx' },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The script that defines `window.mount` for the named export of a component module (a path from the root). */
export function componentScript(modulePath: string, exportName: string): Promise<string> {
  return bundledScript(`
    import { h, render } from 'preact';
    import { ${exportName} as Component } from './${modulePath}';
    window.mount = (props) => render(h(Component, props), document.getElementById('root'));
  `);
}

export interface ComponentPageOptions {
  readonly script: string;
  readonly styleSheets: readonly string[];
  readonly props: unknown;
  readonly width: number;
  readonly language: string;
  /** Page content around the component, to show what printing leaves out. */
  readonly around?: string;
}

export async function componentPage(browser: Browser, options: ComponentPageOptions): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width, height: 800 } });
  const css = options.styleSheets
    .map((path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))
    .join('\n');
  await page.setContent(
    `<!doctype html><html lang="${options.language}"><head><meta charset="utf-8"><title>Component</title>` +
      `<style>${css}</style></head><body>${options.around ?? ''}<main><div id="root"></div></main></body></html>`,
  );
  await page.addScriptTag({ content: options.script });
  // Run in the page, where `mount` is the bundle's.
  await page.evaluate(
    (props) => (globalThis as { mount?: (p: unknown) => void }).mount?.(props),
    options.props,
  );
  return page;
}
