import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { newElectionInput } from '../support/elections.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

// D = 2024-03-24 in the 2023+ regime: nomination closes before 1 March 2024 (UTC+6 east), registration after (UTC+5).
const almatyRegionTec: Caller = { role: 'commission', subject: 'tec-1', district: '1952' };
const atyrauRegionTec: Caller = { role: 'commission', subject: 'tec-2', district: '2310' };
const call = (kato: string) =>
  newElectionInput({
    unit: { ...newElectionInput().unit, kato },
    electionDay: '2024-03-24',
    calledOn: '2024-02-14',
  });
const ALMATY_REGION = '195230100-2024-03-24';
const ATYRAU_REGION = '231010100-2024-03-24';

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: '2024-02-14T04:00:00Z' });
  api = apiClient(engine.url, dataDir);
});
afterAll(() => engine.kill('SIGTERM'));

const ElectionReadSchema = z.object({
  phase: z.string(),
  nominationsAtClose: z.int().nullable(),
  calendar: z.record(z.string(), z.string()),
  rules: z.array(z.object({ rule: z.string(), value: z.unknown(), source: z.string(), basis: z.string() })),
});

async function election(electionId: string) {
  const response = await api({ role: 'public' }, 'GET', `/elections/${electionId}`);
  expect(response.status).toBe(200);
  return ElectionReadSchema.parse(response.body);
}

describe('local time over HTTP: each deadline in the offset of its date and region', () => {
  it('calls an election spanning 1 March 2024 and reads back its instants and its zone', async () => {
    const created = await api(almatyRegionTec, 'POST', '/elections', call('195230100'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const read = await election(ALMATY_REGION);
    expect(read.calendar).toEqual({
      nominationOpensAt: '2024-02-14T18:00:00.000Z',
      nominationClosesAt: '2024-02-27T12:00:00.000Z',
      extendedNominationClosesAt: '2024-03-01T13:00:00.000Z',
      registrationClosesAt: '2024-03-03T13:00:00.000Z',
      additionalCandidateClosesAt: '2024-03-03T13:00:00.000Z',
      withdrawalClosesAt: '2024-03-23T13:00:00.000Z',
      electionDayStartsAt: '2024-03-23T19:00:00.000Z',
    });
    expect(read.rules).toEqual(
      expect.arrayContaining([
        {
          rule: 'timeZone',
          value: 'Asia/Almaty',
          source: 'product-default',
          basis: expect.stringContaining('KATO region 19 (Almaty region)'),
        },
        expect.objectContaining({ rule: 'utcOffsetMinutes', value: null, source: 'product-default' }),
      ]),
    );
  });

  it('closes the same election an hour later in UTC in Atyrau, which kept UTC+5 before 2024', async () => {
    const created = await api(atyrauRegionTec, 'POST', '/elections', call('231010100'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await election(ATYRAU_REGION);
    expect(read.calendar).toMatchObject({
      nominationClosesAt: '2024-02-27T13:00:00.000Z',
      registrationClosesAt: '2024-03-03T13:00:00.000Z',
    });
    expect(read.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'timeZone', value: 'Asia/Atyrau', source: 'product-default' }),
      ]),
    );
  });

  it('reports a zone the commission sets itself as configured', async () => {
    const body = { ...call('195230200'), rules: { timeZone: 'Asia/Qostanay' } };
    const created = await api(almatyRegionTec, 'POST', '/elections', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const read = await election('195230200-2024-03-24');
    expect(read.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'timeZone', value: 'Asia/Qostanay', source: 'configured' }),
      ]),
    );
  });

  it('refuses a unit whose KATO code names no region, saying so', async () => {
    const tec: Caller = { role: 'commission', subject: 'tec-3', district: '2810' };
    const refused = await api(tec, 'POST', '/elections', call('281020100'), { 'accept-language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { issues: [expect.objectContaining({ field: 'unit.kato', code: 'KATO_REGION_UNKNOWN' })] },
    });
  });

  it('moves the election along at those instants, not an hour off', async () => {
    const moveTo = async (to: string) =>
      expect((await api({ role: 'public' }, 'POST', '/admin/clock', { to })).status).toBe(200);

    await moveTo('2024-02-27T11:59:59.000Z');
    expect(await election(ALMATY_REGION)).toMatchObject({ phase: 'Nomination' });
    await moveTo('2024-02-27T12:00:00.000Z');
    expect(await election(ALMATY_REGION)).toMatchObject({ phase: 'NominationExtended' });
    expect(await election(ATYRAU_REGION)).toMatchObject({ phase: 'Nomination' });

    // Three days on is 18:00 at UTC+5 now: 13:00 UTC, not 72 hours after the close at UTC+6.
    await moveTo('2024-03-01T12:30:00.000Z');
    expect(await election(ALMATY_REGION)).toMatchObject({ phase: 'NominationExtended' });
    await moveTo('2024-03-01T13:00:00.000Z');
    expect(await election(ALMATY_REGION)).toMatchObject({
      phase: 'AdditionalCandidateWindow',
      nominationsAtClose: 0,
    });
  });
});
