import { isLive } from '../../shared/domain/case-lifecycle.ts';
import { phaseDeadline } from '../../shared/domain/deadlines.ts';
import type { Election } from '../../shared/domain/election.ts';
import { JobsRunningError } from '../../shared/domain/errors.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import type { Dependencies } from './dependencies.ts';
import { endOverdueWaits } from './overdue-waits.ts';
import { recountSignatures } from './recount-signatures.ts';
import { ElectionRefSchema } from './workflow-inputs.ts';

/**
 * A close of nomination (planned or extended): first a recount a new register left half done is finished, and
 * the waits whose deadline is this close end (an unconfirmed party nominee, a self-nominee short of signatures,
 * but not one whose sheets handed in on time are still being counted, who counts as live), then the live
 * nominations are counted, and the calendar step decides the election's next phase from that count
 * (CLE 113-3 p.6).
 */
export function closeNominationWith(
  step: (election: Election, liveNominations: number, now: Instant) => Election,
  logMessage: string,
) {
  return (
    deps: Pick<
      Dependencies,
      'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger' | 'jobs'
    >,
  ) =>
    async (event: unknown) => {
      const { electionId } = parseOrThrow(ElectionRefSchema, event);
      const now = deps.clock.now();
      // Sheets and registers handed in before the close are counted before it counts: the calendar retries
      // until the election's jobs with work left have ended (one left by its execution is resumed by the
      // reconciler; how long a step has run says nothing of whether it still runs).
      const running = await deps.jobs.activeOf(electionId);
      if (running.length > 0) throw new JobsRunningError(running.length);
      // A recount an import left half done is finished first: the close counts on the register in force.
      await recountSignatures(deps, await deps.elections.get(electionId));
      const closing = await deps.elections.get(electionId);
      // As of the close itself, not of when the engine got to it (a restart, a late schedule): the count is
      // the one the law means, whenever it is made.
      const { cases } = await endOverdueWaits(deps, closing, now, phaseDeadline(closing) ?? now);
      const live = cases.filter((c) => isLive(c.status)).length;
      const election = await deps.elections.update(electionId, (current) => step(current, live, now));
      deps.logger.info(logMessage, { electionId, liveNominations: live, phase: election.phase });
      return { phase: election.phase, liveNominations: live };
    };
}
