import { ElectionViewSchema } from '../../shared/http/responses/election.ts';
import * as getElection from '../get-election.ts';
import { defineRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation getElection. */
export const route = defineRoute({
  operationId: 'getElection',
  tag: 'public',
  responseSchema: ElectionViewSchema,
  summary:
    'An election: unit, calendar, phase, notices, the calling check (CLE 113-1 p.2), its rules as a list with value, source and basis, and where the district akim’s window for an additional candidate stands at the engine’s now, and why (CLE 113-3 p.6).',
  method: 'GET',
  path: election,
  public: true,
  successStatus: 200,
  createHandler: getElection.createHandler,
});
