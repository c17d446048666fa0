import { requireCommissionOf } from '../shared/auth/scope.ts';
import { callElection } from '../shared/domain/election.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/** createElection: the district commission calls an election (CLE 113-1); its calendar starts at once. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'workflows' | 'clock' | 'logger'>) {
  return async (request: OperationRequest) => {
    const election = callElection(request.body, deps.clock.now());
    requireCommissionOf(request.caller, election.district);
    await deps.elections.create(election);
    await deps.workflows.start('election-calendar', election.electionId, { electionId: election.electionId });
    deps.logger.info('election called', { electionId: election.electionId });
    return election;
  };
}
