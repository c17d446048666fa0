import { requireCommissionOf, requireSheetsSender } from '../shared/auth/scope.ts';
import { jobView } from '../shared/domain/bulk-job.ts';
import { ForbiddenError } from '../shared/domain/errors.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/**
 * getJob: where a bulk job stands (rows done of total, rate, time left, errors so far) and, once done, its
 * result. Seen by whoever may start it: the district's commission, and for sheets the case's party or candidate.
 * A job holds no personal data.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'jobs' | 'clock'>) {
  return async (request: OperationRequest) => {
    const electionId = pathParam(request, 'electionId');
    const election = await deps.elections.get(electionId);
    const job = await deps.jobs.get(electionId, pathParam(request, 'jobId'));
    if (job.caseId === undefined) requireCommissionOf(request.caller, election.district);
    else {
      const nominationCase = await deps.cases.find(electionId, job.caseId);
      if (nominationCase === null) throw new ForbiddenError();
      requireSheetsSender(request.caller, election, nominationCase);
    }
    return jobView(job, deps.clock.now());
  };
}
