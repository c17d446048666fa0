import type { DeskClient } from '../api/client.ts';

/**
 * The engine's time as last read from the API (`getTime`). A real clock is carried forward by the browser's
 * monotonic clock: a countdown never trusts the browser's wall clock, which may be wrong. A manual clock (the
 * local engine's CLOCK=manual) stands still until an operator moves it, so it is not carried forward at all.
 */
export interface EngineClock {
  now(): number;
  /** The engine's time stands still between readings: a countdown from it does not tick. */
  readonly manual: boolean;
}

/** How often the desk reads the engine's time again: a manual clock's move shows within it, a real one's drift is mended. */
export const ENGINE_CLOCK_REREAD_MS = 30_000;

export async function readEngineClock(client: DeskClient): Promise<EngineClock | null> {
  try {
    const askedAt = performance.now();
    const { data } = await client.GET('/time');
    if (data === undefined) return null;
    const engineMs = Date.parse(data.now);
    if (data.clock === 'manual') return { manual: true, now: () => engineMs };
    // The answer was made somewhere within the round trip: its middle is the best guess.
    const answeredAt = (askedAt + performance.now()) / 2;
    return { manual: false, now: () => engineMs + (performance.now() - answeredAt) };
  } catch {
    return null;
  }
}
