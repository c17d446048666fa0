import { electionView } from '../shared/domain/election-view.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** getElection: public. The election as `electionView` shows it, the same shape createElection answers with. */
export function createHandler(deps: Pick<Dependencies, 'elections'>) {
  return async (request: OperationRequest) =>
    electionView(await deps.elections.get(pathParam(request, 'electionId')));
}
