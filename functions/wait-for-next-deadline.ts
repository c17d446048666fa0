import * as z from 'zod';
import { nextDeadline } from '../shared/domain/deadlines.ts';
import { isBefore } from '../shared/domain/local-date.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { schedulerWakeUps } from './support/aws-adapters/scheduler-wake-ups.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { signal } from './support/case-waits.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema, TokenSchema } from './support/workflow-inputs.ts';

const InputSchema = z.object({ ...ElectionRefSchema.shape, ...TokenSchema.shape });

/** WaitForNextDeadline: sleeps until the next deadline of the election, on a wake-up armed at that instant. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'wakeUps' | 'workflows' | 'clock'>) {
  return async (event: unknown) => {
    const { electionId, taskToken } = parseOrThrow(InputSchema, event);
    const now = deps.clock.now();
    const at = nextDeadline(await deps.elections.get(electionId), now);
    if (at === null || !isBefore(now, at)) {
      await signal(deps, taskToken, 'deadline');
      return { wakeAt: now };
    }
    const output = { reason: 'deadline' };
    // On the record first: if the wake-up never fires, the reconciler sends it.
    await deps.elections.update(electionId, (current) => ({
      ...current,
      wakeUp: { taskToken, output, at, repeated: false },
    }));
    await deps.wakeUps.wakeAt(at, taskToken, output);
    return { wakeAt: at };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {
  wakeUps: schedulerWakeUps,
  workflows: stepFunctionsWorkflows,
});
