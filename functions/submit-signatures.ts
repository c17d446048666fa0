import { z } from 'zod';
import { actorOf } from '../shared/auth/caller.ts';
import { isOwnCase } from '../shared/auth/scope.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import {
  ForbiddenError,
  InvalidTransitionError,
  VoterRegisterMissingError,
} from '../shared/domain/errors.ts';
import { localDateOf } from '../shared/domain/local-date.ts';
import { applyCaseEvent } from '../shared/domain/nomination-case.ts';
import {
  linesDigest,
  recordLines,
  type SubmissionNote,
  submissionIdOf,
} from '../shared/domain/signature-record.ts';
import { linePosition, SignatureLineSchema, type SignatureVerdict } from '../shared/domain/signatures.ts';
import { takeSubmission } from '../shared/domain/submission-limit.ts';
import { issueParams, parseOrThrow } from '../shared/domain/validation.ts';
import { loadCaseFor, requireBeforeDeadline } from './support/case-access.ts';
import { countSubmission } from './support/count-submission.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { recordAndResume } from './support/record-and-resume.ts';

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

/** What the candidate and the commission see: counts and each rejected line's place and reason, no IINs. */
function verdictView(verdict: SignatureVerdict) {
  return {
    validCount: verdict.validCount,
    required: verdict.required,
    shortfall: verdict.shortfall,
    sufficient: verdict.sufficient,
    rejectedCount: verdict.rejectedCount,
    reasons: verdict.reasons,
    crossCandidateSupport: verdict.crossCandidateSupport,
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
 * submitSignatures: a self-nominee's signature sheets, checked line by line (CLE 113-3, CLE 4) against the
 * register snapshot; each voter is counted once per candidate by a conditional write, so racing submissions
 * never count a signature twice. Sheets may come in several submissions until the signatures deadline [D].
 */
export function createHandler(
  deps: Pick<
    Dependencies,
    'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger'
  >,
) {
  return async (request: OperationRequest) => {
    const { lines } = parseOrThrow(SubmitSignaturesSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e, c) => {
      const commission = caller.role === 'commission' && caller.district === e.district;
      if (!commission && !isOwnCase(caller, c)) throw new ForbiddenError();
    });
    const { electionId } = election;
    const { caseId } = nominationCase;
    const submissionId = submissionIdOf(caseId, lines);
    // The same sheets again: their first verdict, whatever has happened to the case since.
    if (nominationCase.signatureSubmissions.includes(submissionId)) {
      return firstVerdict(deps, caseId, submissionId);
    }
    if (nominationCase.status !== 'AwaitingSignatures') {
      throw new InvalidTransitionError(nominationCase.status, 'SignaturesVerified');
    }
    const now = deps.clock.now();
    requireBeforeDeadline('signatures', election, nominationCase, now);
    const register = election.voterRegister;
    if (register === null) throw new VoterRegisterMissingError();

    // The day's place is taken first: a submission over the bound is refused before anything is counted.
    const today = localDateOf(now, timeZoneOf(election.rules));
    const limit = election.rules.signatureSubmissionsPerDay;
    await deps.cases.update(electionId, caseId, (current) => ({
      ...current,
      submissionsOfDay: takeSubmission(current.submissionsOfDay, today, limit),
    }));

    const verdict = await countSubmission(deps, { election, caseId, submissionId, lines });
    const recorded = recordLines(submissionId, lines, verdict.lines);
    await deps.signatures.saveLines(caseId, recorded);
    const summary = verdictView(verdict);
    const { rejected, ...counts } = summary;
    await deps.signatures.submissions.save(caseId, {
      submissionId,
      receivedAt: now,
      lineCount: lines.length,
      verdict: counts,
    });
    // The trail names the submission's lines by digest: a verdict changed afterwards no longer matches it.
    const note: SubmissionNote = {
      submissionId,
      lineCount: recorded.length,
      linesDigest: linesDigest(recorded),
      validCount: verdict.validCount,
      shortfall: verdict.shortfall,
    };
    const meta = { at: now, actor: actorOf(request.caller), note };
    await recordAndResume(
      deps,
      nominationCase,
      (current) =>
        current.signatureSubmissions.includes(submissionId)
          ? current
          : {
              ...applyCaseEvent(
                current,
                { type: 'SignaturesVerified', sufficient: verdict.sufficient },
                meta,
              ),
              findings: { ...current.findings, signatures: { ...counts, rejected: rejected.length } },
              signatureSubmissions: [...current.signatureSubmissions, submissionId],
              signaturesCountedOn: register.snapshotId,
            },
      'decided',
    );
    deps.logger.info('signatures verified', {
      caseId,
      validCount: verdict.validCount,
      required: verdict.required,
    });
    return summary;
  };
}

/** The verdict a submission got when it was counted: its counts as kept, its rejected lines as recorded. */
async function firstVerdict(deps: Pick<Dependencies, 'signatures'>, caseId: string, submissionId: string) {
  const [record, lines] = await Promise.all([
    deps.signatures.submissions.find(caseId, submissionId),
    deps.signatures.linesOfSubmission(caseId, submissionId),
  ]);
  // Kept before the case names the submission, so a case that names it always has it.
  if (record === null) throw new Error('A submission the case names has its verdict kept');
  return {
    ...record.verdict,
    rejected: lines.flatMap((l) =>
      l.valid
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
