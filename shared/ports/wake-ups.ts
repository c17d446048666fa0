import type { Instant } from '../domain/local-date.ts';

/**
 * Ends a wait at an instant: the deadline of every `.waitForTaskToken` step. On AWS a one-time EventBridge
 * Scheduler schedule that calls SendTaskSuccess; locally a persisted item fired by the engine's clock.
 */
export interface WakeUps {
  wakeAt(at: Instant, taskToken: string, output: Record<string, unknown>): Promise<void>;
}
