import { AccountListSchema } from '../../shared/domain/account.ts';
import * as listAccounts from '../list-accounts.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation listAccounts. */
export const route = defineRoute({
  operationId: 'listAccounts',
  tag: 'accounts',
  responseSchema: AccountListSchema,
  summary:
    'A commission administrator: the accounts its district manages (its commission and akimat, the parties’ secretaries and candidates it opened), disabled ones included.',
  method: 'GET',
  path: '/accounts',
  public: false,
  successStatus: 200,
  createHandler: listAccounts.createHandler,
});
