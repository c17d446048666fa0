import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimeResponseSchema } from '../../shared/http/responses/time.ts';
import { fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';

const anyone = { role: 'public' } as const;
let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, {
    CLOCK: 'manual',
    CLOCK_START: fixtureCalendar.nominationOpen,
  });
  api = apiClient(engine.url, dataDir);
});
afterAll(() => engine.kill('SIGTERM'));

describe('getTime: the engine’s clock, which a countdown starts from', () => {
  it('tells anyone, without a token, the manual clock’s instant, and follows it when an operator moves it', async () => {
    const first = await api(anyone, 'GET', '/time');
    expect(first.status).toBe(200);
    expect(TimeResponseSchema.parse(first.body)).toEqual({
      now: fixtureCalendar.nominationOpen,
      clock: 'manual',
    });

    // Standing still: the manual clock does not move with the wall clock.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await api(anyone, 'GET', '/time')).body).toEqual({
      now: fixtureCalendar.nominationOpen,
      clock: 'manual',
    });

    expect((await api(anyone, 'POST', '/admin/clock', { to: fixtureCalendar.nominationClose })).status).toBe(
      200,
    );
    expect((await api(anyone, 'GET', '/time')).body).toEqual({
      now: fixtureCalendar.nominationClose,
      clock: 'manual',
    });
  });

  it('answers a desk whose token has expired or is garbage: the time is public, the token is not read', async () => {
    const answer = await api(anyone, 'GET', '/time', undefined, { authorization: 'Bearer not-a-token' });
    expect(answer).toEqual({ status: 200, body: { now: fixtureCalendar.nominationClose, clock: 'manual' } });
  });

  it('takes nothing but GET: a POST to it is no route', async () => {
    const posted = await api(anyone, 'POST', '/time', { now: '2030-01-01T00:00:00.000Z' });
    expect(posted.status).toBe(404);
    expect((await api(anyone, 'GET', '/time')).body).toEqual({
      now: fixtureCalendar.nominationClose,
      clock: 'manual',
    });
  });
});
