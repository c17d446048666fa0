import type * as z from 'zod';
import { ForbiddenError } from '../shared/domain/errors.ts';
import { isBefore } from '../shared/domain/local-date.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { MarkNoticesReadSchema, type ReadMarkResponseSchema } from '../shared/http/responses/notices.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/**
 * markNoticesRead: the caller has read its inbox up to an instant. Never past the engine's now, so that notices
 * still to come arrive unread; never backwards, so that a late or repeated request unreads nothing.
 */
export function createHandler(deps: Pick<Dependencies, 'inbox' | 'clock'>) {
  return async (request: OperationRequest): Promise<z.output<typeof ReadMarkResponseSchema>> => {
    const { caller } = request;
    if (caller.role === 'public') throw new ForbiddenError();
    const { upTo, seen } = parseOrThrow(MarkNoticesReadSchema, request.body);
    const now = deps.clock.now();
    // Past now nothing was seen: the mark stops at now, every notice of that instant read.
    if (isBefore(now, new Date(upTo).toISOString()))
      return { readUpTo: await deps.inbox.markRead(caller.subject, now) };
    return { readUpTo: await deps.inbox.markRead(caller.subject, new Date(upTo).toISOString(), seen) };
  };
}
