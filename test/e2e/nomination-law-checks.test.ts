import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { anAkimatFiling, aPartyFiling } from '../support/candidates.ts';
import { agreedMeeting, checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';

// Issue 12, items 1–3, 6, 7, 9 over HTTP: D = 2026-03-15 (kz-2023), units of district 1952 (Almaty region, UTC+5).
const unit = (kato: string) => ({ ...newElectionInput().unit, kato });
const idOf = (kato: string) => `${kato}-2026-03-15`;
const DEPOSIT = '195230100';
const MAJORITY = '195240100';
const PLAIN = '195250100';
const publicCaller: Caller = { role: 'public' };

const RuleSchema = z.strictObject({
  rule: z.string(),
  value: z.unknown(),
  source: z.enum(['configured', 'product-default']),
  basis: z.string().min(10),
});
const ElectionAnswerSchema = z.object({
  electionId: z.string(),
  rules: z.array(RuleSchema),
  callingCheck: z.object({ status: z.string() }).loose(),
  notices: z.array(z.object({ to: z.string(), code: z.string() }).loose()),
});
const CaseSchema = z.object({ caseId: z.string(), status: z.string() }).loose();

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  // The engine starts as a child process: on a loaded machine it takes longer than a hook's 10 s.
}, 30_000);
afterAll(() => engine.kill('SIGTERM'));

async function call(kato: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return api(
    commission,
    'POST',
    '/elections',
    { ...newElectionInput({ unit: unit(kato) }), ...extra },
    headers,
  );
}

async function file(caller: Caller, electionId: string, filing: unknown) {
  const response = await api(caller, 'POST', `/elections/${electionId}/cases`, filing);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return CaseSchema.parse(response.body).caseId;
}

async function readCase(electionId: string, caseId: string) {
  const response = await api(commission, 'GET', `/elections/${electionId}/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseSchema.parse(response.body);
}

/**
 * The case once its execution rests on the wait: the status is written first, then the wait's token, which moves
 * the version on. Read until three reads in a row agree.
 */
async function readCaseAtRest(electionId: string, caseId: string) {
  let last = JSON.stringify(await readCase(electionId, caseId));
  for (let agreed = 1, round = 0; agreed < 3 && round < 100; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = JSON.stringify(await readCase(electionId, caseId));
    agreed = next === last ? agreed + 1 : 1;
    last = next;
  }
  return CaseSchema.parse(JSON.parse(last));
}

describe('the rules report in one shape (item 9)', () => {
  it('answers createElection, its repeat, and getElection with the same list of rules, and no configuredRules', async () => {
    const headers = { 'idempotency-key': 'call-deposit-unit' };
    const rules = { electionDepositMinimumWages: 5 };
    const created = await call(DEPOSIT, { rules }, headers);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const repeated = await call(DEPOSIT, { rules }, headers);
    expect(repeated).toEqual(created);

    const read = await api(publicCaller, 'GET', `/elections/${idOf(DEPOSIT)}`);
    const [answer, later] = [ElectionAnswerSchema.parse(created.body), ElectionAnswerSchema.parse(read.body)];
    expect(answer.rules).toEqual(later.rules);
    for (const body of [created.body, read.body]) {
      expect(body).not.toHaveProperty('configuredRules');
      expect(body).not.toHaveProperty('wakeUp');
    }
    expect(answer.rules).toContainEqual(
      expect.objectContaining({ rule: 'electionDepositMinimumWages', value: 5, source: 'configured' }),
    );
    expect(answer.rules).toContainEqual(
      expect.objectContaining({
        rule: 'communityMeetingMajorityShare',
        value: 0.5,
        source: 'product-default',
      }),
    );
  });
});

describe('the extension against the akimat’s window (items 2, 3)', () => {
  it('refuses the 2021 regime’s 5-day extension naming the conflict, writes nothing, and takes 4', async () => {
    const kato = '195260100';
    const body = {
      ...newElectionInput({ unit: unit(kato), electionDay: '2026-03-15', regime: 'kz-2021' }),
      rules: { extensionDays: 5 },
    };
    const refused = await api(commission, 'POST', '/elections', body, { 'accept-language': 'ru' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        issues: [
          {
            field: 'rules.extensionDays',
            code: 'ADDITIONAL_CANDIDATE_WINDOW_TOO_SHORT',
            message: expect.stringContaining('не более 4 дней'),
          },
        ],
      },
    });
    expect((await api(publicCaller, 'GET', `/elections/${idOf(kato)}`)).status).toBe(404);

    const accepted = await api(commission, 'POST', '/elections', { ...body, rules: { extensionDays: 4 } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  });
});

describe('calling checks (item 7)', () => {
  it('calls a late election all the same, shows the check not met and warns the commission', async () => {
    const created = await call(MAJORITY, {
      incumbentTermEndsOn: '2026-03-10',
      rules: { communityMeetingMajorityShare: 2 / 3 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = ElectionAnswerSchema.parse(
      (await api(publicCaller, 'GET', `/elections/${idOf(MAJORITY)}`)).body,
    );
    expect(read.callingCheck).toMatchObject({
      status: 'not-met',
      ground: 'CLE 113-1 p.2',
      latestCallOn: '2026-01-29',
      warning: { ru: expect.stringContaining('29 января 2026 г.') },
    });
    expect(read.notices).toContainEqual(
      expect.objectContaining({ to: 'commission', code: 'ELECTION_CALLED_LATE' }),
    );
  });

  it('says unknown without the term’s end; refuses a malformed one and another district’s or role’s call', async () => {
    const plain = await call(PLAIN);
    expect(plain.status).toBe(201);
    expect(ElectionAnswerSchema.parse(plain.body).callingCheck).toMatchObject({
      status: 'unknown',
      warning: null,
    });

    const kato = '195270100';
    const malformed = await call(kato, { incumbentTermEndsOn: '2026-02-30' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      error: { issues: [expect.objectContaining({ field: 'incumbentTermEndsOn', code: 'DATE_INVALID' })] },
    });
    const asAkimat = await api(akimat, 'POST', '/elections', newElectionInput({ unit: unit(kato) }));
    expect(asAkimat.status).toBe(403);
    const otherDistrict: Caller = { role: 'commission', subject: 'tec-other', district: '1953' };
    expect(
      (await api(otherDistrict, 'POST', '/elections', newElectionInput({ unit: unit(kato) }))).status,
    ).toBe(403);
    expect((await api(publicCaller, 'GET', `/elections/${idOf(kato)}`)).status).toBe(404);
  });

  it('shows the special check’s 30 days from filing on the case, warned about while it is pending', async () => {
    const caseId = await file(partyCaller('amanat'), idOf(PLAIN), aPartyFiling('amanat', 31));
    const read = await readCase(idOf(PLAIN), caseId);
    expect(read.specialCheck).toEqual({
      ground: 'Civil Service Law 19 p.1',
      documentsReceivedOn: '2026-02-05',
      dueOn: '2026-03-07',
      warning: {
        kk: expect.stringContaining('2026 жылғы 22 ақпан'),
        ru: expect.stringContaining('7 марта 2026 г.'),
        en: expect.stringContaining('22 February 2026'),
      },
    });
  });
});

describe('the election deposit (item 6)', () => {
  let caseId = '';

  it('refuses registration without the deposit recorded, naming it, and changes nothing', async () => {
    caseId = await file(partyCaller('amanat'), idOf(DEPOSIT), aPartyFiling('amanat', 41));
    const confirmed = await api(
      partyCaller('amanat'),
      'POST',
      `/elections/${idOf(DEPOSIT)}/cases/${caseId}/party-confirmation`,
      { decision: 'confirm' },
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await waitForStatus(api, commission, idOf(DEPOSIT), caseId, 'AwaitingRegistrationDecision');
    const before = await readCaseAtRest(idOf(DEPOSIT), caseId);
    expect(before.findings).toMatchObject({
      eligibility: {
        findings: expect.arrayContaining([expect.objectContaining({ code: 'DEPOSIT_NOT_RECORDED' })]),
      },
    });

    const refused = await api(
      commission,
      'POST',
      `/elections/${idOf(DEPOSIT)}/cases/${caseId}/registration-decision`,
      { decision: 'register', checks: checksPassed },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'REGISTRATION_BLOCKED' } });
    expect(JSON.stringify(refused.body)).toContain('DEPOSIT_NOT_RECORDED');
    expect(await readCase(idOf(DEPOSIT), caseId)).toEqual(before);
  });

  it('refuses a malformed deposit record, and the party recording it', async () => {
    const path = `/elections/${idOf(DEPOSIT)}/cases/${caseId}/registration-decision`;
    const malformed = await api(commission, 'POST', path, {
      decision: 'register',
      checks: { ...checksPassed, deposit: { paidOn: 'yesterday', reference: '' } },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      error: {
        issues: expect.arrayContaining([
          expect.objectContaining({ field: 'checks.deposit.paidOn' }),
          expect.objectContaining({ field: 'checks.deposit.reference' }),
        ]),
      },
    });
    const byParty = await api(partyCaller('amanat'), 'POST', path, {
      decision: 'register',
      checks: { ...checksPassed, deposit: { paidOn: '2026-02-04', reference: 'PP-114' } },
    });
    expect(byParty.status).toBe(403);
    expect((await readCase(idOf(DEPOSIT), caseId)).status).toBe('AwaitingRegistrationDecision');
  });

  it('registers once the commission records the deposit; a second decision is a conflict', async () => {
    const path = `/elections/${idOf(DEPOSIT)}/cases/${caseId}/registration-decision`;
    const decision = {
      decision: 'register',
      checks: { ...checksPassed, deposit: { paidOn: '2026-02-04', reference: 'PP-114' } },
    };
    const registered = await api(commission, 'POST', path, decision);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body).toMatchObject({
      status: 'Registered',
      checks: { deposit: { paidOn: '2026-02-04', reference: 'PP-114' } },
    });
    expect((await api(commission, 'POST', path, decision)).status).toBe(409);
  });
});

describe('the meeting in the law’s order, and its majority as a rule (items 1, 3)', () => {
  it('refuses consent noticed before the planned close, and a 2/3 majority not reached; agrees otherwise', async () => {
    const moved = await api(publicCaller, 'POST', '/admin/clock', { to: fixtureCalendar.extendedClose });
    expect(moved.status).toBe(200);
    for (const kato of [PLAIN, MAJORITY]) {
      const read = await api(publicCaller, 'GET', `/elections/${idOf(kato)}`);
      expect(read.body).toMatchObject({ phase: 'AdditionalCandidateWindow' });
    }
    const consent = async (electionId: string, caseId: string, meeting: unknown) => {
      const answer = await api(
        akimat,
        'POST',
        `/elections/${electionId}/cases/${caseId}/community-consent`,
        meeting,
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    };

    const noticedEarly = await file(akimat, idOf(PLAIN), anAkimatFiling(51));
    expect(
      await consent(idOf(PLAIN), noticedEarly, { ...agreedMeeting, membersNotifiedOn: '2026-02-16' }),
    ).toMatchObject({
      status: 'ConsentRefused',
      decisions: {
        'community-consent': {
          details: {
            findings: [{ code: 'CONSENT_NOTICE_BEFORE_CLOSE', details: { closedOn: '2026-02-17' } }],
          },
        },
      },
    });

    const meeting = { ...agreedMeeting, members: 30, attendance: 24, votesAgainst: 8, abstained: 0 };
    const short = await file(akimat, idOf(MAJORITY), anAkimatFiling(52));
    expect(await consent(idOf(MAJORITY), short, { ...meeting, votesFor: 16 })).toMatchObject({
      status: 'ConsentRefused',
      decisions: {
        'community-consent': {
          details: {
            findings: [
              {
                code: 'CONSENT_MAJORITY_NOT_REACHED',
                details: { votesFor: 16, attendance: 24, required: 17 },
              },
            ],
          },
        },
      },
    });
    const agreed = await file(akimat, idOf(MAJORITY), anAkimatFiling(53));
    await consent(idOf(MAJORITY), agreed, { ...meeting, votesFor: 17, votesAgainst: 7 });
    await waitForStatus(api, commission, idOf(MAJORITY), agreed, 'AwaitingRegistrationDecision');
  });

  it('refuses a consent at the very instant the window closes: the case has lapsed', async () => {
    const waiting = await file(akimat, idOf(PLAIN), anAkimatFiling(54));
    await api(publicCaller, 'POST', '/admin/clock', { to: fixtureCalendar.registrationClose });
    const late = await api(
      akimat,
      'POST',
      `/elections/${idOf(PLAIN)}/cases/${waiting}/community-consent`,
      agreedMeeting,
    );
    expect(late.status).toBe(409);
    expect((await readCase(idOf(PLAIN), waiting)).status).toBe('Lapsed');
  });
});
