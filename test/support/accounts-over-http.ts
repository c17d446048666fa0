import { spawn } from 'node:child_process';
import * as z from 'zod';
import type { AccountRequest } from './desk-sign-in.ts';
import type { EngineProcess } from './engine-process.ts';

/** District 1952's commission administrator, the account the account API's tests act as. */
export const districtAdministrator = {
  role: 'commission',
  scope: '1952',
  name: 'Айгүл Сейітова',
  username: 'admin.1952',
  admin: true,
} as const satisfies AccountRequest;

const USERS_CLI = new URL('../../infra/local/users-cli.ts', import.meta.url).pathname;

/** What a run of the operator's command line printed, and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * `npm run users -- …` over the data folder `dataDir`, against the engine at `engineUrl` (any URL: one where
 * no engine answers is a case worth testing); `stdin` is what the operator types.
 */
export function runUsersCli(
  engineUrl: string,
  dataDir: string,
  args: readonly string[],
  stdin = '',
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [USERS_CLI, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ENGINE_URL: engineUrl },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    child.stdin.end(stdin);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** Everything the engine writes from now on (its stdout and stderr), to look for what must never be there. */
export function engineOutput(engine: EngineProcess): () => string {
  let output = '';
  const keep = (chunk: unknown) => {
    output += String(chunk);
  };
  engine.child.stdout?.on('data', keep);
  engine.child.stderr?.on('data', keep);
  return () => output;
}

/**
 * A request to the engine's API as the desk sends it (in Russian), with an ID token or none and an optional
 * Idempotency-Key; answers the status, the body as text and as parsed JSON.
 */
export function accountApi(engineUrl: string) {
  return async (token: string | null, method: 'GET' | 'POST', path: string, body?: unknown, key?: string) => {
    const response = await fetch(`${engineUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'accept-language': 'ru',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as unknown };
  };
}

const RefusalSchema = z.object({ error: z.object({ code: z.string() }) });

/** The error code of a refusal's body, or undefined when the body is no refusal. */
export function errorCode(body: unknown): string | undefined {
  const refusal = RefusalSchema.safeParse(body);
  return refusal.success ? refusal.data.error.code : undefined;
}
