import { describe, expect, it } from 'vitest';
import { createHandler } from '../../functions/get-time.ts';
import { ManualClock } from '../../infra/local/manual-clock.ts';
import { TimeResponseSchema } from '../../shared/http/responses/time.ts';
import { systemClock } from '../../shared/ports/clock.ts';

describe('getTime: whether a client may count on from the engine’s instant by itself', () => {
  it('says a manual clock is manual: it stands where the operator left it', async () => {
    const answer = await createHandler({ clock: new ManualClock('2026-02-05T04:00:00.000Z') })();
    expect(TimeResponseSchema.parse(answer)).toEqual({ now: '2026-02-05T04:00:00.000Z', clock: 'manual' });
  });

  it('says the system clock (AWS, or the local engine without CLOCK=manual) is real', async () => {
    const before = Date.now();
    const answer = TimeResponseSchema.parse(await createHandler({ clock: systemClock })());
    expect(answer.clock).toBe('real');
    expect(Date.parse(answer.now)).toBeGreaterThanOrEqual(before);
  });
});
