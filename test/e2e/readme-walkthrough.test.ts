import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ROOT = new URL('../../', import.meta.url).pathname;

/** The shell block of the README's "A first case, end to end", as a reader copies it. */
function walkthrough(): string {
  const section = README.slice(README.indexOf('### A first case, end to end'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('the README has no walkthrough block');
  return block;
}

/** A port nothing listens on now, so that the walkthrough's engine does not meet another test's. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(),
      );
    });
  });
}

/** Runs the block with bash as a reader would paste it, on `port` (the script's own default is 3000). */
function run(port: number) {
  return spawnSync('bash', ['-euo', 'pipefail', '-c', walkthrough()], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PORT: String(port) },
    timeout: 120_000,
  });
}

async function engineAnswers(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health`).then(
    () => true,
    () => false,
  );
}

/**
 * Whether the engine still answers a few seconds after the script ended: its trap sends the stop and exits at
 * once, and the engine closes its port when it handles the signal, a moment later on a busy machine.
 */
async function engineStillAnswers(port: number): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 200) {
    if (!(await engineAnswers(port))) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return engineAnswers(port);
}

describe('the README walkthrough', () => {
  it('runs as written, twice in a row, from the first account to the published list, and stops its engine', async () => {
    const port = await freePort();
    for (const attempt of [1, 2]) {
      const result = run(port);
      expect(result.status, `run ${attempt}: ${result.stderr}`).toBe(0);
      const out = result.stdout;
      // The first account: its login name and its password, once.
      expect(out).toMatch(/username: aygul\.seyitova/);
      expect(out).toMatch(/password: \S{12,}/);
      expect(out).toContain('"status": "Registered"');
      // Registration has closed, but cancellations and a court's registrations may still change the list.
      expect(out).toContain('"final": false');
      expect(out).toContain('Асқар Нұрланұлы');
      // The timeline, a line per event: who, what, from which status to which.
      expect(out).toMatch(/commission\s+RegistrationDecided\s+AwaitingRegistrationDecision → Registered/);
      expect(out).not.toMatch(/"error"/);
      // Readable: indented JSON and lines, never one long line of it.
      expect(Math.max(...out.split('\n').map((line) => line.length))).toBeLessThan(160);
      expect(await engineStillAnswers(port), `run ${attempt} left its engine running`).toBe(false);
    }
  }, 300_000);
});
