import { ReinstatementSchema } from '../../shared/domain/reinstatement.ts';
import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as reinstateCase from '../reinstate-case.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation reinstateCase. */
export const route = defineRoute({
  operationId: 'reinstateCase',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary:
    'The commission records a court’s or a higher commission’s decision overturning a refusal or a cancellation (body, date, number); the case goes where the decision puts it: registered, or back to the registration decision.',
  requestSchema: ReinstatementSchema,
  method: 'POST',
  path: `${aCase}/reinstatement`,
  public: false,
  successStatus: 200,
  createHandler: reinstateCase.createHandler,
});
