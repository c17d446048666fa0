import { requireCommissionOf } from '../shared/auth/scope.ts';
import { callElection } from '../shared/domain/election.ts';
import { electionViewAt } from '../shared/domain/election-view.ts';
import { ElectionAlreadyCalledError } from '../shared/domain/errors.ts';
import { executionName } from '../shared/domain/execution-repair.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { newSamplingKey } from './support/sampling-key.ts';

/** createElection: the district commission calls an election (CLE 113-1); its calendar starts at once. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'workflows' | 'clock' | 'logger'>) {
  return async (request: OperationRequest) => {
    // The sampling key is made before anything is stored, so it is committed before any sheet can be handed in.
    const election = { ...callElection(request.body, deps.clock.now()), samplingKey: newSamplingKey() };
    requireCommissionOf(request.caller, election.district);
    // The calendar's current execution, by the name recorded on the election: started once, whoever asks.
    const startCalendar = (attempt: number) =>
      deps.workflows.start('election-calendar', executionName(election.electionId, attempt), {
        electionId: election.electionId,
      });
    try {
      await deps.elections.create(election);
    } catch (error) {
      // The election may be this request's own, from an attempt that failed after the write: its calendar must run.
      if (error instanceof ElectionAlreadyCalledError) {
        await startCalendar((await deps.elections.get(election.electionId)).calendarAttempt);
      }
      throw error;
    }
    await startCalendar(election.calendarAttempt);
    deps.logger.info('election called', { electionId: election.electionId });
    // The same shape getElection answers with: rules as a list with value, source and basis.
    return electionViewAt(election, deps.clock.now());
  };
}
