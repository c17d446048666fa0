import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const ISSUE_TOKEN = new URL('../../infra/local/issue-token.ts', import.meta.url).pathname;

let dataDir: string;
let engine: EngineProcess;

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: '2026-02-05T04:00:00.000Z' });
});
afterAll(() => engine.kill('SIGTERM'));

function issueToken(...args: string[]) {
  return spawnSync(process.execPath, [ISSUE_TOKEN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir },
  });
}

describe('the local engine’s helpers', () => {
  it('answers /health with the clock it runs on', async () => {
    const health = await apiClient(engine.url, dataDir)({ role: 'public' }, 'GET', '/health');
    expect(health.body).toEqual({ status: 'ok', now: '2026-02-05T04:00:00.000Z', clock: 'manual' });
  });

  it('prints, with npm run token, a token the engine accepts for that role and scope', async () => {
    const run = issueToken('--role', 'commission', '--scope', '1952');
    expect(run.status).toBe(0);
    const token = run.stdout.trim();
    await expect(LocalTokens.inDataDir(dataDir).verify(token)).resolves.toMatchObject({
      role: 'commission',
      district: '1952',
    });
    const listed = await fetch(`${engine.url}/elections/195230100-2026-03-15/cases`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listed.status).toBe(404);
    expect(z.object({ error: z.object({ code: z.string() }) }).parse(await listed.json()).error.code).toBe(
      'NOT_FOUND',
    );
  });

  it('explains how to call it when the role or scope is wrong', () => {
    const run = issueToken('--role', 'mayor', '--scope', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'usage: npm run token -- --role commission|akimat --scope <4-digit district>',
    );
  });
});
