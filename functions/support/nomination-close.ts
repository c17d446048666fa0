import type { Election } from '../../shared/domain/election.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import type { Dependencies } from './dependencies.ts';
import { ElectionRefSchema } from './workflow-inputs.ts';

/**
 * A close of nomination (planned or extended): count the live nominations now, and let the calendar step
 * decide the election's next phase from that count.
 */
export function closeNominationWith(
  step: (election: Election, liveNominations: number, now: Instant) => Election,
  logMessage: string,
) {
  return (deps: Pick<Dependencies, 'elections' | 'cases' | 'clock' | 'logger'>) => async (event: unknown) => {
    const { electionId } = parseOrThrow(ElectionRefSchema, event);
    const live = await deps.cases.countLive(electionId);
    const now = deps.clock.now();
    const election = await deps.elections.update(electionId, (current) => step(current, live, now));
    deps.logger.info(logMessage, { electionId, liveNominations: live, phase: election.phase });
    return { phase: election.phase, liveNominations: live };
  };
}
