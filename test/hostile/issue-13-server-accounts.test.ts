// Issue 13, attacked from outside: the account API a commission's administrator uses, the inbox and a district's
// elections. What a district, a person whose account it is, or the law on personal data needs to hold when the
// request comes from someone hostile, or twice, or from another administrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import { AccountListSchema, CreatedAccountSchema } from '../../shared/domain/account.ts';
import { aCandidate } from '../support/candidates.ts';
import { type Credentials, createAccount, HttpSignIn } from '../support/desk-sign-in.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

let dataDir: string;
let engine: EngineProcess;
let admin: Credentials & { accountId: string };
let secondAdmin: Credentials & { accountId: string };
let adminToken: string;
let secondAdminToken: string;

async function api(token: string | null, method: 'GET' | 'POST', path: string, body?: unknown, key?: string) {
  const response = await fetch(`${engine.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'kk',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as unknown };
}

const errorOf = (body: unknown) =>
  (body as { error?: { code?: string; issues?: { field: string; code: string }[] } }).error;

beforeAll(async () => {
  dataDir = newDataDir();
  // The manual clock where nominations are open, so that a party can file.
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  admin = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Айгүл Сейітова',
    username: 'admin.1952',
    admin: true,
  });
  secondAdmin = await createAccount(engine.url, dataDir, {
    role: 'commission',
    scope: '1952',
    name: 'Бауыржан Омаров',
    username: 'admin2.1952',
    admin: true,
  });
  adminToken = await new HttpSignIn(engine.url).signIn(admin);
  secondAdminToken = await new HttpSignIn(engine.url).signIn(secondAdmin);
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

describe('names an administrator types, hostile', () => {
  it('refuses a name that is not one line of text: line separators, lone surrogates, bidi and private-use marks', async () => {
    const names = [
      'Аудан\u2028әкімдігі',
      'Аудан\u2029әкімдігі',
      'Аудан \ud800 әкімдігі',
      'Аудан \u202eігідкімә',
      'Аудан \u2066әкімдігі\u2069',
      'Аудан \ue000 әкімдігі',
      'Аудан\u0000',
      'Аудан\u0085әкімдігі',
    ];
    const before = AccountListSchema.parse((await api(adminToken, 'GET', '/accounts')).body).accounts.length;
    for (const name of names) {
      const answer = await api(adminToken, 'POST', '/accounts', { role: 'akimat', scope: '1952', name });
      expect(answer.status, JSON.stringify(name)).toBe(400);
      // A lone surrogate is refused already as the body is read (no JSON text may carry one): `(body)`.
      expect(['name', '(body)'], JSON.stringify(name)).toContain(errorOf(answer.body)?.issues?.[0]?.field);
    }
    const after = AccountListSchema.parse((await api(adminToken, 'GET', '/accounts')).body).accounts.length;
    expect(after).toBe(before);
  });
});

describe('two administrators of one district', () => {
  it('never hand one administrator’s first password to another who sends the same Idempotency-Key and body', async () => {
    const request = { role: 'akimat', scope: '1952', name: 'Ауыл әкімдігі', username: 'akimat.shared.key' };
    const first = await api(adminToken, 'POST', '/accounts', request, 'same-key-1');
    expect(first.status).toBe(201);
    const password = CreatedAccountSchema.parse(first.body).initialPassword ?? '';
    expect(password.length).toBeGreaterThan(0);
    const other = await api(secondAdminToken, 'POST', '/accounts', request, 'same-key-1');
    expect(other.status).toBe(409);
    expect(other.text).not.toContain(password);
    const again = await api(adminToken, 'POST', '/accounts', request, 'same-key-1');
    expect(again.text).not.toContain(password);
  });

  it('cannot disable each other: an administrator is made and unmade by the operator only', async () => {
    const answer = await api(adminToken, 'POST', `/accounts/${secondAdmin.accountId}/disablement`, {});
    expect(answer.status).toBe(403);
    expect(errorOf(answer.body)?.code).toBe('ADMINISTRATOR_ACCOUNT_OPERATOR_ONLY');
    await expect(new HttpSignIn(engine.url).signIn(secondAdmin)).resolves.toMatch(/^ey/);
  });
});

describe('answers that carry personal data', () => {
  it('are never kept by a browser or a proxy, nor sniffed into another type', async () => {
    await api(adminToken, 'POST', '/accounts', {
      role: 'candidate',
      scope: '850402300011',
      name: 'Кандидат',
      username: 'candidate.cached',
    });
    const listed = await api(adminToken, 'GET', '/accounts');
    expect(listed.text).toContain('850402300011');
    expect(listed.headers.get('cache-control')).toBe('no-store');
    expect(listed.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the inbox’s read mark, bent', () => {
  it('moves no further than the engine’s now when asked for the year 9999, and never back for the year 1', async () => {
    const now = ((await api(null, 'GET', '/time')).body as { now: string }).now;
    const future = await api(adminToken, 'POST', '/notices/read', { upTo: '9999-12-31T23:59:59Z' });
    expect(future.status).toBe(200);
    expect((future.body as { readUpTo: string }).readUpTo).toBe(new Date(now).toISOString());
    const past = await api(adminToken, 'POST', '/notices/read', { upTo: '0001-01-01T00:00:00Z' });
    expect((past.body as { readUpTo: string }).readUpTo).toBe(new Date(now).toISOString());
    const garbage = await api(adminToken, 'POST', '/notices/read', { upTo: '2026-02-30T25:61:00Z' });
    expect(garbage.status).toBe(400);
  });

  it('reads a district named with an injection attempt as no district at all; a district’s own party account reads its own', async () => {
    // A party token of the operator's (`npm run token`), made outside any district: it names the district.
    const operatorMade = await LocalTokens.inDataDir(dataDir).issue(
      { role: 'party', subject: 'amanat-secretary', partyId: 'amanat' },
      300,
    );
    for (const district of ["1952' OR '1'='1", '1952#', '../1952', '19520', '%00']) {
      const query = encodeURIComponent(district);
      const inbox = await api(operatorMade, 'GET', `/notices?district=${query}`);
      expect(inbox.status, district).toBe(400);
      expect(errorOf(inbox.body)?.issues?.[0]?.field).toBe('district');
      const elections = await api(null, 'GET', `/elections?district=${query}`);
      expect(elections.status, district).toBe(400);
    }
    const party = await createAccount(engine.url, dataDir, {
      role: 'party',
      scope: 'amanat',
      name: 'Amanat',
      username: 'amanat.inbox',
      managedBy: '1952',
    });
    const partyToken = await new HttpSignIn(engine.url).signIn(party);
    const own = await api(partyToken, 'GET', `/notices?district=${encodeURIComponent("1953' OR 1=1")}`);
    expect(own.status).toBe(200);
    expect((own.body as { district: string }).district).toBe('1952');
  });
});

describe('a party’s account, made by one district’s administrator', () => {
  it('acts for its party in that district only: never on the party’s nominee in another district', async () => {
    const client = apiClient(engine.url, dataDir);
    const election = await client(commission, 'POST', '/elections', newElectionInput());
    expect(election.status).toBe(201);
    const electionId = (election.body as { electionId: string }).electionId;
    const filed = await client(partyCaller('amanat'), 'POST', `/elections/${electionId}/cases`, {
      route: 'party',
      candidate: aCandidate({ fullName: 'Асқар Нұрланұлы Сейітов' }, 1),
      party: {
        partyId: 'amanat',
        candidateIsMember: true,
        decisionBody: 'Облыстық филиал кеңесі',
        decisionDate: '2026-02-06',
        protocolNumber: '12',
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const caseId = (filed.body as { caseId: string }).caseId;
    // District 1953's administrator makes an Amanat account: Amanat's nominee in 1952 is none of its business.
    const elsewhere = await createAccount(engine.url, dataDir, {
      role: 'commission',
      scope: '1953',
      name: 'Басқа аудан',
      username: 'admin.1953',
      admin: true,
    });
    const elsewhereToken = await new HttpSignIn(engine.url).signIn(elsewhere);
    const made = await api(elsewhereToken, 'POST', '/accounts', {
      role: 'party',
      scope: 'amanat',
      name: 'Amanat 1953',
      username: 'amanat.from.1953',
    });
    expect(made.status).toBe(201);
    const password = CreatedAccountSchema.parse(made.body).initialPassword ?? '';
    const partyToken = await new HttpSignIn(engine.url).signIn({ username: 'amanat.from.1953', password });
    const read = await api(partyToken, 'GET', `/elections/${electionId}/cases/${caseId}`);
    expect(read.status).toBe(403);
    const withdrawn = await api(
      partyToken,
      'POST',
      `/elections/${electionId}/cases/${caseId}/withdrawal`,
      {},
    );
    expect(withdrawn.status).toBe(403);
    const listed = await api(partyToken, 'GET', `/elections/${electionId}/cases`);
    expect(listed.status).toBe(403);
    const inbox = await api(partyToken, 'GET', '/notices?district=1952');
    expect((inbox.body as { district: string }).district).toBe('1953');
    // The district's own administrator's Amanat account reads its nominee as before.
    const home = await api(adminToken, 'POST', '/accounts', {
      role: 'party',
      scope: 'amanat',
      name: 'Amanat 1952',
      username: 'amanat.from.1952',
    });
    const homePassword = CreatedAccountSchema.parse(home.body).initialPassword ?? '';
    const homeToken = await new HttpSignIn(engine.url).signIn({
      username: 'amanat.from.1952',
      password: homePassword,
    });
    expect((await api(homeToken, 'GET', `/elections/${electionId}/cases/${caseId}`)).status).toBe(200);
  }, 60_000);
});
