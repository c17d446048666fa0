import * as z from 'zod';

/** What an ASL Catch hands on: the error's name and its message. */
export const CaughtFailureSchema = z.looseObject({ Error: z.string(), Cause: z.string().optional() });

/** A failure as recorded: the name and the start of the message, enough to act on, never a whole payload. */
export function describeFailure(failure: z.infer<typeof CaughtFailureSchema>, at: string) {
  return { error: failure.Error, cause: (failure.Cause ?? '').slice(0, 500), at };
}
