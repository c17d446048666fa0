import { actorOf } from '../shared/auth/caller.ts';
import { requireCommissionOf } from '../shared/auth/scope.ts';
import { StepAlreadyDecidedError } from '../shared/domain/errors.ts';
import { CancellationSchema, cancelRegistration } from '../shared/domain/registration-cancellation.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { recordAndResume } from './support/record-and-resume.ts';

/**
 * cancelRegistration: the district commission cancels a candidate's registration, citing grounds from the
 * election's list, until the cancellation deadline [D]. The candidate leaves the registered list, and the
 * cancellation is published beside it by the category of its grounds only. The case is written first and the
 * list second; a retry that finds the cancellation recorded (a crash in between, after registration close when
 * no whole rewrite of the list comes any more) puts the list in step before it answers that it is a repeat.
 */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'published' | 'workflows' | 'clock'>,
) {
  return async (request: OperationRequest) => {
    const cancellation = parseOrThrow(CancellationSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e) =>
      requireCommissionOf(caller, e.district),
    );
    const meta = { at: deps.clock.now(), actor: actorOf(request.caller) };
    try {
      const updated = await recordAndResume(
        deps,
        nominationCase,
        (current) => cancelRegistration(current, cancellation, election, meta),
        'decided',
        nominationCase,
      );
      return caseViewFor(request.caller, election, updated);
    } catch (error) {
      if (error instanceof StepAlreadyDecidedError && error.details.step === 'cancellation') {
        await deps.published.mend(await deps.cases.get(election.electionId, nominationCase.caseId));
      }
      throw error;
    }
  };
}
