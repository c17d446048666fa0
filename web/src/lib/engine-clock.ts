import type { DeskClient } from '../api/client.ts';

/**
 * The engine's time, read once from the API (`getTime`) and carried forward by the browser's monotonic clock:
 * a countdown never trusts the browser's wall clock, which may be wrong or, locally, far from a manual clock.
 */
export interface EngineClock {
  now(): number;
}

export async function readEngineClock(client: DeskClient): Promise<EngineClock | null> {
  try {
    const askedAt = performance.now();
    const { data } = await client.GET('/time');
    if (data === undefined) return null;
    // The answer was made somewhere within the round trip: its middle is the best guess.
    const answeredAt = (askedAt + performance.now()) / 2;
    const engineMs = Date.parse(data.now);
    return { now: () => engineMs + (performance.now() - answeredAt) };
  } catch {
    return null;
  }
}
