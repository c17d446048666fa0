import { z } from 'zod';
import { InstantResponseSchema } from './instant.ts';

/** getTime's answer: the engine's current instant, which every deadline is judged against. */
export const TimeResponseSchema = z.strictObject({
  now: InstantResponseSchema.describe(
    'The engine’s clock: on AWS the system time, locally the manual clock when CLOCK=manual',
  ),
});
