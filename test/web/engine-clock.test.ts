import createClient from 'openapi-fetch';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { paths } from '../../web/src/api/schema.d.ts';
import { readEngineClock } from '../../web/src/lib/engine-clock.ts';

/** The desk's client over an engine that answers GET /time with `answer`. */
function clientAnswering(answer: unknown, status = 200) {
  return createClient<paths>({
    baseUrl: 'http://engine.test',
    fetch: async () =>
      new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } }),
  });
}

const AT = '2026-02-05T04:00:00.000Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the engine’s clock as the desk reads it', () => {
  it('runs a real clock on by the time the browser waits, from the engine’s instant, not the browser’s date', async () => {
    vi.setSystemTime(new Date('2031-01-01T00:00:00.000Z'));
    const clock = await readEngineClock(clientAnswering({ now: AT, clock: 'real' }));
    expect(clock?.manual).toBe(false);
    const first = clock?.now() ?? Number.NaN;
    expect(Math.abs(first - Date.parse(AT))).toBeLessThan(1000);
    vi.advanceTimersByTime(90_000);
    expect((clock?.now() ?? Number.NaN) - first).toBe(90_000);
  });

  it('keeps a manual clock where the engine says it stands, however long the browser waits', async () => {
    const clock = await readEngineClock(clientAnswering({ now: AT, clock: 'manual' }));
    expect(clock?.manual).toBe(true);
    vi.advanceTimersByTime(600_000);
    expect(clock?.now()).toBe(Date.parse(AT));
  });

  it('gives no clock at all when the engine’s time cannot be read, rather than the browser’s', async () => {
    expect(await readEngineClock(clientAnswering({ message: 'Internal Server Error' }, 500))).toBeNull();
  });
});
