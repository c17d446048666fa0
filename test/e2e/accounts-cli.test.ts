// Issue 13 §2 "Sign-in and accounts", end to end: the operator's command line (`npm run users`) against the
// running engine makes the first accounts, takes a chosen password without echoing it, and disables accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountApi, engineOutput, runUsersCli } from '../support/accounts-over-http.ts';
import { HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

let dataDir: string;
let engine: EngineProcess;
let output: () => string;
let api: ReturnType<typeof accountApi>;
let akimatToken: string;
const passwordsSeen: string[] = [];

/** `npm run users -- …` against the running engine. */
const users = (args: readonly string[], stdin?: string) => runUsersCli(engine.url, dataDir, args, stdin);

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir);
  output = engineOutput(engine);
  api = accountApi(engine.url);
}, 60_000);
afterAll(() => engine?.kill('SIGTERM'));

describe('the operator’s command line (npm run users)', () => {
  it('creates the first administrator and prints its username and a strong password once', async () => {
    const added = await users([
      'add',
      '--role',
      'commission',
      '--scope',
      '1953',
      '--name',
      'Марат Омаров',
      '--username',
      'clerk.1953',
      '--admin',
    ]);
    expect(added.code).toBe(0);
    expect(added.out).toContain('username: clerk.1953');
    const password = /password: (\S+)/.exec(added.out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    passwordsSeen.push(password);
    const listed = await users(['list']);
    expect(listed.out).toContain('clerk.1953');
    expect(listed.out).toContain('administrator');
    expect(listed.out).not.toContain(password);
  });

  it('takes a chosen password from standard input and does not print it', async () => {
    const chosen = 'a chosen passphrase 1953';
    const added = await users(
      [
        'add',
        '--role',
        'akimat',
        '--scope',
        '1953',
        '--name',
        'Әкімдік',
        '--username',
        'akimat.1953',
        '--password-stdin',
      ],
      `${chosen}\n`,
    );
    expect(added.code).toBe(0);
    expect(added.out).not.toContain(chosen);
    passwordsSeen.push(chosen);
    akimatToken = await new HttpSignIn(engine.url).signIn({ username: 'akimat.1953', password: chosen });
    expect((await api(akimatToken, 'GET', '/accounts')).status).toBe(403);
  });

  it('refuses a username that is taken, saying so', async () => {
    const again = await users([
      'add',
      '--role',
      'commission',
      '--scope',
      '1953',
      '--name',
      'X',
      '--username',
      'clerk.1953',
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('clerk.1953');
  });

  it('disables an account by username, and its token is refused from then on', async () => {
    const disabled = await users(['disable', 'akimat.1953']);
    expect(disabled.code).toBe(0);
    expect(disabled.out).toContain('DISABLED');
    // Cognito would take the token until it expires; the engine refuses it at once.
    expect((await api(akimatToken, 'GET', '/accounts')).status).toBe(401);
  });

  it('says which URL it tried and how to start the engine when none answers', async () => {
    const { code, err } = await runUsersCli('http://127.0.0.1:9', dataDir, ['list']);
    expect(code).toBe(1);
    expect(err).toContain('http://127.0.0.1:9');
    expect(err).toContain('npm start');
  });

  it('never writes a password to the engine’s output', () => {
    expect(passwordsSeen.filter(Boolean).length).toBeGreaterThan(0);
    for (const password of passwordsSeen.filter(Boolean)) expect(output()).not.toContain(password);
  });
});
