import { NewElectionSchema } from '../../shared/domain/election.ts';
import { ElectionViewSchema } from '../../shared/http/responses/election.ts';
import * as createElection from '../create-election.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation createElection. */
export const route = defineRoute({
  operationId: 'createElection',
  tag: 'elections',
  responseSchema: ElectionViewSchema,
  summary:
    'The district commission calls an election (CLE 113-1); the answer is the election as getElection shows it, rules as a list with value, source and basis.',
  requestSchema: NewElectionSchema,
  method: 'POST',
  path: '/elections',
  public: false,
  successStatus: 201,
  createHandler: createElection.createHandler,
});
