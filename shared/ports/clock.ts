import type { Instant } from '../domain/local-date.ts';

/** Where "now" comes from: the system clock, or a manual one that an operator moves (local engine only). */
export interface Clock {
  now(): Instant;
  /**
   * True when time moves only when an operator moves it (the local engine's CLOCK=manual): a client counting down
   * from this clock must not run it on by its own.
   */
  readonly manual?: boolean;
}

export const systemClock: Clock = { now: () => new Date().toISOString(), manual: false };
