import * as z from 'zod';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { CaughtFailureSchema, describeFailure } from './support/failure.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

const InputSchema = z.object({ ...ElectionRefSchema.shape, failure: CaughtFailureSchema });

/** RecordCalendarFailure: a calendar step that failed is written on the election for the commission to see. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'clock' | 'logger'>) {
  return async (event: unknown) => {
    const { electionId, failure } = parseOrThrow(InputSchema, event);
    const recorded = describeFailure(failure, deps.clock.now());
    deps.logger.error('election calendar failed', { electionId, error: recorded.error });
    await deps.elections.update(electionId, (current) => ({
      ...current,
      notices: [
        ...current.notices,
        { at: recorded.at, to: 'commission', code: 'CALENDAR_FAILED', details: recorded },
      ],
    }));
    return recorded;
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {});
