import { closeExtendedNomination } from '../shared/domain/calendar-steps.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

/** CloseExtendedNomination: 0 or 1 live nominations open the district akimat's window and tell the akimat. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'clock' | 'logger'>) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const live = await deps.cases.countLive(electionId);
    const now = deps.clock.now();
    const election = await deps.elections.update(electionId, (current) =>
      closeExtendedNomination(current, live, now),
    );
    deps.logger.info('extended nomination closed', {
      electionId,
      liveNominations: live,
      phase: election.phase,
    });
    return { phase: election.phase, liveNominations: live };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler);
