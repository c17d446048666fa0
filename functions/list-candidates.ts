import { publicCandidateView } from '../shared/domain/case-views.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** listCandidates: public. The registered candidates of an election, without personal data (CLE 113-5 p.9). */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases'>) {
  return async (request: OperationRequest) => {
    const election = await deps.elections.get(pathParam(request, 'electionId'));
    const { cases, unreadable } = await deps.cases.listByElection(election.electionId);
    const registered = cases.filter((c) => c.status === 'Registered');
    return {
      electionId: election.electionId,
      final: election.phase === 'RegistrationClosed',
      candidates: registered.map(publicCandidateView),
      // Cases that cannot be read now (the district is told which): the list may be missing someone.
      unreadableCases: unreadable.length,
    };
  };
}
