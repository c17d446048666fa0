import { waitingStepOf } from '../../shared/domain/case-lifecycle.ts';
import { isWaitOverdue, waitDeadline } from '../../shared/domain/deadlines.ts';
import type { Election } from '../../shared/domain/election.ts';
import { type Instant, isBefore } from '../../shared/domain/local-date.ts';
import type { NominationCase } from '../../shared/domain/nomination-case.ts';
import { isCountingInTime } from '../../shared/domain/signature-record.ts';
import type { ElectionCases } from '../../shared/storage/case-repository.ts';
import { endWait } from './case-waits.ts';
import type { Dependencies } from './dependencies.ts';

/**
 * Ends every wait of the election that is past its deadline at `asOf` (Lapsed, SignaturesInsufficient),
 * recorded at `now`. Returns every case of the election as it stands afterwards, and how many waits ended.
 * A self-nominee whose sheets, handed in before the deadline, are still being counted keeps waiting: the law
 * counts what was handed in on time, and the submission ends the wait itself once counted (a submission that
 * crashed and is never retried leaves the wait to the next calendar step after its lease).
 */
export async function endOverdueWaits(
  deps: Pick<Dependencies, 'cases' | 'signatures' | 'workflows' | 'logger' | 'jobs'>,
  election: Election,
  now: Instant,
  asOf: Instant = now,
): Promise<{ cases: NominationCase[]; ended: number }> {
  const cases: NominationCase[] = [];
  let ended = 0;
  const stored = await deps.cases.listByElection(election.electionId);
  reportUnreadable(deps, election.electionId, stored.unreadable);
  for (const nominationCase of stored.cases) {
    const step = waitingStepOf(nominationCase.status);
    if (
      step === null ||
      !isWaitOverdue(step, election, nominationCase, asOf) ||
      (await stillCounting(deps, election, nominationCase, now))
    ) {
      cases.push(nominationCase);
      continue;
    }
    cases.push(await endWait(deps, nominationCase, step, waitDeadline(step, election, nominationCase), now));
    ended += 1;
  }
  return { cases, ended };
}

/**
 * Whether sheets of a self-nominee, handed in before the signatures deadline, are still being counted: a
 * submission received and counting within its lease, or a job accepted before the deadline with work left (a
 * job always ends: done, refused, failed, or resumed by the reconciler), other than the one asking.
 */
export async function stillCounting(
  deps: Pick<Dependencies, 'signatures' | 'jobs'>,
  election: Election,
  nominationCase: NominationCase,
  now: Instant,
  asking: { readonly jobId?: string } = {},
): Promise<boolean> {
  if (nominationCase.status !== 'AwaitingSignatures') return false;
  const deadline = waitDeadline('signatures', election, nominationCase);
  const received = await deps.signatures.submissions.received(nominationCase.caseId);
  if (
    received.some((record) => isCountingInTime(record, nominationCase.signatureSubmissions, deadline, now))
  ) {
    return true;
  }
  const jobs = await deps.jobs.activeOf(election.electionId);
  return jobs.some(
    (job) =>
      job.kind === 'signatures' &&
      job.caseId === nominationCase.caseId &&
      job.jobId !== asking.jobId &&
      isBefore(job.createdAt, deadline),
  );
}

/** A case the calendar cannot read is passed over, and said so (by id and field names: no values, no personal data). */
export function reportUnreadable(
  deps: Pick<Dependencies, 'logger'>,
  electionId: string,
  unreadable: ElectionCases['unreadable'],
): void {
  if (unreadable.length > 0) deps.logger.error('unreadable cases passed over', { electionId, unreadable });
}
