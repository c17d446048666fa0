import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as confirmPartyNomination from '../confirm-party-nomination.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation confirmPartyNomination. */
export const route = defineRoute({
  operationId: 'confirmPartyNomination',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary: 'The nominating party confirms or declines its nominee.',
  requestSchema: confirmPartyNomination.PartyConfirmationSchema,
  method: 'POST',
  path: `${aCase}/party-confirmation`,
  public: false,
  successStatus: 200,
  createHandler: confirmPartyNomination.createHandler,
});
