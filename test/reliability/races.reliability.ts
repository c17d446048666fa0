import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
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
import { rounds } from '../support/reliability.ts';

const E = '195230100-2026-03-15';
const CaseSchema = z.object({ caseId: z.string(), status: z.string() });
const ErrorSchema = z.object({ error: z.object({ code: z.string() }) });
const CasesSchema = z.object({
  cases: z.array(
    z.object({ caseId: z.string(), status: z.string(), candidate: z.object({ fullName: z.string() }) }),
  ),
});
const TimelineSchema = z.object({ timeline: z.array(z.object({ event: z.string(), to: z.string() })) });

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  await api(commission, 'POST', '/elections', newElectionInput());
});
afterAll(() => engine.kill('SIGTERM'));

const codeOf = (body: unknown) => ErrorSchema.safeParse(body).data?.error.code;

describe('races: exactly one outcome, the others clear conflicts', () => {
  it('files one case out of many parallel filings of the same candidate', async () => {
    const n = rounds(40, 15);
    const filing = aSelfFiling(1);
    const results = await Promise.all(
      Array.from({ length: n }, () => api(commission, 'POST', `/elections/${E}/cases`, filing)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(codeOf(r.body)).toBe('CANDIDATE_ALREADY_NOMINATED');
    }
  });

  it('lets one of many parallel nominees of one party through', async () => {
    const n = rounds(20, 8);
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        api(partyCaller('auyl'), 'POST', `/elections/${E}/cases`, aPartyFiling('auyl', 100 + i)),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => codeOf(r.body)))).toEqual(
      new Set(['PARTY_NOMINEE_EXISTS']),
    );
  });

  it('takes one of many conflicting decisions on a step', async () => {
    const { caseId } = CaseSchema.parse(
      (await api(partyCaller('amanat'), 'POST', `/elections/${E}/cases`, aPartyFiling('amanat', 2))).body,
    );
    const n = rounds(30, 10);
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        api(partyCaller('amanat'), 'POST', `/elections/${E}/cases/${caseId}/party-confirmation`, {
          decision: i % 2 ? 'confirm' : 'decline',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200))
      expect(codeOf(r.body)).toBe('STEP_ALREADY_DECIDED');
    const { timeline } = TimelineSchema.parse(
      (await api(commission, 'GET', `/elections/${E}/cases/${caseId}/timeline`)).body,
    );
    expect(timeline.filter((e) => e.event === 'PartyConfirmed' || e.event === 'PartyDeclined')).toHaveLength(
      1,
    );
  });

  it('settles decisions racing the registration deadline one way each: registered, or lapsed', async () => {
    const waiting: string[] = [];
    for (let i = 0; i < rounds(12, 5); i += 1) {
      const party = `race-${i}`;
      const { caseId } = CaseSchema.parse(
        (await api(partyCaller(party), 'POST', `/elections/${E}/cases`, aPartyFiling(party, 200 + i))).body,
      );
      await api(partyCaller(party), 'POST', `/elections/${E}/cases/${caseId}/party-confirmation`, {
        decision: 'confirm',
      });
      await waitForStatus(api, commission, E, caseId, 'AwaitingRegistrationDecision');
      waiting.push(caseId);
    }
    await api({ role: 'public' }, 'POST', '/admin/clock', { to: '2026-02-22T12:59:59.900Z' });
    const [decisions] = await Promise.all([
      Promise.all(
        waiting.map((caseId, i) =>
          new Promise((resolve) => setTimeout(resolve, i * 7)).then(() =>
            api(commission, 'POST', `/elections/${E}/cases/${caseId}/registration-decision`, {
              decision: 'register',
              checks: checksPassed,
            }),
          ),
        ),
      ),
      new Promise((resolve) => setTimeout(resolve, 15)).then(() =>
        api({ role: 'public' }, 'POST', '/admin/clock', { to: fixtureCalendar.registrationClose }),
      ),
    ]);
    const { cases } = CasesSchema.parse((await api(commission, 'GET', `/elections/${E}/cases`)).body);
    for (const [i, caseId] of waiting.entries()) {
      const decided = decisions[i]?.status === 200;
      const status = cases.find((c) => c.caseId === caseId)?.status;
      expect(status, `case ${i}: decision answered ${decisions[i]?.status}`).toBe(
        decided ? 'Registered' : 'Lapsed',
      );
      if (!decided) expect(['DEADLINE_PASSED', 'INVALID_TRANSITION']).toContain(codeOf(decisions[i]?.body));
      const { timeline } = TimelineSchema.parse(
        (await api(commission, 'GET', `/elections/${E}/cases/${caseId}/timeline`)).body,
      );
      expect(timeline.filter((e) => e.to === 'Registered' || e.to === 'Lapsed')).toHaveLength(1);
    }
  });
});
