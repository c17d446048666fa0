import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/**
 * listCandidates: public. The registered candidates of an election, without personal data (CLE 113-5 p.9),
 * from the published list: this operation never reads a case.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'published'>) {
  return async (request: OperationRequest) => {
    const election = await deps.elections.get(pathParam(request, 'electionId'));
    const { candidates, unreadableCases } = await deps.published.read(election.electionId);
    return {
      electionId: election.electionId,
      final: election.phase === 'RegistrationClosed',
      candidates,
      // Stored records that could not be read when last listed (the district is told which): the list may be
      // missing someone.
      unreadableCases,
    };
  };
}
