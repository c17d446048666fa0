import * as z from 'zod';
import { requireAccountAdmin } from '../shared/auth/account-admin.ts';
import {
  type Account,
  AdministratorAccountError,
  CannotDisableOwnAccountError,
} from '../shared/domain/account.ts';
import { NotFoundError } from '../shared/domain/errors.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** A disablement says nothing but that it is one. */
export const DisablementSchema = z.strictObject({});

/**
 * disableAccount: the administrator disables an account its district manages; it cannot sign in again. An
 * account of another district is not found, as one that does not exist; an administrator's own is refused,
 * and so is another administrator's (the operator's to disable).
 */
export function createHandler(deps: Pick<Dependencies, 'accounts' | 'clock'>) {
  return async (request: OperationRequest): Promise<Account> => {
    const admin = requireAccountAdmin(request.caller);
    parseOrThrow(DisablementSchema, request.body);
    const account = await deps.accounts.find(pathParam(request, 'accountId'));
    if (account === null || account.managedBy !== admin.district) throw new NotFoundError('account');
    if (account.accountId === admin.subject) throw new CannotDisableOwnAccountError();
    if (account.admin) throw new AdministratorAccountError();
    return deps.accounts.disable(account.accountId, admin.subject, deps.clock.now());
  };
}
