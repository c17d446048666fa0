import { AccountSchema } from '../../shared/domain/account.ts';
import * as disableAccount from '../disable-account.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation disableAccount. */
export const route = defineRoute({
  operationId: 'disableAccount',
  tag: 'accounts',
  responseSchema: AccountSchema,
  summary:
    'A commission administrator disables an account its district manages (not its own): it can no longer sign in.',
  requestSchema: disableAccount.DisablementSchema,
  method: 'POST',
  path: '/accounts/{accountId}/disablement',
  public: false,
  successStatus: 200,
  createHandler: disableAccount.createHandler,
});
