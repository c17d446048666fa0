import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
    z.object({ id: z.string(), code: z.string(), unread: z.boolean(), caseId: z.string().nullable() }),
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
let api: ReturnType<typeof apiClient>;
let caseId: string;
const amanat = partyCaller('amanat');
const auyl = partyCaller('auyl');

beforeAll(async () => {
  const dataDir = newDataDir();
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

  it('needs a token, and a district from a party; bad marks change nothing', async () => {
    expect((await api({ role: 'public' }, 'GET', '/notices?district=1952')).status).toBe(401);
    expect((await api(amanat, 'GET', '/notices')).status).toBe(400);
    const bad = await api(amanat, 'POST', '/notices/read', { upTo: 'tomorrow', extra: 1 });
    expect(bad.status).toBe(400);
    expect(InboxSchema.parse((await api(amanat, 'GET', '/notices?district=1952')).body).unread).toBe(0);
  });
});
