import { actorOf } from '../shared/auth/caller.ts';
import { requireCommissionOf } from '../shared/auth/scope.ts';
import type { Election } from '../shared/domain/election.ts';
import type { NominationCase } from '../shared/domain/nomination-case.ts';
import { type OverturningDecision, sameDecision } from '../shared/domain/overturning-decision.ts';
import {
  ReinstatementAlreadyRecordedError,
  ReinstatementSchema,
  reinstate,
} from '../shared/domain/reinstatement.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor } from './support/case-access.ts';
import { startCaseExecution } from './support/case-execution.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';

type ReinstateDeps = Pick<Dependencies, 'elections' | 'cases' | 'published' | 'workflows' | 'clock'>;

/**
 * reinstateCase: the district commission records a court's or a higher commission's decision overturning its
 * refusal or cancellation, and the case goes where that decision puts it. Registered is final and needs no
 * execution. Back before the commission, the case needs one again: the case is written first, naming its next
 * execution's attempt, then every earlier execution is stopped (one may still wait on a refusal's signal that a
 * crash lost) and that execution is started. A crash on the way is finished by the commission's retry (which
 * finds the decision recorded, finishes, and says so) or by the reconciler (an open case without its execution).
 */
export function createHandler(deps: ReinstateDeps) {
  return async (request: OperationRequest) => {
    const reinstatement = parseOrThrow(ReinstatementSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e) =>
      requireCommissionOf(caller, e.district),
    );
    const meta = { at: deps.clock.now(), actor: actorOf(request.caller) };
    try {
      // Checked before anything is written: a refused reinstatement changes nothing, the roll included.
      reinstate(nominationCase, reinstatement, election, meta);
    } catch (error) {
      if (error instanceof ReinstatementAlreadyRecordedError) {
        await finishRecorded(deps, election, nominationCase, reinstatement.decision);
      }
      throw error;
    }
    // The slot first, the case second: case-repository.ts `reclaimSlot` says why no filing can slip between.
    await deps.cases.reclaimSlot(nominationCase, meta.at);
    const updated = await deps.cases.update(election.electionId, nominationCase.caseId, (current) =>
      reinstate(current, reinstatement, election, meta),
    );
    if (updated.status === 'AwaitingRegistrationDecision') await startCaseExecution(deps, updated, election);
    return caseViewFor(request.caller, election, updated);
  };
}

/**
 * A retry of the latest reinstatement, the case still where it put it: what a crash after the case's write may
 * have left undone is done (the published list, the execution), and the retry is still answered as a repeat.
 */
async function finishRecorded(
  deps: ReinstateDeps,
  election: Election,
  nominationCase: NominationCase,
  decision: OverturningDecision,
): Promise<void> {
  const latest = nominationCase.reinstatements?.at(-1);
  if (latest === undefined || !sameDecision(latest.decision, decision)) return;
  if (nominationCase.status !== latest.to) return;
  await deps.published.mend(nominationCase);
  if (nominationCase.status === 'AwaitingRegistrationDecision')
    await startCaseExecution(deps, nominationCase, election);
}
