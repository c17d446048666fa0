import { closeRegistration } from '../shared/domain/calendar-steps.ts';
import { waitingStatuses } from '../shared/domain/case-lifecycle.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { endWait } from './support/case-waits.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

const undecided: ReadonlySet<string> = new Set(waitingStatuses);

/** CloseRegistration: every undecided case lapses, and the list of registered candidates is published. */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock' | 'logger'>,
) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const now = deps.clock.now();
    const election = await deps.elections.get(electionId);
    const cases = await deps.cases.listByElection(electionId);
    const closedAt = election.calendar.registrationClosesAt;
    for (const nominationCase of cases.filter((c) => undecided.has(c.status))) {
      await endWait(deps, nominationCase, 'registration-decision', closedAt, now);
    }
    const registered = (await deps.cases.listByElection(electionId)).filter(
      (c) => c.status === 'Registered',
    ).length;
    const closed = await deps.elections.update(electionId, (current) =>
      closeRegistration(current, registered, now),
    );
    deps.logger.info('registration closed', { electionId, registered });
    return { phase: closed.phase, registered };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler);
