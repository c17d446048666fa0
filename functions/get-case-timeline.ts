import { requireCaseReader } from '../shared/auth/scope.ts';
import { loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/** getCaseTimeline: the audit trail: who did what, when, from which status to which. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases'>) {
  return async (request: OperationRequest) => {
    const { nominationCase } = await loadCaseFor(deps, request, requireCaseReader);
    const { events } = await deps.cases.withTrail(nominationCase.electionId, nominationCase.caseId);
    return { caseId: nominationCase.caseId, timeline: events };
  };
}
