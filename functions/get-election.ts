import { electionRulesReport } from '../shared/domain/election.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** getElection: public. The unit, calendar, phase and notices, and each rule with whether it is a default. */
export function createHandler(deps: Pick<Dependencies, 'elections'>) {
  return async (request: OperationRequest) => {
    const election = await deps.elections.get(pathParam(request, 'electionId'));
    // The wake-up's task token is the engine's own business: it resumes the calendar, it informs no one.
    const { rules: _resolved, configuredRules: _configured, wakeUp: _wakeUp, ...rest } = election;
    return { ...rest, rules: electionRulesReport(election) };
  };
}
