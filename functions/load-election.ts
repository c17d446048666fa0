import { isPhaseDue } from '../shared/domain/deadlines.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

/** LoadElection: the recorded phase, and whether its deadline has come, decide the calendar's next step. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'clock'>) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const election = await deps.elections.get(electionId);
    return { phase: election.phase, phaseDue: isPhaseDue(election, deps.clock.now()) };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {});
