import { CandidateListSchema } from '../../shared/http/responses/candidates.ts';
import * as listCandidates from '../list-candidates.ts';
import { defineRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation listCandidates. */
export const route = defineRoute({
  operationId: 'listCandidates',
  tag: 'public',
  responseSchema: CandidateListSchema,
  summary:
    'Public: the registered candidates of an election, and beside them the refused and cancelled ones with the categories of their legal grounds; no personal data.',
  method: 'GET',
  path: `${election}/candidates`,
  public: true,
  successStatus: 200,
  createHandler: listCandidates.createHandler,
});
