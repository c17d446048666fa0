import * as z from 'zod';
import { actorOf } from '../shared/auth/caller.ts';
import { requireSheetsSender } from '../shared/auth/scope.ts';
import { SYNCHRONOUS_ROWS } from '../shared/domain/bulk-job.ts';
import type { Election } from '../shared/domain/election.ts';
import { InvalidTransitionError, VoterRegisterMissingError } from '../shared/domain/errors.ts';
import type { NominationCase } from '../shared/domain/nomination-case.ts';
import { submissionIdOf } from '../shared/domain/signature-record.ts';
import { linePosition, SignatureLineSchema } from '../shared/domain/signatures.ts';
import { issueParams, parseOrThrow } from '../shared/domain/validation.ts';
import { bodyOf, startJob, UploadedFileSchema } from './jobs/start-job.ts';
import { loadCaseFor, requireBeforeDeadline } from './support/case-access.ts';
import { countSubmission } from './support/count-submission.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { endIfOverdue, firstVerdict, receive, recordVerdict } from './support/submission-verdict.ts';

export const SubmitSignaturesSchema = z.strictObject({
  lines: z
    .array(SignatureLineSchema)
    .min(1)
    .max(20_000)
    .superRefine((lines, ctx) => {
      // One line of one sheet holds one signature: a position given twice is a typing error, refused whole.
      const firstAt = new Map<string, number>();
      lines.forEach((line, index) => {
        const first = firstAt.get(linePosition(line));
        if (first === undefined) {
          firstAt.set(linePosition(line), index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [index],
          ...issueParams('SIGNATURE_POSITION_REPEATED', {
            sheet: line.sheet,
            line: line.line,
            first: first + 1,
            again: index + 1,
          }),
        });
      });
    }),
});

/** What the route takes: the sheets' lines, or an upload of them (a file too large for a request). */
export const SubmitSignaturesRequestSchema = z.union([SubmitSignaturesSchema, UploadedFileSchema]);

/**
 * submitSignatures: a self-nominee's signature sheets, checked line by line (CLE 113-3, CLE 4) against the
 * register snapshot; each voter is counted once per candidate by a conditional write, so racing submissions
 * never count a signature twice. Sheets may come in several submissions until the signatures deadline [D]; a
 * submission handed in before it gets its verdict on the case's trail whatever happens to the case meanwhile.
 * Sheets of more than SYNCHRONOUS_ROWS lines, or an upload, are counted by a job: the answer is 202 with it.
 */
export function createHandler(
  deps: Pick<
    Dependencies,
    'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger' | 'jobs' | 'objects'
  >,
) {
  return async (request: OperationRequest) => {
    const uploaded = typeof request.body === 'object' && request.body !== null && 'upload' in request.body;
    const sent = uploaded ? null : parseOrThrow(SubmitSignaturesSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, requireSheetsSender);
    const { caseId } = nominationCase;
    const submissionId = sent === null ? null : submissionIdOf(caseId, sent.lines);
    // The same sheets again: their first verdict, whatever has happened to the case since.
    if (submissionId !== null && nominationCase.signatureSubmissions.includes(submissionId)) {
      return firstVerdict(deps, caseId, submissionId);
    }
    if (sent === null || submissionId === null || sent.lines.length > SYNCHRONOUS_ROWS.signatures) {
      return startJob(deps, {
        // Handed in now: refused now if the case cannot take sheets; counted by the job.
        mayStart: () => requireTakingSheets(deps, election, nominationCase),
        caller: request.caller,
        kind: 'signatures',
        electionId: election.electionId,
        caseId,
        file:
          sent === null ? { upload: parseOrThrow(UploadedFileSchema, request.body).upload } : bodyOf(request),
      });
    }
    const { lines } = sent;
    const now = deps.clock.now();
    const received = await receive(
      deps,
      election,
      nominationCase,
      { submissionId, lineCount: lines.length },
      now,
    );
    const counted = await countSubmission(deps, {
      election,
      caseId,
      submissionId,
      lines,
      recordedSubmissions: nominationCase.signatureSubmissions,
      now,
    });
    const recorded = await recordVerdict(deps, nominationCase, received.record, {
      counted,
      seen: received.nominationCase,
      actor: actorOf(request.caller),
      now,
      recount: (current, recordedSubmissions, checkAll) =>
        countSubmission(deps, {
          election: current,
          caseId,
          submissionId,
          lines,
          recordedSubmissions,
          now,
          checkAll,
        }),
    });
    // Another request with the same sheets (a double click, a retry) recorded them first.
    if (recorded === null) return firstVerdict(deps, caseId, submissionId);
    await endIfOverdue(deps, recorded.election, recorded.nominationCase);
    deps.logger.info('signatures verified', {
      caseId,
      validCount: recorded.summary.validCount,
      required: recorded.summary.required,
    });
    return recorded.summary;
  };
}

/** Sheets are taken while the case collects signatures, before the deadline, with a register to count on. */
function requireTakingSheets(
  deps: Pick<Dependencies, 'clock'>,
  election: Election,
  nominationCase: NominationCase,
): void {
  if (nominationCase.status !== 'AwaitingSignatures') {
    throw new InvalidTransitionError(nominationCase.status, 'SignaturesVerified');
  }
  requireBeforeDeadline('signatures', election, nominationCase, deps.clock.now());
  if (election.voterRegister === null) throw new VoterRegisterMissingError();
}
