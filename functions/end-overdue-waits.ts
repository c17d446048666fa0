import { waitingStepOf } from '../shared/domain/case-lifecycle.ts';
import { isWaitOverdue, waitDeadline } from '../shared/domain/deadlines.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { endWait } from './support/case-waits.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

/**
 * EndOverdueWaits: at each step deadline (party confirmation, signatures, community consent) the cases still
 * waiting for that step end, with the deadline as the reason.
 */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock' | 'logger'>,
) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const now = deps.clock.now();
    const election = await deps.elections.get(electionId);
    let ended = 0;
    for (const nominationCase of await deps.cases.listByElection(electionId)) {
      const step = waitingStepOf(nominationCase.status);
      if (step === null || !isWaitOverdue(step, election, now)) continue;
      await endWait(deps, nominationCase, step, waitDeadline(step, election), now);
      ended += 1;
    }
    if (ended > 0) deps.logger.info('overdue waits ended', { electionId, ended });
    return { ended };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler);
