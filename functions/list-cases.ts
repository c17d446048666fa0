import { isOwnCase } from '../shared/auth/scope.ts';
import { ForbiddenError } from '../shared/domain/errors.ts';
import { caseViewFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** listCases: the district's commission and akimat see every case; a party or candidate only their own. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases'>) {
  return async (request: OperationRequest) => {
    const { caller } = request;
    if (caller.role === 'public') throw new ForbiddenError();
    const election = await deps.elections.get(pathParam(request, 'electionId'));
    const district =
      (caller.role === 'commission' || caller.role === 'akimat') && caller.district === election.district;
    if ((caller.role === 'commission' || caller.role === 'akimat') && !district) throw new ForbiddenError();
    const { cases, unreadable } = await deps.cases.listByElection(election.electionId);
    return {
      electionId: election.electionId,
      cases: cases
        .filter((c) => district || isOwnCase(caller, c))
        .map((c) => caseViewFor(caller, election, c)),
      // Cases storage holds but cannot read, for the district to have mended; whose they are is not known.
      unreadable: district ? unreadable : [],
    };
  };
}
