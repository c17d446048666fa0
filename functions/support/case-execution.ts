import type { Election } from '../../shared/domain/election.ts';
import { executionName } from '../../shared/domain/execution-repair.ts';
import type { NominationCase } from '../../shared/domain/nomination-case.ts';
import type { Dependencies } from './dependencies.ts';
import { electionFactsOf } from './workflow-inputs.ts';

/**
 * Starts the execution the case names (`executionAttempt`, written to the case before this is called), after
 * stopping every earlier one: one execution carries a case. An earlier one may still run though the record has
 * moved on (a signal a crash lost, a repair half done), and would otherwise wait beside the new one, each storing
 * its token over the other's. Stopping one already ended, or never started, changes nothing, and a start under a
 * name already used does nothing: a retry, or the reconciler after a crash, can call this again safely.
 * The execution starts from the status the case was just written with, rather than reading it again: a status
 * that has moved on meanwhile is safe to start from, since each step acts only on the status it reads. It carries
 * what its steps need of the election that never changes (`ElectionFacts`).
 */
export async function startCaseExecution(
  deps: Pick<Dependencies, 'workflows'>,
  nominationCase: NominationCase,
  election: Election,
): Promise<void> {
  const { caseId, electionId, executionAttempt } = nominationCase;
  for (let attempt = 1; attempt < executionAttempt; attempt += 1) {
    await deps.workflows.stop('nomination-case', executionName(caseId, attempt));
  }
  await deps.workflows.start('nomination-case', executionName(caseId, executionAttempt), {
    electionId,
    caseId,
    case: { status: nominationCase.status },
    election: electionFactsOf(election),
  });
}
