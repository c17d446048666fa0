import { RegistrationDecisionSchema } from '../../shared/domain/registration.ts';
import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as decideRegistration from '../decide-registration.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation decideRegistration. */
export const route = defineRoute({
  operationId: 'decideRegistration',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary: 'The commission registers or refuses a candidate (CLE 113-5).',
  requestSchema: RegistrationDecisionSchema,
  method: 'POST',
  path: `${aCase}/registration-decision`,
  public: false,
  successStatus: 200,
  createHandler: decideRegistration.createHandler,
});
