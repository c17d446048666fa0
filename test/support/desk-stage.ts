import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchDeskBrowser } from './desk-browser.ts';
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
  /** Closes the browser and ends the engine. */
  close(): Promise<void>;
}

/**
 * Starts the engine, its manual clock at `clockStart` when given, then the browser. A browser that cannot start
 * (the desk did not build) ends the engine too, so that a failed file leaves no process behind.
 */
export async function startDeskStage(options: { readonly clockStart?: string } = {}): Promise<DeskStage> {
  const dataDir = newDataDir();
  const engine: EngineProcess = await startEngineProcess(
    dataDir,
    options.clockStart === undefined ? {} : { CLOCK_START: options.clockStart },
  );
  let browser: Browser;
  try {
    browser = await launchDeskBrowser();
  } catch (error) {
    await engine.kill('SIGTERM');
    throw error;
  }
  return {
    url: engine.url,
    dataDir,
    browser,
    api: apiClient(engine.url, dataDir),
    account: (request) => createAccount(engine.url, dataDir, request),
    close: async () => {
      await browser.close();
      await engine.kill('SIGTERM');
    },
  };
}
