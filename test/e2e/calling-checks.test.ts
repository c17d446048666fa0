// CLE 113-1's calling checks over HTTP (issue 12, item 7): besides the 40 days, the vote at least 10 days before
// the incumbent's term ends, and the call within one month of powers ended early. Each shown on the election and
// noticed to the commission, never refusing the call; against the engine as `npm start` runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { messageProblems } from '../support/message-language.ts';

// D = 2026-03-15, called 2026-02-04, units of district 1952 (Almaty region, UTC+5).
const unit = (kato: string) => ({ ...newElectionInput().unit, kato });
const idOf = (kato: string) => `${kato}-2026-03-15`;
const publicCaller: Caller = { role: 'public' };
const Text = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
const CheckSchema = z.looseObject({
  check: z.string(),
  ground: z.string(),
  status: z.string(),
  warning: Text.nullable(),
});
const ElectionSchema = z.looseObject({
  electionId: z.string(),
  version: z.int(),
  incumbentPowersEndedOn: z.string().nullable(),
  callingChecks: z.array(CheckSchema),
  notices: z.array(z.looseObject({ to: z.string(), code: z.string(), message: Text.nullable() })),
});
const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
}, 30_000);
afterAll(() => engine.kill('SIGTERM'));

const call = (kato: string, extra: Record<string, unknown>, caller: Caller = commission, headers = {}) =>
  api(caller, 'POST', '/elections', { ...newElectionInput({ unit: unit(kato) }), ...extra }, headers);
const read = async (kato: string) =>
  ElectionSchema.parse((await api(publicCaller, 'GET', `/elections/${idOf(kato)}`)).body);
const statuses = (election: z.infer<typeof ElectionSchema>) =>
  Object.fromEntries(election.callingChecks.map((c) => [c.check, c.status]));

describe('calling checks beyond the 40 days (CLE 113-1 p.2–3)', () => {
  it('refuses a malformed early end in the caller’s language and calls nothing', async () => {
    const kato = '195260100';
    const malformed = await call(kato, { incumbentPowersEndedOn: '2026-02-30' }, commission, {
      'accept-language': 'ru',
    });
    expect(malformed.status).toBe(400);
    const { error } = ErrorSchema.parse(malformed.body);
    expect(error.issues).toEqual([
      expect.objectContaining({ field: 'incumbentPowersEndedOn', code: 'DATE_INVALID' }),
    ]);
    expect(error.issues?.[0]?.message).toMatch(/[А-я]/);
    const wrongType = await call(kato, { incumbentPowersEndedOn: 20260110 });
    expect(wrongType.status).toBe(400);
    expect((await api(publicCaller, 'GET', `/elections/${idOf(kato)}`)).status).toBe(404);
  });

  it('refuses the call to an akimat and to another district’s commission, whatever the dates say', async () => {
    const kato = '195260100';
    const late = { incumbentPowersEndedOn: '2025-12-01' };
    expect((await call(kato, late, akimat)).status).toBe(403);
    expect((await call(kato, late, { role: 'commission', subject: 'tec-2', district: '2710' })).status).toBe(
      403,
    );
    expect((await api(publicCaller, 'GET', `/elections/${idOf(kato)}`)).status).toBe(404);
  });

  it('calls a late election after powers ended early all the same, shows it and tells the commission once', async () => {
    const kato = '195270100';
    const body = { incumbentPowersEndedOn: '2025-12-20', incumbentTermEndsOn: '2026-03-10' };
    const created = await call(kato, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const election = await read(kato);
    expect(election.incumbentPowersEndedOn).toBe('2025-12-20');
    // The term no longer runs to its end: its two checks are set aside, the early end's applies.
    expect(statuses(election)).toEqual({
      'called-before-term-ends': 'not-applicable',
      'vote-before-term-ends': 'not-applicable',
      'called-after-early-end': 'not-met',
    });
    const early = election.callingChecks.find((c) => c.check === 'called-after-early-end');
    expect(early).toMatchObject({ ground: 'CLE 113-1 p.3', latestCallOn: '2026-01-20' });
    expect(early?.warning?.ru).toContain('не позднее 20 января 2026 г.');
    expect(election.notices).toEqual([
      expect.objectContaining({ to: 'commission', code: 'ELECTION_CALLED_LATE_AFTER_EARLY_END' }),
    ]);
    const message = election.notices[0]?.message;
    expect(message).not.toBeNull();
    expect(messageProblems(message ?? { kk: '', ru: '', en: '' })).toEqual([]);
    // The same call again is the same election: refused as a repeat, no second notice.
    const again = await call(kato, body);
    expect(again.status).toBe(409);
    expect(ErrorSchema.parse(again.body).error.code).toBe('ELECTION_ALREADY_CALLED');
    expect((await read(kato)).notices).toHaveLength(1);
  });

  it('warns of a vote less than 10 days before the term ends, though the call itself was in time', async () => {
    const kato = '195280100';
    // The term ends on 20 March: called 44 days before (in time), voting 5 days before (late).
    const created = await call(kato, { incumbentTermEndsOn: '2026-03-20' });
    expect(created.status).toBe(201);
    const election = await read(kato);
    expect(statuses(election)).toEqual({
      'called-before-term-ends': 'met',
      'vote-before-term-ends': 'not-met',
      'called-after-early-end': 'unknown',
    });
    const voting = election.callingChecks.find((c) => c.check === 'vote-before-term-ends');
    expect(voting).toMatchObject({ ground: 'CLE 113-1 p.2', latestElectionDay: '2026-03-10' });
    expect(election.notices.map((n) => n.code)).toEqual(['ELECTION_DAY_TOO_CLOSE_TO_TERM_END']);
    expect(election.notices[0]?.message?.kk).toContain('2026 жылғы 10 наурызда');
  });

  it('tells nothing when every date is in time, or none is given', async () => {
    const inTime = await call('195290100', { incumbentTermEndsOn: '2026-03-31' });
    expect(inTime.status).toBe(201);
    const plain = await call('195230100', {});
    expect(plain.status).toBe(201);
    for (const kato of ['195290100', '195230100']) {
      const election = await read(kato);
      expect(election.notices).toEqual([]);
      expect(election.callingChecks.every((c) => c.warning === null)).toBe(true);
    }
    expect(statuses(await read('195230100'))).toEqual({
      'called-before-term-ends': 'unknown',
      'vote-before-term-ends': 'unknown',
      'called-after-early-end': 'unknown',
    });
  });
});
