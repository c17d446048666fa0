import { electionViewAt } from '../shared/domain/election-view.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/**
 * getElection: public. The election as `electionViewAt` shows it at the engine's now (the akimat's window is judged
 * by the engine's clock), the same shape createElection answers with.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'clock'>) {
  return async (request: OperationRequest) =>
    electionViewAt(await deps.elections.get(pathParam(request, 'electionId')), deps.clock.now());
}
