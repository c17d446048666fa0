import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ROOT = new URL('../../', import.meta.url).pathname;

/** The shell block of the README's "A first case, end to end", as a reader copies it. */
function walkthrough(): string {
  const section = README.slice(README.indexOf('### A first case, end to end'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('the README has no walkthrough block');
  return block;
}

let engine: EngineProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = newDataDir();
  // As the README's terminal 1 starts it.
  engine = await startEngineProcess(dataDir, { CLOCK_START: '2026-02-05T04:00:00Z' });
});
afterAll(() => engine.kill('SIGTERM'));

describe('the README walkthrough', () => {
  it('runs as written, from calling the election to the published list', () => {
    const script = walkthrough()
      .replace('API=http://127.0.0.1:3000', `API=${engine.url}`)
      .replace('export DATA_DIR=.data/demo', `export DATA_DIR=${dataDir}`);
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('"status":"Registered"');
    // Registration has closed, but cancellations and a court's registrations may still change the list.
    expect(run.stdout).toContain('"final":false,"candidates":[{');
    expect(run.stdout).toContain('Асқар Нұрланұлы');
    expect(run.stdout).toContain('"event":"RegistrationDecided"');
    expect(run.stdout).not.toMatch(/"error"/);
  });
});
