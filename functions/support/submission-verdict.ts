import { isWaitOverdue, waitDeadline } from '../../shared/domain/deadlines.ts';
import type { Election } from '../../shared/domain/election.ts';
import { timeZoneOf } from '../../shared/domain/election-rules.ts';
import {
  ConcurrentUpdateError,
  InvalidTransitionError,
  VoterRegisterMissingError,
} from '../../shared/domain/errors.ts';
import { type Instant, localDateOf } from '../../shared/domain/local-date.ts';
import {
  type Actor,
  applyCaseEvent,
  type NominationCase,
  recordWithoutTransition,
} from '../../shared/domain/nomination-case.ts';
import {
  linesDigest,
  type SubmissionNote,
  type SubmissionRecord,
} from '../../shared/domain/signature-record.ts';
import { checkSummary, judgeCheck } from '../../shared/domain/signature-sampling.ts';
import { countAgainstThreshold, type SignatureVerdict } from '../../shared/domain/signatures.ts';
import { takeSubmission } from '../../shared/domain/submission-limit.ts';
import { requireBeforeDeadline } from './case-access.ts';
import { endWait } from './case-waits.ts';
import type { CheckedSubmission } from './count-submission.ts';
import type { Dependencies } from './dependencies.ts';
import { stillCounting } from './overdue-waits.ts';
import { recordAndResume } from './record-and-resume.ts';
import { samplingKeyFor } from './sampling-key.ts';

/** What the candidate and the commission see: counts and each rejected line's place and reason, no IINs. */
export function verdictView(verdict: SignatureVerdict) {
  return {
    validCount: verdict.validCount,
    required: verdict.required,
    shortfall: verdict.shortfall,
    sufficient: verdict.sufficient,
    rejectedCount: verdict.rejectedCount,
    reasons: verdict.reasons,
    crossCandidateSupport: verdict.crossCandidateSupport,
    notChecked: verdict.notChecked,
    rejected: verdict.lines.flatMap((l) =>
      l.valid
        ? []
        : [
            {
              sheet: l.sheet,
              line: l.line,
              reason: l.reason,
              ...(l.firstCounted === undefined ? {} : { firstCounted: l.firstCounted }),
            },
          ],
    ),
  };
}

/**
 * Takes a submission in: a new one while the case collects signatures, before the deadline and within the day's
 * bound, marked as received before anything is kept or counted. One received before (a retry after a crash) is
 * completed as it was handed in, on time by its record, and takes no new place. Gives the record and the case
 * as this left it (as given, when nothing was written), for the verdict to start from.
 */
export async function receive(
  deps: Pick<Dependencies, 'cases' | 'signatures'>,
  election: Election,
  nominationCase: NominationCase,
  submission: { readonly submissionId: string; readonly lineCount: number },
  now: Instant,
  options: { readonly statusChecked?: boolean } = {},
): Promise<{ readonly record: SubmissionRecord; readonly nominationCase: NominationCase }> {
  const { electionId } = election;
  const { caseId } = nominationCase;
  const before = await deps.signatures.submissions.find(caseId, submission.submissionId);
  if (before !== null) return { record: before, nominationCase };
  // A job's sheets were handed in when it was accepted, the case then collecting signatures: what became of
  // the case since does not send them back.
  if (options.statusChecked !== true && nominationCase.status !== 'AwaitingSignatures') {
    throw new InvalidTransitionError(nominationCase.status, 'SignaturesVerified');
  }
  requireBeforeDeadline('signatures', election, nominationCase, now);
  if (election.voterRegister === null) throw new VoterRegisterMissingError();
  // The day's place is taken first: a submission over the bound is refused before anything is kept.
  const today = localDateOf(now, timeZoneOf(election.rules));
  const limit = election.rules.signatureSubmissionsPerDay;
  const taken = await deps.cases.update(
    electionId,
    caseId,
    (current) => ({ ...current, submissionsOfDay: takeSubmission(current.submissionsOfDay, today, limit) }),
    nominationCase,
  );
  const record = await deps.signatures.submissions.receive(caseId, {
    ...submission,
    receivedAt: now,
    state: 'counting',
  });
  return { record, nominationCase: taken };
}

/** A recording round lost to another change of the case: the ledger's count is read again. */
class CaseChangedSinceCount extends Error {}

const RECORDING_ROUNDS = 12;

/**
 * Records the submission's verdict on the case: a SignaturesVerified transition while the case collects
 * signatures, the same event without one once it has moved on (another submission made it sufficient, the
 * deadline ended it while this one, handed in before, was counting). The count recorded is the ledger's, read
 * after the case and written on condition that the case has not changed since, so a later record never shows an
 * older count; and it is made on the register in force, the submission checked again on a new one.
 * Null when another request recorded the same submission first.
 */
export async function recordVerdict(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'signatures' | 'voters' | 'workflows'>,
  ref: { readonly electionId: string; readonly caseId: string },
  received: SubmissionRecord,
  submission: {
    readonly counted: CheckedSubmission;
    readonly actor: Actor;
    readonly now: Instant;
    /**
     * Checks the submission again: on the register in force when another replaced the one it was counted on, or
     * every line (`checkAll`) when its sample's projection fell between the bands.
     */
    readonly recount: (
      election: Election,
      recordedSubmissions: readonly string[],
      checkAll: boolean,
    ) => Promise<CheckedSubmission>;
    /**
     * The case as this request last read or wrote it, before counting: the first round starts from it instead of
     * reading it again (the record is written on condition that the case is still at its version all the same).
     */
    readonly seen?: NominationCase;
  },
) {
  const { electionId, caseId } = ref;
  const { submissionId, receivedAt, lineCount } = received;
  const { actor, now, recount } = submission;
  let { counted } = submission;
  let version = 0;
  for (let round = 1; round <= RECORDING_ROUNDS; round += 1) {
    const seen =
      round === 1 && submission.seen !== undefined
        ? submission.seen
        : await deps.cases.get(electionId, caseId);
    version = seen.version;
    if (seen.signatureSubmissions.includes(submissionId)) return null;
    const [election, validCount] = await Promise.all([
      deps.elections.get(electionId),
      deps.signatures.ledger.countOf(caseId),
    ]);
    const register = election.voterRegister;
    if (register === null) throw new VoterRegisterMissingError();
    if (register.snapshotId !== counted.snapshotId) {
      // A register replaced while counting: the submission is checked again on the one in force.
      counted = await recount(election, seen.signatureSubmissions, counted.checkAll);
      continue;
    }
    const threshold = countAgainstThreshold(validCount, register.voters);
    // The policy's verdict from the recorded lines and the ledger's count, as anyone can recompute it.
    const samplingKey = await samplingKeyFor(deps, election);
    const judged = judgeCheck(
      election.rules.signatureCheckPolicy,
      submissionId,
      counted.recorded,
      threshold,
      samplingKey === null ? undefined : { samplingKey },
    );
    if (judged.needsAllLines && !counted.checkAll) {
      counted = await recount(election, seen.signatureSubmissions, true);
      continue;
    }
    // A sample that qualifies by projection needs no more signatures; the count stays what the ledger holds.
    const verdict = {
      ...counted.verdict,
      ...threshold,
      sufficient: judged.sufficient,
      shortfall: judged.sufficient ? 0 : threshold.shortfall,
      notChecked: judged.check.notChecked,
    };
    const summary = { ...verdictView(verdict), check: judged.check };
    const { rejected, ...counts } = summary;
    await deps.signatures.submissions.save(caseId, {
      submissionId,
      receivedAt,
      lineCount,
      state: 'counted',
      verdict: counts,
    });
    // The trail names the submission's lines by digest: a verdict changed afterwards no longer matches it.
    const note: SubmissionNote = {
      submissionId,
      lineCount: counted.recorded.length,
      linesDigest: linesDigest(counted.recorded),
      validCount: verdict.validCount,
      shortfall: verdict.shortfall,
      receivedAt,
      required: verdict.required,
      sufficient: verdict.sufficient,
      check: checkSummary(judged.check),
    };
    const meta = { at: now, actor, note };
    const event = { type: 'SignaturesVerified', sufficient: verdict.sufficient } as const;
    try {
      const nominationCase = await recordAndResume(
        deps,
        ref,
        (current) => {
          if (current.version !== seen.version) throw new CaseChangedSinceCount();
          const entry =
            current.status === 'AwaitingSignatures'
              ? applyCaseEvent(current, event, meta)
              : recordWithoutTransition(current, event.type, {}, meta);
          return {
            ...entry,
            findings: {
              ...current.findings,
              signatures: { ...counts, check: checkSummary(judged.check), rejected: rejected.length },
            },
            signatureSubmissions: [...current.signatureSubmissions, submissionId],
            // Only a first submission fixes the register the case is counted on: earlier ones counted on
            // another are put right by the recount, which looks for cases counted on another register.
            signaturesCountedOn:
              current.signatureSubmissions.length === 0 ? register.snapshotId : current.signaturesCountedOn,
          };
        },
        'decided',
        seen,
      );
      return { summary, nominationCase, election };
    } catch (error) {
      if (!(error instanceof CaseChangedSinceCount)) throw error;
    }
    // Jitter spreads the rounds of submissions that lost the same race.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * round));
  }
  throw new ConcurrentUpdateError(version);
}

/**
 * A short count recorded after the signatures deadline (a close that left the case to the submission it was
 * counting) ends the wait as the close would have, once no other submission handed in before it is counting.
 */
export async function endIfOverdue(
  deps: Pick<Dependencies, 'cases' | 'signatures' | 'workflows' | 'clock' | 'jobs'>,
  election: Election,
  nominationCase: NominationCase,
  recordedBy: { readonly jobId?: string } = {},
): Promise<void> {
  const now = deps.clock.now();
  if (nominationCase.status !== 'AwaitingSignatures') return;
  if (!isWaitOverdue('signatures', election, nominationCase, now)) return;
  // Other sheets handed in on time, counted in a request or by a job, end the wait themselves once counted.
  if (await stillCounting(deps, election, nominationCase, now, recordedBy)) return;
  const deadline = waitDeadline('signatures', election, nominationCase);
  await endWait(deps, nominationCase, 'signatures', deadline, now);
}

/** The verdict a submission got when it was counted: its counts as kept, its rejected lines as recorded. */
export async function firstVerdict(
  deps: Pick<Dependencies, 'signatures'>,
  caseId: string,
  submissionId: string,
) {
  const [record, lines] = await Promise.all([
    deps.signatures.submissions.find(caseId, submissionId),
    deps.signatures.linesOfSubmission(caseId, submissionId),
  ]);
  // Kept before the case names the submission, so a case that names it always has it.
  if (record?.state !== 'counted') throw new Error('A submission the case names has its verdict kept');
  return {
    ...record.verdict,
    rejected: lines.flatMap((l) =>
      l.valid || l.checked === false
        ? []
        : [
            {
              sheet: l.sheet,
              line: l.line,
              reason: l.reason,
              ...(l.firstCounted ? { firstCounted: l.firstCounted } : {}),
            },
          ],
    ),
  };
}
