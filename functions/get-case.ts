import { requireCaseReader } from '../shared/auth/scope.ts';
import { caseView } from '../shared/domain/case-views.ts';
import { loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/** getCase: status, route, what the case waits for and from whom until when, decisions and check results. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases'>) {
  return async (request: OperationRequest) => {
    const { election, nominationCase } = await loadCaseFor(deps, request, requireCaseReader);
    const { caller } = request;
    const personal =
      (caller.role === 'commission' && caller.district === election.district) ||
      (caller.role === 'candidate' && caller.iin === nominationCase.filing.candidate.iin);
    return caseView(nominationCase, election, personal);
  };
}
