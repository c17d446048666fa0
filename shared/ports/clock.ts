import type { Instant } from '../domain/local-date.ts';

/** Where "now" comes from: the system clock, or a manual one that an operator moves (local engine only). */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
