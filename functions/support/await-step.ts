import * as z from 'zod';
import { waitingStepOf } from '../../shared/domain/case-lifecycle.ts';
import { isWaitOverdue, waitDeadline } from '../../shared/domain/deadlines.ts';
import type { WaitingStep } from '../../shared/domain/election-calendar.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { endWait, signal } from './case-waits.ts';
import type { Dependencies } from './dependencies.ts';
import { stillCounting } from './overdue-waits.ts';
import { CaseRefSchema, TokenSchema } from './workflow-inputs.ts';

const AwaitInputSchema = z.object({ ...CaseRefSchema.shape, ...TokenSchema.shape });

/**
 * A human step of the nomination case: the task token is stored on the case, where the decision's handler
 * (or the calendar, at the deadline) finds it. If the case has already moved on, or its deadline has
 * passed, the wait ends at once, so a decision recorded while nothing waited is never lost.
 */
export function awaitStep(step: WaitingStep) {
  return (
    deps: Pick<
      Dependencies,
      'cases' | 'elections' | 'signatures' | 'jobs' | 'workflows' | 'clock' | 'logger'
    >,
  ) =>
    async (event: unknown) => {
      const { electionId, caseId, taskToken } = parseOrThrow(AwaitInputSchema, event);
      const now = deps.clock.now();
      const stored = await deps.cases.update(electionId, caseId, (current) =>
        waitingStepOf(current.status) === step
          ? // The execution has moved on to this wait: the signal that brought it here arrived.
            { ...current, waitingFor: { step, taskToken, since: now }, sentSignal: null }
          : current,
      );
      if (waitingStepOf(stored.status) !== step) {
        await signal(deps, taskToken, 'moved-on');
        return { waiting: false };
      }
      const election = await deps.elections.get(electionId);
      const deadline = waitDeadline(step, election, stored);
      // Sheets handed in on time and still being counted keep the wait open, as at a close: the submission ends
      // it once counted, or the next calendar step after its lease.
      if (isWaitOverdue(step, election, stored, now) && !(await stillCounting(deps, election, stored, now))) {
        await endWait(deps, stored, step, deadline, now);
        return { waiting: false };
      }
      deps.logger.info('case waits', { caseId, step, deadline });
      return { waiting: true };
    };
}
