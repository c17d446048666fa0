import { requireAccountAdmin } from '../shared/auth/account-admin.ts';
import type { Account } from '../shared/domain/account.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/** listAccounts: the accounts the administrator's district manages, disabled ones included (they say so). */
export function createHandler(deps: Pick<Dependencies, 'accounts'>) {
  return async (request: OperationRequest): Promise<{ accounts: Account[] }> => {
    const admin = requireAccountAdmin(request.caller);
    return { accounts: await deps.accounts.managedBy(admin.district) };
  };
}
