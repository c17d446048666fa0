import * as z from 'zod';
import { calendarRegimes } from '../../shared/domain/calendar-regimes.ts';
import { waitingStatusOf, waitingStepOf } from '../../shared/domain/case-lifecycle.ts';
import { isWaitOverdue, waitDeadline } from '../../shared/domain/deadlines.ts';
import { stepDeadline, type WaitingStep } from '../../shared/domain/election-calendar.ts';
import { type Instant, isBefore } from '../../shared/domain/local-date.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { endWait, signal } from './case-waits.ts';
import type { Dependencies } from './dependencies.ts';
import { stillCounting } from './overdue-waits.ts';
import { CaseStepInputSchema, type ElectionFacts, TokenSchema } from './workflow-inputs.ts';

const AwaitInputSchema = z.object({ ...CaseStepInputSchema.shape, ...TokenSchema.shape });

/**
 * The wait's deadline from the election's facts alone, where they settle it: for a case filed before the planned
 * close of nomination, whether the election was extended since does not move it (`waitDeadline`). Null otherwise.
 */
export function deadlineFromFacts(step: WaitingStep, facts: ElectionFacts, filedAt: Instant): Instant | null {
  if (!isBefore(filedAt, facts.calendar.nominationClosesAt)) return null;
  const { electionDay, rules } = facts;
  return stepDeadline(
    step,
    { electionDay, rules, regime: calendarRegimes[facts.regime] },
    facts.calendar,
    false,
  );
}

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
      const { electionId, caseId, taskToken, election: facts } = parseOrThrow(AwaitInputSchema, event);
      const now = deps.clock.now();
      const waitingFor = { step, taskToken, since: now };
      // The token goes on the case only while it waits for this step: the signal that brought the execution here
      // arrived. A case that has moved on is read to say where to.
      const waited = await deps.cases.storeWait(electionId, caseId, waitingStatusOf(step), waitingFor);
      const stored = waited ?? (await deps.cases.get(electionId, caseId));
      // A case back in this step's status since the token was refused (a reinstatement in between) holds no token
      // of this wait: the execution goes round once more and stores it.
      if (waited === null || waitingStepOf(stored.status) !== step) {
        await signal(deps, taskToken, 'moved-on', stored.status);
        return { waiting: false };
      }
      // Before its deadline the wait needs nothing more of the election; one that starts late reads it.
      const known = facts === undefined ? null : deadlineFromFacts(step, facts, stored.filedAt);
      if (known !== null && isBefore(now, known)) {
        deps.logger.info('case waits', { caseId, step, deadline: known });
        return { waiting: true };
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
