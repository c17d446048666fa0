import { electionRulesReport } from '../shared/domain/election.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** getElection: public. The unit, calendar, phase and notices, and each rule with whether it is a default. */
export function createHandler(deps: Pick<Dependencies, 'elections'>) {
  return async (request: OperationRequest) => {
    const election = await deps.elections.get(pathParam(request, 'electionId'));
    const { rules: _resolved, configuredRules: _configured, ...rest } = election;
    return { ...rest, rules: electionRulesReport(election) };
  };
}
