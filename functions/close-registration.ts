import { closeRegistration } from '../shared/domain/calendar-steps.ts';
import { waitingStatuses } from '../shared/domain/case-lifecycle.ts';
import type { NominationCase } from '../shared/domain/nomination-case.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { endWait } from './support/case-waits.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { reportUnreadable } from './support/overdue-waits.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

const undecided: ReadonlySet<string> = new Set(waitingStatuses);

/**
 * CloseRegistration: every undecided case lapses, and the list of registered candidates is published: rewritten
 * whole from the cases, so that a step between a case and the list that a crash missed is mended here.
 */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'published' | 'workflows' | 'clock' | 'logger'>,
) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const now = deps.clock.now();
    const election = await deps.elections.get(electionId);
    const { cases, unreadable } = await deps.cases.listByElection(electionId);
    reportUnreadable(deps, electionId, unreadable);
    const closedAt = election.calendar.registrationClosesAt;
    // Each case as it ends up: lapsed, or registered by a decision that won the race against the deadline.
    const final: NominationCase[] = [];
    for (const nominationCase of cases) {
      final.push(
        undecided.has(nominationCase.status)
          ? await endWait(deps, nominationCase, 'registration-decision', closedAt, now)
          : nominationCase,
      );
    }
    await deps.published.rewrite(
      electionId,
      final,
      unreadable.map((u) => u.caseId),
    );
    const registered = final.filter((c) => c.status === 'Registered').length;
    const closed = await deps.elections.update(electionId, (current) =>
      closeRegistration(current, registered, now, unreadable.length),
    );
    deps.logger.info('registration closed', { electionId, registered });
    return { phase: closed.phase, registered };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
