import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import type { Language, LocalizedText } from '../../shared/domain/language.ts';
import { aCandidate, aPartyFiling } from '../support/candidates.ts';
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
import { messageProblems } from '../support/message-language.ts';

/**
 * Issue 12, "Messages people can read": errors provoked over HTTP, each asked for in Kazakh, Russian and English.
 * Every message and every field issue must be whole in each language, and deadlines must be the election's local
 * time (the fixture is UTC+5: the law's 18:00 is 13:00 UTC).
 */
const E = '195230100-2026-03-15';
const party = partyCaller('amanat');
const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});
type ErrorBody = z.infer<typeof ErrorSchema>['error'];

/** Another unit of the same district, so that a refused call is refused for its own fault, not as a duplicate. */
const otherUnit = { ...newElectionInput().unit, kato: '195239900' };
const withRules = (rules: Record<string, unknown>) => ({ ...newElectionInput(), unit: otherUnit, rules });
const validIin = aCandidate({}, 5).iin;
const brokenIin = `${validIin.slice(0, 11)}${(Number(validIin[11]) + 1) % 10}`;

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;
let partyCase: string;

/** The same failing request in each language: the status, and the answers by language. */
async function inEachLanguage(caller: Caller, method: 'GET' | 'POST', path: string, body?: unknown) {
  const answers = {} as Record<Language, ErrorBody>;
  let status = 0;
  for (const language of ['kk', 'ru', 'en'] as const) {
    const answer = await api(caller, method, path, body, { 'accept-language': language });
    status = answer.status;
    answers[language] = ErrorSchema.parse(answer.body).error;
  }
  const message: LocalizedText = { kk: answers.kk.message, ru: answers.ru.message, en: answers.en.message };
  const issues = (answers.kk.issues ?? []).map((issue, i) => ({
    field: issue.field,
    code: issue.code,
    message: {
      kk: issue.message,
      ru: answers.ru.issues?.[i]?.message ?? '',
      en: answers.en.issues?.[i]?.message ?? '',
    },
  }));
  return { status, code: answers.en.code, details: answers.en.details, message, issues };
}

/** Every text of an answer is whole in its language. */
function expectReadable(answer: Awaited<ReturnType<typeof inEachLanguage>>) {
  expect(messageProblems(answer.message), JSON.stringify(answer.message)).toEqual([]);
  for (const issue of answer.issues) {
    expect(messageProblems(issue.message), `${issue.field}: ${JSON.stringify(issue.message)}`).toEqual([]);
  }
}

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
  // A party nominee who is not a citizen: nominated, confirmed, then blocked at registration (CLE 113-2).
  const filing = { ...aPartyFiling('amanat', 1), candidate: aCandidate({ citizen: false }, 1) };
  const filed = await api(party, 'POST', `/elections/${E}/cases`, filing);
  expect(filed.status).toBe(201);
  partyCase = z.object({ caseId: z.string() }).parse(filed.body).caseId;
  await api(party, 'POST', `/elections/${E}/cases/${partyCase}/party-confirmation`, { decision: 'confirm' });
  await waitForStatus(api, commission, E, partyCase, 'AwaitingRegistrationDecision');
}, 60_000);
afterAll(() => engine.kill('SIGTERM'));

describe('errors people read, in kk, ru and en', () => {
  it('reports "citizen": "yes" as a wrong kind of value, not as a missing field', async () => {
    const filing = { ...aPartyFiling('auyl', 2), candidate: { ...aCandidate({}, 2), citizen: 'yes' } };
    const answer = await inEachLanguage(partyCaller('auyl'), 'POST', `/elections/${E}/cases`, filing);
    expect(answer.status).toBe(400);
    expect(answer.issues.map((i) => [i.field, i.code])).toEqual([['candidate.citizen', 'INVALID_TYPE']]);
    expect(answer.issues[0]?.message.ru).toBe('Неверный тип значения; ожидается: «true» или «false».');
    expectReadable(answer);
  });

  it('names a route that does not exist by the values allowed, and an unknown field by its name, quoted', async () => {
    const filing = { ...aPartyFiling('auyl', 3), route: 'nobody', nickname: 'x' };
    const answer = await inEachLanguage(partyCaller('auyl'), 'POST', `/elections/${E}/cases`, filing);
    expect(answer.status).toBe(400);
    expect(answer.issues.map((i) => i.code)).toContain('INVALID_VALUE');
    expectReadable(answer);
  });

  it('says in words what was not found', async () => {
    const answer = await inEachLanguage(commission, 'GET', '/elections/195230100-2030-01-01');
    expect(answer.status).toBe(404);
    expect(answer.message.kk).toBe('Табылмады: сайлау.');
    expect(answer.message.ru).toBe('Не найдено: выборы.');
    expectReadable(answer);
  });

  it.each<[string, Caller, 'GET' | 'POST', () => string, () => unknown, number]>([
    [
      'TIME_ZONE_UNKNOWN',
      commission,
      'POST',
      () => '/elections',
      () => withRules({ timeZone: 'Mars/Olympus' }),
      400,
    ],
    [
      'CALENDAR_INCONSISTENT',
      commission,
      'POST',
      () => '/elections',
      () => ({ ...newElectionInput({ calledOn: '2026-03-01' }), unit: otherUnit }),
      400,
    ],
    [
      'IIN_CHECKSUM',
      party,
      'POST',
      () => `/elections/${E}/cases`,
      () => ({ ...aPartyFiling('amanat', 5), candidate: { ...aCandidate({}, 5), iin: brokenIin } }),
      400,
    ],
    [
      'REFUSAL_GROUND_UNKNOWN',
      commission,
      'POST',
      () => `/elections/${E}/cases/${partyCase}/registration-decision`,
      () => ({ decision: 'refuse', grounds: ['bad-looks'], reasons: 'Не гражданин.' }),
      400,
    ],
    [
      'REQUIRED',
      party,
      'POST',
      () => `/elections/${E}/cases/${partyCase}/party-confirmation`,
      () => ({}),
      400,
    ],
    ['ROUTE_NOT_FOUND', commission, 'GET', () => '/nowhere', () => undefined, 404],
    [
      'UNAUTHORIZED',
      { role: 'public' },
      'POST',
      () => `/elections/${E}/cases`,
      () => aPartyFiling('auyl', 6),
      401,
    ],
    [
      'FORBIDDEN',
      partyCaller('auyl'),
      'GET',
      () => `/elections/${E}/cases/${partyCase}`,
      () => undefined,
      403,
    ],
    [
      'NESTED_TOO_DEEP',
      commission,
      'POST',
      () => `/elections/${E}/cases/${partyCase}/registration-decision`,
      () => JSON.stringify(Array.from({ length: 40 }).reduce<unknown>((inner) => ({ inner }), {})),
      400,
    ],
  ])('reads %s whole in each language', async (code, caller, method, path, body, status) => {
    const answer = await inEachLanguage(caller, method, path(), body());
    expect(answer.status).toBe(status);
    expect([answer.code, ...answer.issues.map((i) => i.code)]).toContain(code);
    expectReadable(answer);
  });

  it('gives the findings that block registration as texts with their legal grounds, and changes nothing', async () => {
    const before = await api(commission, 'GET', `/elections/${E}/cases/${partyCase}`);
    const path = `/elections/${E}/cases/${partyCase}/registration-decision`;
    const answer = await inEachLanguage(commission, 'POST', path, {
      decision: 'register',
      checks: checksPassed,
    });
    expect(answer.status).toBe(422);
    expect(answer.code).toBe('REGISTRATION_BLOCKED');
    expect(answer.details).toEqual({
      findings: [{ code: 'NOT_A_CITIZEN', ground: 'CLE 113-2', details: {} }],
    });
    expect(answer.message.ru).toBe(
      'Территориальная избирательная комиссия не может зарегистрировать кандидата. 1) Кандидат не является ' +
        'гражданином Республики Казахстан (правовое основание: статья 113-2 Конституционного закона «О выборах ' +
        'в Республике Казахстан»).',
    );
    expect(answer.message.kk).toContain('Аумақтық сайлау комиссиясы');
    expectReadable(answer);
    const after = await api(commission, 'GET', `/elections/${E}/cases/${partyCase}`);
    expect(after.body).toEqual(before.body);
  });

  it('names the step and the state of the case in words when a party confirms twice', async () => {
    const path = `/elections/${E}/cases/${partyCase}/party-confirmation`;
    const answer = await inEachLanguage(party, 'POST', path, { decision: 'confirm' });
    expect(answer.status).toBe(409);
    expect(answer.message.ru).not.toMatch(/party-confirmation|AwaitingRegistrationDecision/);
    expectReadable(answer);
  });

  it('says when nomination closed in the election’s local time: 18:00, not 13:00 UTC', async () => {
    // One nominee: nomination is extended to 20 February, 18:00 local, then closes.
    expect(
      (await api(commission, 'POST', '/admin/clock', { to: fixtureCalendar.extendedClose })).status,
    ).toBe(200);
    const answer = await inEachLanguage(
      partyCaller('auyl'),
      'POST',
      `/elections/${E}/cases`,
      aPartyFiling('auyl', 4),
    );
    expect(answer.status).toBe(422);
    expect(answer.code).toBe('NOMINATION_CLOSED');
    expect(answer.message.kk).toBe(
      'Кандидаттарды ұсыну 2026 жылғы 20 ақпанда сағат 18:00-де (жергілікті уақыт) аяқталды.',
    );
    expect(answer.message.ru).toBe(
      'Выдвижение кандидатов завершилось 20 февраля 2026 г. в 18:00 по местному времени.',
    );
    expect(answer.details).toEqual({ closedAt: fixtureCalendar.extendedClose, timeZone: 'Asia/Almaty' });
    expectReadable(answer);
  });

  it('tells the commission and the akimat in words, with local times, what the calendar did', async () => {
    const NoticesSchema = z.object({
      notices: z.array(
        z.object({ code: z.string(), message: z.object({ kk: z.string(), ru: z.string(), en: z.string() }) }),
      ),
    });
    const { notices } = NoticesSchema.parse((await api(commission, 'GET', `/elections/${E}`)).body);
    expect(notices.map((n) => n.code)).toEqual(['NOMINATION_EXTENDED', 'ADDITIONAL_CANDIDATE_WINDOW_OPEN']);
    expect(notices[0]?.message.ru).toContain('продлён до 20 февраля 2026 г. в 18:00 по местному времени');
    for (const notice of notices) expect(messageProblems(notice.message), notice.code).toEqual([]);
  });

  it('names the step and its deadline apart when a withdrawal comes a minute too late', async () => {
    const withdrawalClosesAt = '2026-03-14T13:00:00.000Z'; // the day before election day, 18:00 local [D]
    expect((await api(commission, 'POST', '/admin/clock', { to: '2026-03-14T13:01:00.000Z' })).status).toBe(
      200,
    );
    const path = `/elections/${E}/cases/${partyCase}/withdrawal`;
    const answer = await inEachLanguage(party, 'POST', path, {});
    expect(answer.status).toBe(409);
    expect(answer.code).toBe('DEADLINE_PASSED');
    expect(answer.details).toEqual({
      step: 'withdrawal',
      deadline: withdrawalClosesAt,
      timeZone: 'Asia/Almaty',
    });
    expect(answer.message.ru).toBe(
      'Срок шага «снятие своей кандидатуры» истёк 14 марта 2026 г. в 18:00 по местному времени.',
    );
    expect(answer.message.kk).toContain('2026 жылғы 14 наурызда сағат 18:00-де (жергілікті уақыт)');
    expectReadable(answer);
  });
});
