import { CancellationSchema } from '../../shared/domain/registration-cancellation.ts';
import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as cancelRegistration from '../cancel-registration.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation cancelRegistration. */
export const route = defineRoute({
  operationId: 'cancelRegistration',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary:
    'The commission cancels a registration, citing grounds from the election’s list, until the cancellation deadline; the candidate leaves the registered list.',
  requestSchema: CancellationSchema,
  method: 'POST',
  path: `${aCase}/registration-cancellation`,
  public: false,
  successStatus: 200,
  createHandler: cancelRegistration.createHandler,
});
