import { ForbiddenError } from '../domain/errors.ts';
import type { Caller } from './caller.ts';

export type AccountAdmin = Extract<Caller, { role: 'commission' }> & { readonly admin: true };

/** Accounts are managed by a commission's administrator only: anyone else is refused, learning nothing. */
export function requireAccountAdmin(caller: Caller): AccountAdmin {
  if (caller.role !== 'commission' || caller.admin !== true) throw new ForbiddenError();
  return { ...caller, admin: true };
}
