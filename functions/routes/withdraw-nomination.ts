import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import { defineRoute } from '../support/api-route.ts';
import * as withdrawNomination from '../withdraw-nomination.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation withdrawNomination. */
export const route = defineRoute({
  operationId: 'withdrawNomination',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary: 'The candidate withdraws, or the nominating party revokes the nomination.',
  requestSchema: withdrawNomination.WithdrawalSchema,
  method: 'POST',
  path: `${aCase}/withdrawal`,
  public: false,
  successStatus: 200,
  createHandler: withdrawNomination.createHandler,
});
