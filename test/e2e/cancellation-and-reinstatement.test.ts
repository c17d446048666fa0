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

const E = '195230100-2026-03-15';
const CaseSchema = z.object({ caseId: z.string(), version: z.int(), status: z.string() });
const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});
const TimelineSchema = z.object({
  timeline: z.array(
    z.object({
      event: z.string(),
      to: z.string(),
      actor: z.object({ role: z.string(), id: z.string() }),
      note: z.unknown().optional(),
    }),
  ),
});
const ListSchema = z.object({
  candidates: z.array(z.object({ caseId: z.string() })),
  refusedOrCancelled: z.array(
    z.object({
      caseId: z.string(),
      fullName: z.string(),
      decision: z.string(),
      grounds: z.array(
        z.object({
          category: z.string(),
          text: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
        }),
      ),
    }),
  ),
});

const filings = {
  kept: aPartyFiling('amanat', 1),
  cancelled: aPartyFiling('auyl', 2),
  refused: aPartyFiling('nur', 3),
};
const sensitiveReasons = 'Sentenced under article 190 of the Criminal Code, not expunged.';
const falseDeclaration = {
  grounds: ['false-information'],
  reasons: 'The declaration of assets omitted a flat.',
};
const ruling = { body: 'court', bodyName: 'Abai regional court', date: '2026-02-05', number: '2-114/2026' };

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;
const ids = { kept: '', cancelled: '', refused: '' };

const path = (caseId: string, action = '') => `/elections/${E}/cases/${caseId}${action}`;
const caseOf = async (caseId: string) => CaseSchema.parse((await api(commission, 'GET', path(caseId))).body);
const timelineOf = async (caseId: string) =>
  TimelineSchema.parse((await api(commission, 'GET', path(caseId, '/timeline'))).body).timeline;
const publicList = async () => (await api({ role: 'public' }, 'GET', `/elections/${E}/candidates`)).body;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  for (const [name, filing] of Object.entries(filings) as [keyof typeof ids, (typeof filings)['kept']][]) {
    const party = partyCaller(filing.route === 'party' ? filing.party.partyId : '');
    const filed = await api(party, 'POST', `/elections/${E}/cases`, filing);
    ids[name] = CaseSchema.parse(filed.body).caseId;
    await api(party, 'POST', path(ids[name], '/party-confirmation'), { decision: 'confirm' });
    await waitForStatus(api, commission, E, ids[name], 'AwaitingRegistrationDecision');
    const decision =
      name === 'refused'
        ? { decision: 'refuse', grounds: ['disqualified-cle-4-4'], reasons: sensitiveReasons }
        : { decision: 'register', checks: checksPassed };
    expect((await api(commission, 'POST', path(ids[name], '/registration-decision'), decision)).status).toBe(
      200,
    );
  }
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

describe('cancellation of registration over HTTP', () => {
  it('reports its deadlines and grounds in the election’s rules, as product defaults with their basis', async () => {
    const election = z
      .object({
        rules: z.array(
          z.object({ rule: z.string(), value: z.unknown(), source: z.string(), basis: z.string() }),
        ),
      })
      .parse((await api({ role: 'public' }, 'GET', `/elections/${E}`)).body);
    const byRule = new Map(election.rules.map((r) => [r.rule, r]));
    expect(byRule.get('cancellationClosesDaysBefore')).toMatchObject({ value: 5, source: 'product-default' });
    expect(byRule.get('reinstatementClosesDaysBefore')).toMatchObject({
      value: 0,
      source: 'product-default',
    });
    expect(byRule.get('cancellationGrounds')).toMatchObject({
      value: ['false-information', 'eligibility-lost', 'disqualified-cle-4-4', 'court-decision'],
      source: 'product-default',
    });
    expect(byRule.get('cancellationClosesDaysBefore')?.basis).toMatch(/D−6, 18:00/);
  });

  it('is refused to anyone but the district’s commission, and changes nothing', async () => {
    const before = await caseOf(ids.cancelled);
    const callers: [Caller, number][] = [
      [{ role: 'public' }, 401],
      [partyCaller('auyl'), 403],
      [candidateCaller(filings.cancelled.candidate.iin), 403],
      [akimat, 403],
      [{ role: 'commission', subject: 'tec-2', district: '2710' }, 403],
    ];
    for (const [caller, status] of callers) {
      const attempts: [string, unknown][] = [
        ['/registration-cancellation', falseDeclaration],
        ['/reinstatement', { decision: ruling, to: 'registered' }],
      ];
      for (const [action, body] of attempts) {
        const response = await api(caller, 'POST', path(ids.cancelled, action), body);
        expect(response.status, `${caller.role} ${action}`).toBe(status);
      }
    }
    expect(await caseOf(ids.cancelled)).toEqual(before);
  });

  it('refuses bad input with every problem, in the caller’s language, and changes nothing', async () => {
    const before = await caseOf(ids.cancelled);
    const broken = await api(
      commission,
      'POST',
      path(ids.cancelled, '/registration-cancellation'),
      { grounds: ['false-information', 5], reasons: 'Signer 850402300011 lied.', extra: true },
      { 'accept-language': 'ru' },
    );
    expect(broken.status).toBe(400);
    const issues = ErrorSchema.parse(broken.body).error.issues ?? [];
    expect(issues.map((i) => [i.field, i.code]).sort()).toEqual(
      [
        ['extra', 'UNKNOWN_FIELD'],
        ['grounds.1', expect.any(String)],
        ['reasons', 'TEXT_HOLDS_IIN'],
      ].sort(),
    );
    const unknownGround = await api(
      commission,
      'POST',
      path(ids.cancelled, '/registration-cancellation'),
      { grounds: ['false-information', 'disliked-by-the-akim'], reasons: 'x' },
      { 'accept-language': 'ru' },
    );
    expect(unknownGround.status).toBe(400);
    expect(ErrorSchema.parse(unknownGround.body).error.issues).toEqual([
      {
        field: 'grounds.1',
        code: 'CANCELLATION_GROUND_UNKNOWN',
        message: 'Этого основания нет в перечне оснований отмены регистрации на этих выборах.',
      },
    ]);
    expect(await caseOf(ids.cancelled)).toEqual(before);
  });

  it('cancels once for a retried request, records who and why, and a second cancellation is a conflict', async () => {
    const headers = { 'idempotency-key': 'cancel-auyl-1' };
    const route = path(ids.cancelled, '/registration-cancellation');
    const first = await api(commission, 'POST', route, falseDeclaration, headers);
    const again = await api(commission, 'POST', route, falseDeclaration, headers);
    expect(first.status).toBe(200);
    const cancelled = CaseSchema.parse(first.body);
    expect(cancelled.status).toBe('RegistrationCancelled');
    // The first answer again (without personal data, as every replay), from the same single write.
    expect(again.status).toBe(200);
    expect(CaseSchema.parse(again.body)).toEqual(cancelled);
    expect(JSON.stringify(again.body)).not.toMatch(/\d{12}/);

    const second = await api(commission, 'POST', route, falseDeclaration, {
      'idempotency-key': 'cancel-auyl-2',
    });
    expect(second.status).toBe(409);
    const cancellations = (await timelineOf(ids.cancelled)).filter(
      (e) => e.event === 'RegistrationCancelled',
    );
    expect(cancellations).toEqual(
      [
        {
          event: 'RegistrationCancelled',
          to: 'RegistrationCancelled',
          actor: { role: 'commission', id: expect.any(String) },
          note: falseDeclaration,
        },
      ].map((e) => expect.objectContaining(e)),
    );
  });

  it('publishes refusals and cancellations beside the registered list, by the category of their grounds only', async () => {
    const body = await publicList();
    const list = ListSchema.parse(body);
    expect(list.candidates.map((c) => c.caseId)).toEqual([ids.kept]);
    const byCase = new Map(list.refusedOrCancelled.map((d) => [d.caseId, d]));
    expect(byCase.get(ids.cancelled)).toMatchObject({
      fullName: 'Candidate Test',
      decision: 'registration-cancelled',
      grounds: [{ category: 'false-information' }],
    });
    const refused = byCase.get(ids.refused);
    expect(refused).toMatchObject({ decision: 'refused', grounds: [{ category: 'cle-4-4' }] });
    expect(refused?.grounds[0]?.text.kk).toContain('4-бабының 4-тармағының');
    expect(refused?.grounds[0]?.text.ru).toContain('пункта 4 статьи 4');
    const text = JSON.stringify(body);
    expect(text).not.toContain(sensitiveReasons);
    expect(text).not.toContain(falseDeclaration.reasons);
    expect(text).not.toMatch(/disqualified-cle-4-4|\d{12}|birthDate|1985-04-02/);
  });
});

describe('reinstatement over HTTP', () => {
  it('restores a cancelled registration once; the same decision again is a conflict', async () => {
    const route = path(ids.cancelled, '/reinstatement');
    const body = { decision: ruling, to: 'registered' };
    const first = await api(commission, 'POST', route, body, { 'idempotency-key': 'reinstate-1' });
    expect(first.status).toBe(200);
    const reinstated = CaseSchema.parse(first.body);
    expect(reinstated.status).toBe('Registered');
    const again = await api(commission, 'POST', route, body, { 'idempotency-key': 'reinstate-1' });
    expect(CaseSchema.parse(again.body)).toEqual(reinstated);

    const repeat = await api(commission, 'POST', route, body, { 'idempotency-key': 'reinstate-2' });
    expect(repeat.status).toBe(409);
    expect(ErrorSchema.parse(repeat.body).error.code).toBe('REINSTATEMENT_ALREADY_RECORDED');
    const inKazakh = await api(commission, 'POST', route, body);
    expect(ErrorSchema.parse(inKazakh.body).error.message).toMatch(
      /^Бұл шешім осы іс бойынша 2026 жылғы 5 ақпанда сағат/,
    );
    const reinstatements = (await timelineOf(ids.cancelled)).filter((e) => e.event === 'Reinstated');
    expect(reinstatements).toHaveLength(1);
    expect(reinstatements[0]?.note).toMatchObject({
      decision: ruling,
      overturned: 'cancellation',
      to: 'Registered',
    });
    expect(
      ListSchema.parse(await publicList())
        .candidates.map((c) => c.caseId)
        .sort(),
    ).toEqual([ids.kept, ids.cancelled].sort());
  });

  it('sends a refused case back to the commission, whose new decision the workflow takes', async () => {
    const route = path(ids.refused, '/reinstatement');
    const future = await api(commission, 'POST', route, {
      decision: { ...ruling, date: '2026-02-06' },
      to: 'registration-decision',
    });
    expect(future.status).toBe(400);
    expect(ErrorSchema.parse(future.body).error.issues?.[0]).toMatchObject({
      field: 'decision.date',
      code: 'DECISION_DATE_IN_FUTURE',
    });
    const back = await api(commission, 'POST', route, { decision: ruling, to: 'registration-decision' });
    expect(back.body).toMatchObject({ status: 'AwaitingRegistrationDecision' });
    const decided = await api(commission, 'POST', path(ids.refused, '/registration-decision'), {
      decision: 'register',
      checks: checksPassed,
    });
    expect(decided.body).toMatchObject({ status: 'Registered' });
    expect(ListSchema.parse(await publicList()).refusedOrCancelled).toEqual([]);
  });

  it('refuses a cancellation once its deadline has passed (D−6, 18:00 local), naming it', async () => {
    const moved = await api({ role: 'public' }, 'POST', '/admin/clock', { to: '2026-03-09T13:00:00.000Z' });
    expect(moved.status).toBe(200);
    const late = await api(
      commission,
      'POST',
      path(ids.kept, '/registration-cancellation'),
      falseDeclaration,
    );
    expect(late.status).toBe(409);
    expect(ErrorSchema.parse(late.body).error).toMatchObject({
      code: 'DEADLINE_PASSED',
      details: expect.objectContaining({ step: 'cancellation', deadline: '2026-03-09T13:00:00.000Z' }),
    });
    expect((await caseOf(ids.kept)).status).toBe('Registered');
  });
});
