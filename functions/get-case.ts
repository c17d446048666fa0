import { requireCaseReader } from '../shared/auth/scope.ts';
import { caseViewFor, loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/** getCase: status, route, what the case waits for and from whom until when, decisions and check results. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases'>) {
  return async (request: OperationRequest) => {
    const { election, nominationCase } = await loadCaseFor(deps, request, requireCaseReader);
    return caseViewFor(request.caller, election, nominationCase);
  };
}
