import type { Job } from '../../shared/domain/bulk-job.ts';
import { DomainError, ValidationError, VoterRegisterMissingError } from '../../shared/domain/errors.ts';
import { submissionIdOf } from '../../shared/domain/signature-record.ts';
import {
  type RejectionReason,
  type SignatureLine,
  SignatureLineSchema,
} from '../../shared/domain/signatures.ts';
import { toFieldIssues } from '../../shared/domain/validation.ts';
import { withRowLines } from '../../shared/http/file-rows.ts';
import { SubmitSignaturesSchema } from '../submit-signatures.ts';
import { countSubmission } from '../support/count-submission.ts';
import { endIfOverdue, firstVerdict, receive, recordVerdict } from '../support/submission-verdict.ts';
import { keepChunks, readChunk, readJobFile } from './job-file.ts';
import { issueOfRule, type JobDependencies, type JobWork, refused } from './job-work.ts';

/** Chunks hold lines already checked whole: read back, each is a line again. */
const chunkLines = (rows: readonly unknown[]): SignatureLine[] =>
  rows.map((row) => SignatureLineSchema.parse(row));

/** The register a job counts on changed: its chunks are counted again from the first, on the new one. */
class RegisterReplaced extends Error {}

/** The sample's projection fell between the bands: the chunks are counted again from the first, every line. */
class EveryLineToCheck extends Error {}

/**
 * Signature sheets as a job. The file is checked whole as a request's sheets are (a bad line refuses it all)
 * and the submission received as handed in when the job was accepted: on time by that instant, within that
 * day's bound. Its lines, in sheet and line order, are counted chunk by chunk on the ledger, a signer counted
 * in an earlier chunk being a duplicate as in one pass; a chunk counted again after a crash recognises its own
 * entries. Then the verdict is recorded on the case from the ledger, as a request's is.
 */
export const signaturesJob: JobWork = {
  async prepare(deps, job) {
    const caseId = requireCase(job);
    const read = await readJobFile(deps, job);
    if (!read.ok) return refused(job, read.issues);
    const parsed = SubmitSignaturesSchema.safeParse(read.body);
    if (!parsed.success) {
      const error = withRowLines(
        new ValidationError(toFieldIssues(parsed.error, read.body)),
        'lines',
        read.lines ?? [],
      );
      return refused(job, error instanceof ValidationError ? error.issues : []);
    }
    const lines = [...parsed.data.lines].sort((a, b) => a.sheet - b.sheet || a.line - b.line);
    const submissionId = submissionIdOf(caseId, lines);
    const [election, nominationCase] = await Promise.all([
      deps.elections.get(job.electionId),
      deps.cases.get(job.electionId, caseId),
    ]);
    const identified = { ...job, submissionId, rowsTotal: lines.length };
    if (nominationCase.signatureSubmissions.includes(submissionId)) {
      return { ...identified, state: 'succeeded', result: await resultOf(deps, caseId, submissionId) };
    }
    if (election.voterRegister === null)
      return refused(identified, [issueOfRule(new VoterRegisterMissingError())]);
    try {
      await receive(
        deps,
        election,
        nominationCase,
        { submissionId, lineCount: lines.length },
        job.createdAt,
        {
          statusChecked: true,
        },
      );
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'conflict')
        return refused(identified, [issueOfRule(error)]);
      throw error;
    }
    const chunks = await keepChunks(deps, job, lines, undefined);
    return {
      ...identified,
      state: 'running',
      chunks,
      snapshotId: election.voterRegister.snapshotId,
      tally: { reasons: {}, crossCandidateSupport: 0 },
    };
  },

  async chunk(deps, job) {
    const { caseId, submissionId } = identity(job);
    const [election, nominationCase] = await Promise.all([
      deps.elections.get(job.electionId),
      deps.cases.get(job.electionId, caseId),
    ]);
    // Recorded meanwhile (the same sheets in another upload, or an earlier step of this job that outlived its
    // timeout): the recorded verdicts stand, and nothing is counted again over them.
    if (nominationCase.signatureSubmissions.includes(submissionId)) {
      return { ...job, state: 'succeeded', result: await resultOf(deps, caseId, submissionId) };
    }
    const register = election.voterRegister;
    if (register === null) throw new VoterRegisterMissingError();
    if (register.snapshotId !== job.snapshotId) return fromFirstChunk(job, register.snapshotId);
    const chunk = await readChunk(deps, job, job.nextChunk);
    const counted = await countSubmission(deps, {
      election,
      caseId,
      submissionId,
      lines: chunkLines(chunk.rows),
      recordedSubmissions: nominationCase.signatureSubmissions,
      now: deps.clock.now(),
      // A sample is drawn over the whole submission: the chunk's lines are its places `from` on.
      part: { offset: chunk.from, total: job.rowsTotal ?? chunk.rows.length },
      checkAll: job.checkAll ?? false,
    });
    const tally = job.tally ?? { reasons: {}, crossCandidateSupport: 0 };
    const reasons = { ...tally.reasons };
    for (const [reason, n] of Object.entries(counted.verdict.reasons))
      reasons[reason] = (reasons[reason] ?? 0) + n;
    return {
      ...job,
      nextChunk: job.nextChunk + 1,
      rowsDone: job.rowsDone + chunk.rows.length,
      errorsSoFar: job.errorsSoFar + counted.verdict.rejectedCount,
      tally: {
        reasons,
        crossCandidateSupport: tally.crossCandidateSupport + counted.verdict.crossCandidateSupport,
      },
    };
  },

  async finish(deps, job) {
    const { caseId, submissionId } = identity(job);
    const [nominationCase, received, recorded] = await Promise.all([
      deps.cases.get(job.electionId, caseId),
      deps.signatures.submissions.find(caseId, submissionId),
      deps.signatures.linesOfSubmission(caseId, submissionId),
    ]);
    if (received === null) throw new Error('a job past its first step has its submission received');
    if (!nominationCase.signatureSubmissions.includes(submissionId)) {
      const tally = job.tally ?? { reasons: {}, crossCandidateSupport: 0 };
      try {
        const done = await recordVerdict(deps, nominationCase, received, {
          counted: {
            snapshotId: job.snapshotId ?? '',
            recorded,
            checkAll: job.checkAll ?? false,
            verdict: {
              lines: recorded
                .flatMap((line) => (line.checked === false ? [] : [line]))
                .map((line) =>
                  // Whom else a signer supports is in the tally's count, not on each line.
                  line.valid
                    ? { sheet: line.sheet, line: line.line, valid: true, alsoSupportsAnother: false }
                    : {
                        sheet: line.sheet,
                        line: line.line,
                        valid: false,
                        reason: line.reason as RejectionReason,
                        ...(line.firstCounted === undefined ? {} : { firstCounted: line.firstCounted }),
                      },
                ),
              // Replaced by the ledger's count when recorded.
              validCount: 0,
              required: 0,
              shortfall: 0,
              sufficient: false,
              rejectedCount: job.errorsSoFar,
              reasons: tally.reasons,
              crossCandidateSupport: tally.crossCandidateSupport,
              newlyCounted: [],
              notChecked: recorded.filter((line) => line.checked === false).length,
            },
          },
          actor: job.startedBy,
          now: deps.clock.now(),
          recount: async (election) => {
            throw election.voterRegister?.snapshotId === job.snapshotId
              ? new EveryLineToCheck()
              : new RegisterReplaced();
          },
        });
        if (done !== null) await endIfOverdue(deps, done.election, done.nominationCase, { jobId: job.jobId });
      } catch (error) {
        if (error instanceof EveryLineToCheck)
          return { ...fromFirstChunk(job, job.snapshotId ?? ''), checkAll: true };
        if (!(error instanceof RegisterReplaced)) throw error;
        const election = await deps.elections.get(job.electionId);
        return fromFirstChunk(job, election.voterRegister?.snapshotId ?? '');
      }
    }
    const result = await resultOf(deps, caseId, submissionId);
    return { ...job, state: 'succeeded', result };
  },
};

/** The submission's verdict as kept: its counts (its rejected lines are read with the case's evidence). */
async function resultOf(deps: JobDependencies, caseId: string, submissionId: string) {
  const { rejected, ...counts } = await firstVerdict(deps, caseId, submissionId);
  return { ...counts, rejectedLines: rejected.length };
}

/** Counted again from the first chunk, on another register. */
function fromFirstChunk(job: Job, snapshotId: string): Job {
  return {
    ...job,
    nextChunk: 0,
    rowsDone: 0,
    errorsSoFar: 0,
    snapshotId,
    tally: { reasons: {}, crossCandidateSupport: 0 },
  };
}

function requireCase(job: Job): string {
  if (job.caseId === undefined) throw new Error('a signatures job names its case');
  return job.caseId;
}

function identity(job: Job) {
  const caseId = requireCase(job);
  if (job.submissionId === undefined) throw new Error('a job past its first step knows its submission');
  return { caseId, submissionId: job.submissionId };
}
