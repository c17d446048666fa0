import type * as z from 'zod';
import type { TimeResponseSchema } from '../shared/http/responses/time.ts';
import type { Dependencies } from './support/dependencies.ts';

/**
 * getTime: public. The engine's current instant, so that a client counts down to deadlines from the clock the
 * engine judges them by (the manual clock locally), never from its own; and whether that clock runs on by itself.
 */
export function createHandler(deps: Pick<Dependencies, 'clock'>) {
  return async (): Promise<z.output<typeof TimeResponseSchema>> => ({
    now: deps.clock.now(),
    clock: deps.clock.manual === true ? 'manual' : 'real',
  });
}
