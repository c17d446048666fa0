import { CaseListSchema } from '../../shared/http/responses/case.ts';
import * as listCases from '../list-cases.ts';
import { defineRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation listCases. */
export const route = defineRoute({
  operationId: 'listCases',
  tag: 'cases',
  responseSchema: CaseListSchema,
  summary: 'The cases of an election the caller may see.',
  method: 'GET',
  path: `${election}/cases`,
  public: false,
  successStatus: 200,
  createHandler: listCases.createHandler,
});
