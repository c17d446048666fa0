import { requireCaseReader } from '../shared/auth/scope.ts';
import { loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/**
 * getCaseTimeline: the audit trail: who did what, when, from which status to which. A trail that storage no
 * longer holds whole is never handed out as if it were: `complete` is false, and `missing` names the first event
 * the walk back from the head could not find (the timeline holds the events after it).
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases'>) {
  return async (request: OperationRequest) => {
    const { nominationCase } = await loadCaseFor(deps, request, requireCaseReader);
    const { events, missing } = await deps.cases.withTrail(nominationCase.electionId, nominationCase.caseId);
    return {
      caseId: nominationCase.caseId,
      timeline: events,
      complete: missing === null,
      ...(missing === null ? {} : { missing: { seq: missing.seq, eventId: missing.eventId } }),
    };
  };
}
