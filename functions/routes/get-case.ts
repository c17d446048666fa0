import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as getCase from '../get-case.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation getCase. */
export const route = defineRoute({
  operationId: 'getCase',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary: 'A case: status, route, what it waits for and from whom until when, decisions, check results.',
  method: 'GET',
  path: aCase,
  public: false,
  successStatus: 200,
  createHandler: getCase.createHandler,
});
