import { requireAccountAdmin } from '../shared/auth/account-admin.ts';
import {
  AccountOutsideDistrictError,
  type CreatedAccount,
  NewAccountSchema,
  scopeOf,
  usernameFor,
} from '../shared/domain/account.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/**
 * createAccount: a commission's administrator opens an account for its district's akimat or commission, a
 * party's secretary or a candidate; the scope is set here and nowhere else. The answer carries the first
 * password once: a repeat of the request (same Idempotency-Key) gets the account without it.
 */
export function createHandler(deps: Pick<Dependencies, 'accounts' | 'clock' | 'newId'>) {
  return async (request: OperationRequest): Promise<CreatedAccount> => {
    const admin = requireAccountAdmin(request.caller);
    const wanted = parseOrThrow(NewAccountSchema, request.body);
    if ((wanted.role === 'commission' || wanted.role === 'akimat') && wanted.scope !== admin.district) {
      throw new AccountOutsideDistrictError(wanted.scope);
    }
    return deps.accounts.create({
      username: wanted.username ?? usernameFor(wanted, deps.newId().replace(/-/g, '').slice(0, 6)),
      name: wanted.name,
      role: wanted.role,
      scope: scopeOf(wanted),
      admin: false,
      managedBy: admin.district,
      createdBy: admin.subject,
      createdAt: deps.clock.now(),
    });
  };
}
