import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import type { Caller } from '../../shared/auth/caller.ts';

const MAIN = new URL('../../infra/local/main.ts', import.meta.url).pathname;
/**
 * Node's on-disk compile cache (type stripping and V8's code) for the engines the tests start: a third less CPU at
 * each start, on two cores shared by every test file.
 */
const COMPILE_CACHE = new URL('../../node_modules/.cache/node-compile', import.meta.url).pathname;

export interface EngineProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Ends the engine; SIGKILL gives it no chance to tidy up. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'akim-e2e-'));
}

/** Starts `npm start`'s program on a free port over `dataDir`, and waits until it says where it listens. */
export function startEngineProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<EngineProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      NODE_COMPILE_CACHE: COMPILE_CACHE,
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      CLOCK: 'manual',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), 50_000);
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        child,
        kill: (signal) =>
          new Promise((done) => {
            // A process killed by a signal keeps exitCode null: its signalCode says it is gone.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`engine exited (${code}):\n${output}`)));
  });
}

/** A small HTTP client for the engine's API, with tokens signed by the engine's key. */
export function apiClient(url: string, dataDir: string) {
  const tokens = LocalTokens.inDataDir(dataDir);
  return async (
    caller: Caller,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    // The engine's own admin routes take an operator's token; the API takes the caller's.
    const token = path.startsWith('/admin/')
      ? await tokens.issueOperator('test-operator')
      : caller.role === 'public'
        ? null
        : await tokens.issue(caller);
    const authorization = token === null ? {} : { authorization: `Bearer ${token}` };
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...authorization, ...headers },
      // A string or bytes are sent as they are (CSV, JSON lines, XLSX); anything else as JSON.
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
}

/** Polls a case until it reaches `status` (a client's way past the engine's own quick steps), at most ~5 s. */
export async function waitForStatus(
  api: ReturnType<typeof apiClient>,
  caller: Caller,
  electionId: string,
  caseId: string,
  status: string,
): Promise<void> {
  let seen = '';
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { body } = await api(caller, 'GET', `/elections/${electionId}/cases/${caseId}`);
    seen =
      typeof body === 'object' && body !== null && 'status' in body
        ? String(body.status)
        : JSON.stringify(body);
    if (seen === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`case ${caseId} stayed ${seen}, never ${status}`);
}
