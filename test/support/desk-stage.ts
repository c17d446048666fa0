import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchDeskBrowser, openPage, signInThroughDesk } from './desk-browser.ts';
import { type AccountRequest, type Credentials, createAccount } from './desk-sign-in.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from './engine-process.ts';

/**
 * Where the browser tests leave the screenshots the README shows: `docs/screenshots/` (committed) when
 * DESK_SCREENSHOTS=1 asks for new ones, else a folder of the run's own, so that a test run leaves the tree as it was.
 */
const SCREENSHOTS =
  process.env.DESK_SCREENSHOTS === '1'
    ? new URL('../../docs/screenshots/', import.meta.url).pathname
    : `${mkdtempSync(join(tmpdir(), 'desk-screenshots-'))}/`;

/** The path of a screenshot the README shows, by its file name. */
export function screenshotPath(fileName: string): string {
  return `${SCREENSHOTS}${fileName}`;
}

/** The district commission's clerk most browser tests sign in as (district 1952). */
export const districtClerk = {
  role: 'commission',
  scope: '1952',
  name: 'Гүлнар Ахметова',
} as const satisfies AccountRequest;

/** Amanat's secretary, whose account the district 1952 manages. */
export const amanatSecretary = {
  role: 'party',
  scope: 'amanat',
  name: 'Аманат хатшысы',
  managedBy: '1952',
} as const satisfies AccountRequest;

/** One browser test file's world: the engine (`npm start`'s program) over a fresh data folder, and a Chromium. */
export interface DeskStage {
  /** Where the engine serves the desk and the API. */
  readonly url: string;
  readonly dataDir: string;
  readonly browser: Browser;
  /** The API as the tests' callers, with tokens signed by the engine's key. */
  readonly api: ReturnType<typeof apiClient>;
  /** Creates an account as `npm run users -- add` does; answers its login name and first password. */
  account(request: AccountRequest): Promise<Credentials & { readonly accountId: string }>;
  /**
   * A tab signed in as `credentials` through the desk's own sign-in, opened on first use and kept for the whole
   * file: the session lives in the tab, so each account signs in once per file, not once per test. A test leaves
   * the tab as it found it (no routes left behind); it sets the width and language it needs.
   */
  signedInTab(credentials: Credentials, shownName: string): Promise<Page>;
  /** A tab nobody signs in on, as the public reads the desk: opened on first use and kept for the whole file. */
  visitorTab(): Promise<Page>;
  /** Closes the browser and ends the engine. */
  close(): Promise<void>;
}

/**
 * Starts the engine, its manual clock at `clockStart` when given, then the browser. A browser that cannot start
 * (the desk did not build) ends the engine too, so that a failed file leaves no process behind.
 */
export async function startDeskStage(
  options: {
    readonly clockStart?: string;
    /** How long the engine's ID tokens live (its `ID_TOKEN_SECONDS`): short, to watch the desk renew them. */
    readonly idTokenSeconds?: number;
  } = {},
): Promise<DeskStage> {
  const dataDir = newDataDir();
  const engine: EngineProcess = await startEngineProcess(dataDir, {
    ...(options.clockStart === undefined ? {} : { CLOCK_START: options.clockStart }),
    ...(options.idTokenSeconds === undefined ? {} : { ID_TOKEN_SECONDS: String(options.idTokenSeconds) }),
  });
  let browser: Browser;
  try {
    browser = await launchDeskBrowser();
  } catch (error) {
    await engine.kill('SIGTERM');
    throw error;
  }
  const tabs = new Map<string, Promise<Page>>();
  const signedInTab = (credentials: Credentials, shownName: string): Promise<Page> => {
    let tab = tabs.get(credentials.username);
    if (tab === undefined) {
      tab = openPage(browser).then(async (page) => {
        await signInThroughDesk(page, engine.url, credentials, shownName);
        return page;
      });
      tabs.set(credentials.username, tab);
    }
    return tab;
  };
  let visitor: Promise<Page> | undefined;
  return {
    url: engine.url,
    dataDir,
    browser,
    api: apiClient(engine.url, dataDir),
    account: (request) => createAccount(engine.url, dataDir, request),
    signedInTab,
    visitorTab: () => {
      visitor ??= openPage(browser);
      return visitor;
    },
    close: async () => {
      await browser.close();
      await engine.kill('SIGTERM');
    },
  };
}
