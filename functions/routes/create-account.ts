import { CreatedAccountSchema, NewAccountSchema } from '../../shared/domain/account.ts';
import * as createAccount from '../create-account.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation createAccount. */
export const route = defineRoute({
  operationId: 'createAccount',
  tag: 'accounts',
  responseSchema: CreatedAccountSchema,
  summary:
    'A commission administrator opens an account (commission or akimat of its own district, a party’s secretary, a candidate by IIN) and sets its scope; the answer carries the first password once, never in a repeat.',
  requestSchema: NewAccountSchema,
  method: 'POST',
  path: '/accounts',
  public: false,
  successStatus: 201,
  createHandler: createAccount.createHandler,
});
