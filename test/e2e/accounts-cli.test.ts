// Issue 13 §2 "Sign-in and accounts", end to end: the operator's command line (`npm run users`) against the
// running engine makes the first accounts, takes a chosen password without echoing it, and disables accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import { accountApi, engineOutput, runUsersCli } from '../support/accounts-over-http.ts';
import { HttpSignIn } from '../support/desk-sign-in.ts';
import { type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const CANDIDATE_IIN = '850402300011';
const RefusalSchema = z.object({
  error: z.object({
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  }),
});

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

  it('refuses a party’s or a candidate’s account without the district that manages it, saying how', async () => {
    const party = ['add', '--role', 'party', '--scope', 'amanat', '--name', 'Хатшы'];
    const refused = await users(party);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--district <4 digits>');
    // The engine's route refuses it too, in the caller's language, and makes nothing.
    const token = await LocalTokens.inDataDir(dataDir).issueOperator('accounts-cli-test', 60);
    for (const language of ['kk', 'ru', 'en'] as const) {
      const response = await fetch(`${engine.url}/admin/accounts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify({ account: { role: 'candidate', scope: CANDIDATE_IIN, name: 'Кандидат' } }),
      });
      expect(response.status).toBe(400);
      const { error } = RefusalSchema.parse(await response.json());
      expect(error.issues).toEqual([
        expect.objectContaining({ field: 'managedBy', code: 'ACCOUNT_DISTRICT_REQUIRED' }),
      ]);
      if (language !== 'en') expect(error.issues[0]?.message).toMatch(/[А-Яа-яӘәІі]/);
    }
    expect((await users(['list'])).out).not.toContain('Кандидат');
  });

  it('lists a candidate’s account with the IIN masked, in the command’s output and the route’s answer', async () => {
    const added = await users([
      'add',
      '--role',
      'candidate',
      '--scope',
      CANDIDATE_IIN,
      '--name',
      'Ерлан Candidate',
      '--district',
      '1953',
    ]);
    expect(added.code).toBe(0);
    passwordsSeen.push(/password: (\S+)/.exec(added.out)?.[1] ?? '');
    expect(added.out).not.toContain(CANDIDATE_IIN);
    const listed = await users(['list']);
    expect(listed.out).toContain(`IIN ••••••••${CANDIDATE_IIN.slice(-4)}`);
    expect(listed.out).toContain('managed by 1953');
    expect(listed.out).not.toContain(CANDIDATE_IIN);
    const token = await LocalTokens.inDataDir(dataDir).issueOperator('accounts-cli-test', 60);
    const answer = await fetch(`${engine.url}/admin/accounts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await answer.text()).not.toContain(CANDIDATE_IIN);
  });

  it('never writes a password to the engine’s output', () => {
    expect(passwordsSeen.filter(Boolean).length).toBeGreaterThan(0);
    for (const password of passwordsSeen.filter(Boolean)) expect(output()).not.toContain(password);
  });
});
