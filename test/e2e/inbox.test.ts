import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiRoutes } from '../../functions/api-routes.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const E = '195230100-2026-03-15';
const InboxSchema = z.object({
  district: z.string(),
  unread: z.int(),
  readUpTo: z.string().nullable(),
  notices: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      code: z.string(),
      unread: z.boolean(),
      caseId: z.string().nullable(),
    }),
  ),
});
const ElectionsSchema = z.object({
  district: z.string(),
  elections: z.array(z.object({ electionId: z.string(), timeZone: z.string(), phase: z.string() })),
});

/** An answer as the OpenAPI document describes it: its route's own response schema. */
function documented(operationId: string, body: unknown): unknown {
  const route = apiRoutes.find((r) => r.operationId === operationId);
  if (route === undefined) throw new Error(`no route ${operationId}`);
  return route.responseSchema.parse(body);
}

let engine: EngineProcess;
let dataDir: string;
let api: ReturnType<typeof apiClient>;
let caseId: string;
const amanat = partyCaller('amanat');
const auyl = partyCaller('auyl');

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  const filed = await api(amanat, 'POST', `/elections/${E}/cases`, aPartyFiling('amanat', 1));
  caseId = z.object({ caseId: z.string() }).parse(filed.body).caseId;
});
afterAll(() => engine.kill('SIGTERM'));

describe('a district’s elections', () => {
  it('are listed to anyone who names the district', async () => {
    const listed = ElectionsSchema.parse(
      (await api({ role: 'public' }, 'GET', '/elections?district=1952')).body,
    );
    expect(listed.elections.map((e) => e.electionId)).toEqual([E]);
    expect(listed.elections[0]?.timeZone).toBe('Asia/Almaty');
    expect(
      ElectionsSchema.parse((await api({ role: 'public' }, 'GET', '/elections?district=1953')).body),
    ).toEqual({
      district: '1953',
      elections: [],
    });
  });

  it('refuse a district that is not four digits, naming the field, in the caller’s language', async () => {
    const refused = await api({ role: 'public' }, 'GET', '/elections?district=19%2752', undefined, {
      'accept-language': 'ru',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { issues: [{ field: 'district' }] } });
    expect((await api({ role: 'public' }, 'GET', '/elections')).status).toBe(400);
  });
});

describe('the inbox', () => {
  it('tells the party its nominee waits for its confirmation, unread until it marks it read', async () => {
    const inbox = InboxSchema.parse(
      documented('listNotices', (await api(amanat, 'GET', '/notices?district=1952')).body),
    );
    expect(inbox.notices).toMatchObject([{ code: 'CASE_WAITING_FOR_YOU', caseId, unread: true }]);
    expect(inbox.unread).toBe(1);

    const marked = await api(amanat, 'POST', '/notices/read', { upTo: '2099-01-01T00:00:00Z' });
    expect(marked.status).toBe(200);
    // Never past the engine's clock: what comes later still arrives unread.
    const { now } = z.object({ now: z.string() }).parse((await api({ role: 'public' }, 'GET', '/time')).body);
    expect(documented('markNoticesRead', marked.body)).toEqual({ readUpTo: now });
    const after = InboxSchema.parse((await api(amanat, 'GET', '/notices?district=1952')).body);
    expect(after.unread).toBe(0);
    expect(after.notices.map((n) => n.id)).toEqual(inbox.notices.map((n) => n.id));
  });

  it('never moves a read mark back, whatever a late request says', async () => {
    const first = await api(amanat, 'POST', '/notices/read', { upTo: '2020-01-01T00:00:00Z' });
    const inbox = InboxSchema.parse((await api(amanat, 'GET', '/notices?district=1952')).body);
    expect(first.status).toBe(200);
    expect(inbox.unread).toBe(0);
  });

  it('tells another party nothing of this nominee, and a commission of the district only its own inbox', async () => {
    const other = InboxSchema.parse((await api(auyl, 'GET', '/notices?district=1952')).body);
    expect(other.notices).toEqual([]);
    // The commission names another district: it still reads its own.
    const tec = InboxSchema.parse((await api(commission, 'GET', '/notices?district=1953')).body);
    expect(tec.district).toBe('1952');
  });

  it('keeps unread what comes to light at the very instant the commission marked read, the clock standing still', async () => {
    // Two nominees confirmed one after the other while the manual clock stands: both wait for the commission from
    // the same instant.
    const waitingForCommission = async (count: number) => {
      for (let tries = 0; tries < 100; tries += 1) {
        const inbox = InboxSchema.parse((await api(commission, 'GET', '/notices')).body);
        const waiting = inbox.notices.filter((n) => n.code === 'CASE_WAITING_FOR_YOU');
        if (waiting.length >= count) return { inbox, waiting };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the commission was never told of ${count} cases waiting`);
    };
    const nominate = async (party: string, n: number) => {
      const filed = await api(partyCaller(party), 'POST', `/elections/${E}/cases`, aPartyFiling(party, n));
      const id = z.object({ caseId: z.string() }).parse(filed.body).caseId;
      const confirmed = await api(
        partyCaller(party),
        'POST',
        `/elections/${E}/cases/${id}/party-confirmation`,
        {
          decision: 'confirm',
        },
      );
      expect(confirmed.status).toBe(200);
    };
    await nominate('auyl', 2);
    const { notices } = (await waitingForCommission(1)).inbox;
    // As the desk marks: up to the newest notice, naming those of its instant that it showed.
    const upTo = notices[0]?.at ?? '';
    const seen = notices.filter((n) => n.at === upTo).map((n) => n.id);
    expect((await api(commission, 'POST', '/notices/read', { upTo, seen })).status).toBe(200);
    expect(InboxSchema.parse((await api(commission, 'GET', '/notices')).body).unread).toBe(0);

    await nominate('nur', 3);
    const second = await waitingForCommission(2);
    expect(second.waiting.filter((n) => n.unread)).toHaveLength(1);
    expect(second.inbox.unread).toBe(1);
    // Marked read in turn, with what it has now seen at that instant: nothing is left unread.
    const shown = second.inbox.notices.filter((n) => n.at === upTo).map((n) => n.id);
    expect((await api(commission, 'POST', '/notices/read', { upTo, seen: shown })).status).toBe(200);
    expect(InboxSchema.parse((await api(commission, 'GET', '/notices')).body).unread).toBe(0);
  });

  it('needs a token, and a district from a party; bad marks change nothing', async () => {
    expect((await api({ role: 'public' }, 'GET', '/notices?district=1952')).status).toBe(401);
    expect((await api(amanat, 'GET', '/notices')).status).toBe(400);
    const bad = await api(amanat, 'POST', '/notices/read', { upTo: 'tomorrow', extra: 1 });
    expect(bad.status).toBe(400);
    expect(InboxSchema.parse((await api(amanat, 'GET', '/notices?district=1952')).body).unread).toBe(0);
  });
});

/** What the engine published beyond the desk: its outbox, the local stand-in for the SNS topic. */
const OutboxLineSchema = z.object({
  noticeId: z.string(),
  message: z.string(),
  attributes: z.object({
    district: z.string(),
    code: z.string(),
    to: z.array(z.string()),
    kind: z.string(),
    caseId: z.string().optional(),
  }),
});
function outbox(): z.infer<typeof OutboxLineSchema>[] {
  let text = '';
  try {
    text = readFileSync(join(dataDir, 'notices.jsonl'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => OutboxLineSchema.parse(JSON.parse(line)));
}
const published = (noticeId: string) => outbox().filter((line) => line.noticeId === noticeId);

describe('notices beyond the desk (the outbox standing in for SNS)', () => {
  it('publishes the party’s notice once, to its district and role, without the candidate’s IIN or name', async () => {
    const waiting = `${caseId}:waiting:party-confirmation:0`;
    await expect.poll(() => published(waiting).length, { timeout: 15_000 }).toBe(1);
    expect(published(waiting)[0]?.attributes).toMatchObject({
      district: '1952',
      code: 'CASE_WAITING_FOR_YOU',
      to: ['party'],
    });
    const { candidate } = aPartyFiling('amanat', 1);
    const everything = JSON.stringify(outbox());
    for (const personal of [candidate.iin, candidate.fullName, candidate.birthDate]) {
      expect(everything).not.toContain(personal);
    }
  });

  it('warns once when the clock enters the deadline’s last 48 hours, unread in the inbox, and never again after a crash', async () => {
    // The party's confirmation is due at the close of nomination, 2026-02-17T13:00Z.
    const inWindow = '2026-02-15T14:00:00.000Z';
    expect((await api({ role: 'public' }, 'POST', '/admin/clock', { to: inWindow })).status).toBe(200);
    const near = outbox().filter((line) => line.attributes.code === 'DEADLINE_NEAR');
    expect(near.map((line) => line.attributes.to)).toEqual([['party']]);
    const inbox = InboxSchema.parse((await api(amanat, 'GET', '/notices?district=1952')).body);
    expect(inbox.notices.find((n) => n.code === 'DEADLINE_NEAR')).toMatchObject({ caseId, unread: true });

    await engine.kill('SIGKILL');
    engine = await startEngineProcess(dataDir);
    api = apiClient(engine.url, dataDir);
    expect(
      (await api({ role: 'public' }, 'POST', '/admin/clock', { to: '2026-02-16T14:00:00.000Z' })).status,
    ).toBe(200);
    // The restart's catch-up and the sweep at the move (which runs after it) found what went out marked; the
    // restart itself is new, and told to the operator once.
    const ids = outbox().map((line) => line.noticeId);
    expect(new Set(ids).size).toBe(ids.length);
    // This nominee's notices and the election's (the other nominees above have theirs).
    const ours = outbox().filter(
      (line) => line.attributes.caseId === caseId || line.attributes.kind === 'election',
    );
    expect(ours.map((line) => line.attributes.code)).toEqual([
      'CASE_WAITING_FOR_YOU',
      'DEADLINE_NEAR',
      'CALENDAR_RESTARTED',
    ]);
  });
});
