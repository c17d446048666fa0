// What a case shows over HTTP (issue 12): the cancellation and reinstatement deadlines where they apply, and each
// eligibility finding in words (kk/ru/en) with its legal ground, against the engine as `npm start` runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';
import { messageProblems } from '../support/message-language.ts';

const E = '195230100-2026-03-15';
/** D = 15 March 2026 in Almaty (UTC+5): cancellation until D−6 18:00, reinstatement until D−1 18:00. */
const CANCELLATION_CLOSES = '2026-03-09T13:00:00.000Z';
const REINSTATEMENT_CLOSES = '2026-03-14T13:00:00.000Z';
const Text = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
const CaseViewSchema = z.object({
  caseId: z.string(),
  status: z.string(),
  version: z.int(),
  deadlines: z.record(z.string(), z.string()),
  findings: z.looseObject({
    eligibility: z
      .object({
        outcome: z.string(),
        findings: z.array(
          z.object({ code: z.string(), ground: z.string(), message: Text.nullable() }).loose(),
        ),
      })
      .optional(),
  }),
});

const filings = { kept: aPartyFiling('amanat', 1), refused: aPartyFiling('nur', 2) };
const ids = { kept: '', refused: '' };
let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

const path = (caseId: string, action = '') => `/elections/${E}/cases/${caseId}${action}`;
const viewOf = async (caseId: string, caller: Caller = commission, headers: Record<string, string> = {}) =>
  CaseViewSchema.parse((await api(caller, 'GET', path(caseId), undefined, headers)).body);

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  for (const name of ['kept', 'refused'] as const) {
    const filing = filings[name];
    const party = partyCaller(filing.route === 'party' ? filing.party.partyId : '');
    ids[name] = z
      .object({ caseId: z.string() })
      .parse((await api(party, 'POST', `/elections/${E}/cases`, filing)).body).caseId;
    await api(party, 'POST', path(ids[name], '/party-confirmation'), { decision: 'confirm' });
    await waitForStatus(api, commission, E, ids[name], 'AwaitingRegistrationDecision');
  }
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

describe('eligibility findings in words', () => {
  it('shows them to no one outside the case, in words or in codes', async () => {
    const outsiders: [Caller, number][] = [
      [{ role: 'public' }, 401],
      [partyCaller('nur'), 403],
      [candidateCaller('061211600012'), 403],
      [{ role: 'commission', subject: 'tec-2', district: '2710' }, 403],
    ];
    for (const [caller, status] of outsiders) {
      const response = await api(caller, 'GET', path(ids.kept));
      expect(response.status, caller.role).toBe(status);
      expect(JSON.stringify(response.body)).not.toMatch(/SPECIAL_CHECK_PENDING|арнаулы|специальн/i);
    }
  });

  it('gives each pending finding its message in kk, ru and en with its legal ground, whatever the caller’s language', async () => {
    for (const headers of [{}, { 'accept-language': 'ru' }] as Record<string, string>[]) {
      const view = await viewOf(ids.kept, commission, headers);
      const findings = view.findings.eligibility?.findings ?? [];
      expect(findings.map((f) => f.code)).toEqual(['SPECIAL_CHECK_PENDING', 'DECLARATIONS_PENDING']);
      for (const finding of findings) {
        expect(finding.message, finding.code).not.toBeNull();
        expect(messageProblems(finding.message ?? { kk: '', ru: '', en: '' }), finding.code).toEqual([]);
      }
      expect(findings[0]?.message?.ru).toContain(
        'пункт 1 статьи 19 Закона «О государственной службе Республики Казахстан»',
      );
    }
    // The party and the akimat, who see the case without personal data, read the same words.
    for (const caller of [partyCaller('amanat'), akimat]) {
      const findings = (await viewOf(ids.kept, caller)).findings.eligibility?.findings ?? [];
      expect(findings.every((f) => f.message !== null)).toBe(true);
    }
  });
});

describe('cancellation and reinstatement deadlines where they apply', () => {
  it('shows neither while the case awaits its registration decision', async () => {
    const view = await viewOf(ids.kept);
    expect(view.deadlines).not.toHaveProperty('cancellation');
    expect(view.deadlines).not.toHaveProperty('reinstatement');
  });

  it('shows a registered case its cancellation deadline, and a refused one its reinstatement deadline', async () => {
    await api(commission, 'POST', path(ids.kept, '/registration-decision'), {
      decision: 'register',
      checks: checksPassed,
    });
    await api(commission, 'POST', path(ids.refused, '/registration-decision'), {
      decision: 'refuse',
      grounds: ['false-information'],
      reasons: 'The declaration omitted a flat.',
    });
    const kept = await viewOf(ids.kept);
    expect(kept.status).toBe('Registered');
    expect(kept.deadlines).toMatchObject({
      cancellation: CANCELLATION_CLOSES,
      'registration-decision': fixtureCalendar.registrationClose,
    });
    expect(kept.deadlines).not.toHaveProperty('reinstatement');
    // The registration cleared every finding: nothing left to say.
    expect(kept.findings.eligibility?.findings).toEqual([]);
    const refused = await viewOf(ids.refused);
    expect(refused.status).toBe('Refused');
    expect(refused.deadlines).toMatchObject({ reinstatement: REINSTATEMENT_CLOSES });
    expect(refused.deadlines).not.toHaveProperty('cancellation');
  });

  it('moves the deadline with the case: a cancellation shows reinstatement, a reinstatement shows cancellation', async () => {
    // A retried cancellation is one cancellation: the second is a conflict and the deadlines stay.
    const cancellation = { grounds: ['false-information'], reasons: 'The declaration omitted a flat.' };
    expect(
      (await api(commission, 'POST', path(ids.kept, '/registration-cancellation'), cancellation)).status,
    ).toBe(200);
    expect(
      (await api(commission, 'POST', path(ids.kept, '/registration-cancellation'), cancellation)).status,
    ).toBe(409);
    const cancelled = await viewOf(ids.kept);
    expect(cancelled.status).toBe('RegistrationCancelled');
    expect(cancelled.deadlines).toMatchObject({ reinstatement: REINSTATEMENT_CLOSES });
    expect(cancelled.deadlines).not.toHaveProperty('cancellation');

    const ruling = { body: 'court', bodyName: 'Abai regional court', date: '2026-02-05', number: '2-7/2026' };
    const reinstated = await api(commission, 'POST', path(ids.kept, '/reinstatement'), {
      decision: ruling,
      to: 'registered',
    });
    expect(reinstated.status, JSON.stringify(reinstated.body)).toBe(200);
    const registered = await viewOf(ids.kept);
    expect(registered.status).toBe('Registered');
    expect(registered.deadlines).toMatchObject({ cancellation: CANCELLATION_CLOSES });
    expect(registered.deadlines).not.toHaveProperty('reinstatement');
  });
});
