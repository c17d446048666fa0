import { closeNomination } from '../shared/domain/calendar-steps.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { ElectionRefSchema } from './support/workflow-inputs.ts';

/** CloseNomination: counts live nominations; fewer than two extend nomination and tell the commission. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'clock' | 'logger'>) {
  return async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const live = await deps.cases.countLive(electionId);
    const now = deps.clock.now();
    const election = await deps.elections.update(electionId, (current) =>
      closeNomination(current, live, now),
    );
    deps.logger.info('nomination closed', { electionId, liveNominations: live, phase: election.phase });
    return { phase: election.phase, liveNominations: live };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler);
