import type { Caller } from '../shared/auth/caller.ts';
import { actorOf } from '../shared/auth/caller.ts';
import { initialStatus, waitingStepOf } from '../shared/domain/case-lifecycle.ts';
import type { Election } from '../shared/domain/election.ts';
import { ForbiddenError } from '../shared/domain/errors.ts';
import { checkFilingAllowed, type Filing, FilingSchema } from '../shared/domain/nomination.ts';
import { openCase } from '../shared/domain/nomination-case.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, requireBeforeDeadline } from './support/case-access.ts';
import { startCaseExecution } from './support/case-execution.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** Who may file by each route: the party itself, the candidate themself, the district's akimat; the commission for any. */
function requireFiler(caller: Caller, filing: Filing, election: Election): void {
  if (caller.role === 'commission' && caller.district === election.district) return;
  const allowed =
    (filing.route === 'party' && caller.role === 'party' && caller.partyId === filing.party.partyId) ||
    (filing.route === 'self' && caller.role === 'candidate' && caller.iin === filing.candidate.iin) ||
    (filing.route === 'akimat' && caller.role === 'akimat' && caller.district === election.district);
  if (!allowed) throw new ForbiddenError();
}

/**
 * fileNomination: records a nomination by one of the three routes (CLE 113-3) and starts its case workflow.
 * One case per candidate and one live nominee per party hold in storage, whatever races.
 */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock' | 'newId' | 'logger'>,
) {
  return async (request: OperationRequest) => {
    const electionId = pathParam(request, 'electionId');
    const filing = parseOrThrow(FilingSchema, request.body);
    const election = await deps.elections.get(electionId);
    requireFiler(request.caller, filing, election);
    const now = deps.clock.now();
    checkFilingAllowed(filing, election, now);
    // A case whose first step is already past its deadline would lapse at once, using up the candidate's one case.
    const firstStep = waitingStepOf(initialStatus(filing.route));
    if (firstStep !== null) requireBeforeDeadline(firstStep, election, { filedAt: now }, now);

    const draft = openCase(
      filing,
      { caseId: deps.newId(), electionId },
      { at: now, actor: actorOf(request.caller) },
    );
    const filed = await deps.cases.file(draft, filing.candidate.iin, now);
    if (filing.route === 'akimat') {
      await deps.elections.update(electionId, (current) => ({
        ...current,
        additionalProposals: current.additionalProposals + 1,
      }));
    }
    await startCaseExecution(deps, filed, election);
    deps.logger.info('nomination filed', { electionId, caseId: filed.caseId, route: filing.route });
    return caseViewFor(request.caller, election, filed);
  };
}
