import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { aPartyFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';

// Election day 15 March 2026 (UTC+5): registration closes 22 February, cancellations 9 March (D−6) and
// reinstatements 14 March (D−1), each at 18:00 local.
const E = '195230100-2026-03-15';
const reinstatementsClose = '2026-03-14T13:00:00.000Z';
const ListSchema = z.object({
  final: z.boolean(),
  candidates: z.array(z.object({ caseId: z.string() })),
  refusedOrCancelled: z.array(z.object({ caseId: z.string() })),
});
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const cancellation = { grounds: ['false-information'], reasons: 'The declaration of assets omitted a flat.' };
const ruling = (n: number) => ({
  body: 'court',
  bodyName: 'Abai regional court',
  date: '2026-02-22',
  number: `2-${n}/2026`,
});

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;
const ids = { kept: '', cycled: '' };
const path = (caseId: string, action: string) => `/elections/${E}/cases/${caseId}${action}`;
const list = async () =>
  ListSchema.parse((await api({ role: 'public' }, 'GET', `/elections/${E}/candidates`)).body);
const moveClock = async (to: string) =>
  expect((await api({ role: 'public' }, 'POST', '/admin/clock', { to })).status).toBe(200);

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  for (const [name, partyId, n] of [
    ['kept', 'amanat', 1],
    ['cycled', 'auyl', 2],
  ] as const) {
    const party = partyCaller(partyId);
    const filed = await api(party, 'POST', `/elections/${E}/cases`, aPartyFiling(partyId, n));
    ids[name] = z.object({ caseId: z.string() }).parse(filed.body).caseId;
    await api(party, 'POST', path(ids[name], '/party-confirmation'), { decision: 'confirm' });
    await waitForStatus(api, commission, E, ids[name], 'AwaitingRegistrationDecision');
    const decided = await api(commission, 'POST', path(ids[name], '/registration-decision'), {
      decision: 'register',
      checks: checksPassed,
    });
    expect(decided.status).toBe(200);
  }
  await moveClock(fixtureCalendar.registrationClose);
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

describe('the published list after registration close, over HTTP', () => {
  it('is published at the close but not final: a cancellation still takes a candidate off it', async () => {
    const published = await list();
    expect(published.final).toBe(false);
    expect(published.candidates.map((c) => c.caseId).sort()).toEqual([ids.kept, ids.cycled].sort());

    const route = path(ids.cycled, '/registration-cancellation');
    expect((await api(commission, 'POST', route, cancellation)).status).toBe(200);
    const retried = await api(commission, 'POST', route, cancellation);
    expect(retried.status).toBe(409);
    expect(ErrorSchema.parse(retried.body).error.code).toBe('STEP_ALREADY_DECIDED');
    const after = await list();
    expect(after.candidates.map((c) => c.caseId)).toEqual([ids.kept]);
    expect(after.refusedOrCancelled.map((c) => c.caseId)).toEqual([ids.cycled]);
  });

  it('refuses a court decision recorded before, even after 21 cancellations and reinstatements', async () => {
    for (let n = 1; n <= 21; n += 1) {
      const reinstated = await api(commission, 'POST', path(ids.cycled, '/reinstatement'), {
        decision: ruling(n),
        to: 'registered',
      });
      expect(reinstated.status, JSON.stringify(reinstated.body)).toBe(200);
      const cancelled = await api(
        commission,
        'POST',
        path(ids.cycled, '/registration-cancellation'),
        cancellation,
      );
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    }
    const repeat = await api(
      commission,
      'POST',
      path(ids.cycled, '/reinstatement'),
      { decision: ruling(1), to: 'registered' },
      { 'accept-language': 'kk' },
    );
    expect(repeat.status).toBe(409);
    const { error } = ErrorSchema.parse(repeat.body);
    expect(error.code).toBe('REINSTATEMENT_ALREADY_RECORDED');
    expect(error.message).toMatch(/^Бұл шешім осы іс бойынша 2026 жылғы 22 ақпанда/);
    expect((await list()).candidates.map((c) => c.caseId)).toEqual([ids.kept]);
  }, 60_000);

  it('is final from D−1 18:00, when no cancellation or court’s registration can change it any more', async () => {
    await moveClock(new Date(Date.parse(reinstatementsClose) - 60_000).toISOString());
    expect((await list()).final).toBe(false);
    await moveClock(reinstatementsClose);
    const final = await list();
    expect(final.final).toBe(true);
    expect(final.candidates.map((c) => c.caseId)).toEqual([ids.kept]);
    const late = await api(commission, 'POST', path(ids.cycled, '/reinstatement'), {
      decision: ruling(99),
      to: 'registered',
    });
    expect(late.status).not.toBe(200);
    expect((await list()).candidates.map((c) => c.caseId)).toEqual([ids.kept]);
  });
});
