import * as z from 'zod';
import { recordWithoutTransition } from '../shared/domain/nomination-case.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { type Dependencies, engineActor } from './support/dependencies.ts';
import { CaughtFailureSchema, describeFailure } from './support/failure.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { CaseRefSchema } from './support/workflow-inputs.ts';

const InputSchema = z.object({ ...CaseRefSchema.shape, failure: CaughtFailureSchema });

/** RecordCaseFailure: a failure the workflow could not retry away is written on the case and its trail, never lost. */
export function createHandler(deps: Pick<Dependencies, 'cases' | 'clock' | 'logger'>) {
  return async (event: unknown) => {
    const { electionId, caseId, failure } = parseOrThrow(InputSchema, event);
    const recorded = describeFailure(failure, deps.clock.now());
    deps.logger.error('case workflow failed', { caseId, error: recorded.error });
    const meta = { at: recorded.at, actor: engineActor, note: { error: recorded.error } };
    await deps.cases.update(electionId, caseId, (current) => ({
      ...recordWithoutTransition(current, 'WorkflowFailed', {}, meta),
      findings: { ...current.findings, workflowFailure: recorded },
    }));
    return recorded;
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {});
