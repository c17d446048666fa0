import { actorOf } from '../shared/auth/caller.ts';
import { requireCommissionOf } from '../shared/auth/scope.ts';
import { executionName } from '../shared/domain/execution-repair.ts';
import { ReinstatementSchema, reinstate } from '../shared/domain/reinstatement.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

/**
 * reinstateCase: the district commission records a court's or a higher commission's decision overturning its
 * refusal or cancellation, and the case goes where that decision puts it. Registered is final and needs no
 * execution. Back before the commission, the case needs one again (the first ended with the refusal): the case
 * is written first, with its next execution's attempt, then that execution is started; if the start is lost,
 * the reconciler starts it (an open case without a running execution), and the execution's wait ends the case
 * at registration close like any other.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock'>) {
  return async (request: OperationRequest) => {
    const reinstatement = parseOrThrow(ReinstatementSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e) =>
      requireCommissionOf(caller, e.district),
    );
    const meta = { at: deps.clock.now(), actor: actorOf(request.caller) };
    // Checked before anything is written: a refused reinstatement changes nothing, the roll included.
    reinstate(nominationCase, reinstatement, election, meta);
    await deps.cases.reclaimSlot(nominationCase, meta.at);
    const updated = await deps.cases.update(election.electionId, nominationCase.caseId, (current) =>
      reinstate(current, reinstatement, election, meta),
    );
    if (updated.status === 'AwaitingRegistrationDecision') {
      await deps.workflows.start('nomination-case', executionName(updated.caseId, updated.executionAttempt), {
        electionId: updated.electionId,
        caseId: updated.caseId,
      });
    }
    return caseViewFor(request.caller, election, updated);
  };
}
