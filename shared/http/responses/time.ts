import * as z from 'zod';
import { InstantResponseSchema } from './instant.ts';

/** getTime's answer: the engine's current instant, which every deadline is judged against, and how it moves. */
export const TimeResponseSchema = z.strictObject({
  now: InstantResponseSchema.describe(
    'The engine’s clock: on AWS the system time, locally the manual clock when CLOCK=manual',
  ),
  clock: z
    .enum(['real', 'manual'])
    .describe(
      '`real`: time runs on, and a client may count on from `now` by its own elapsed time. `manual` (locally, CLOCK=manual): time stands at `now` until an operator moves it, so a client counting down must stand still too and ask again.',
    ),
});
