import { z } from 'zod';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { CaughtFailureSchema, describeFailure } from './support/failure.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { CaseRefSchema } from './support/workflow-inputs.ts';

const InputSchema = z.object({ ...CaseRefSchema.shape, failure: CaughtFailureSchema });

/** RecordCaseFailure: a failure the workflow could not retry away is written on the case, never lost. */
export function createHandler(deps: Pick<Dependencies, 'cases' | 'clock' | 'logger'>) {
  return async (event: unknown) => {
    const { electionId, caseId, failure } = parseOrThrow(InputSchema, event);
    const recorded = describeFailure(failure, deps.clock.now());
    deps.logger.error('case workflow failed', { caseId, error: recorded.error });
    await deps.cases.update(electionId, caseId, (current) => ({
      ...current,
      findings: { ...current.findings, workflowFailure: recorded },
    }));
    return recorded;
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler);
