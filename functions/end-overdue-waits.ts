import { parseOrThrow } from '../shared/domain/validation.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { endOverdueWaits } from './support/overdue-waits.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

/**
 * EndOverdueWaits: at each step deadline (party confirmation, signatures, community consent) the cases still
 * waiting for that step end, with the deadline as the reason.
 */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'signatures' | 'workflows' | 'clock' | 'logger' | 'jobs'>,
) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const now = deps.clock.now();
    const { ended } = await endOverdueWaits(deps, await deps.elections.get(electionId), now);
    if (ended > 0) deps.logger.info('overdue waits ended', { electionId, ended });
    return { ended };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
