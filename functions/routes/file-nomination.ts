import { FilingSchema } from '../../shared/domain/nomination.ts';
import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as fileNomination from '../file-nomination.ts';
import { defineRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation fileNomination. */
export const route = defineRoute({
  operationId: 'fileNomination',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary:
    'Files a nomination by a party, by self-nomination, or as the district akim’s additional candidate (CLE 113-3).',
  requestSchema: FilingSchema,
  method: 'POST',
  path: `${election}/cases`,
  public: false,
  successStatus: 201,
  createHandler: fileNomination.createHandler,
});
