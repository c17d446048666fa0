import { z } from 'zod';
import { actorOf } from '../shared/auth/caller.ts';
import { isOwnCase } from '../shared/auth/scope.ts';
import { signingWindow } from '../shared/domain/election.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import {
  ForbiddenError,
  InvalidTransitionError,
  VoterRegisterMissingError,
} from '../shared/domain/errors.ts';
import { localDateOf } from '../shared/domain/local-date.ts';
import { applyCaseEvent } from '../shared/domain/nomination-case.ts';
import { linesDigest, recordLines, type SubmissionNote } from '../shared/domain/signature-record.ts';
import {
  linePosition,
  type SignatureCheckContext,
  type SignatureLine,
  SignatureLineSchema,
  type SignatureVerdict,
  verifySignatures,
} from '../shared/domain/signatures.ts';
import { takeSubmission } from '../shared/domain/submission-limit.ts';
import { issueParams, parseOrThrow } from '../shared/domain/validation.ts';
import { loadCaseFor, requireBeforeDeadline } from './support/case-access.ts';
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
      l.valid ? [] : [{ sheet: l.sheet, line: l.line, reason: l.reason }],
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
    'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'newId' | 'logger'
  >,
) {
  return async (request: OperationRequest) => {
    const { lines } = parseOrThrow(SubmitSignaturesSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e, c) => {
      const commission = caller.role === 'commission' && caller.district === e.district;
      if (!commission && !isOwnCase(caller, c)) throw new ForbiddenError();
    });
    if (nominationCase.status !== 'AwaitingSignatures') {
      throw new InvalidTransitionError(nominationCase.status, 'SignaturesVerified');
    }
    const now = deps.clock.now();
    requireBeforeDeadline('signatures', election, nominationCase, now);
    const register = election.voterRegister;
    if (register === null) throw new VoterRegisterMissingError();

    const { electionId } = election;
    const { caseId } = nominationCase;
    // The day's place is taken first: a submission over the bound is refused before anything is counted.
    const today = localDateOf(now, timeZoneOf(election.rules));
    const limit = election.rules.signatureSubmissionsPerDay;
    await deps.cases.update(electionId, caseId, (current) => ({
      ...current,
      submissionsOfDay: takeSubmission(current.submissionsOfDay, today, limit),
    }));

    const iins = lines.map((l) => l.iin);
    const [support, registered, earlierLines] = await Promise.all([
      deps.signatures.supportOf(electionId, iins),
      deps.voters.registeredAmong(electionId, register.snapshotId, iins),
      deps.signatures.listLines(caseId),
    ]);
    const countedHere = (iin: string) => support.get(iin)?.has(caseId) === true;
    const context: SignatureCheckContext = {
      voters: register.voters,
      window: signingWindow(election),
      isOnRegister: (iin) => registered.has(iin),
      alreadySubmitted: new Set(earlierLines.map(linePosition)),
      // Earlier submissions' valid lines, plus any signer a concurrent submission has just counted.
      alreadyCounted: new Set([
        ...earlierLines.filter((l) => l.valid).map((l) => l.iin),
        ...[...support.keys()].filter(countedHere),
      ]),
      supportsAnotherCandidate: (iin) => [...(support.get(iin) ?? [])].some((other) => other !== caseId),
      multipleSupportAllowed: election.rules.multipleSupportAllowed,
    };
    const verdict = await countVerdict(deps, lines, context, electionId, caseId);

    const submissionId = deps.newId();
    const recorded = recordLines(submissionId, lines, verdict.lines);
    await deps.signatures.saveLines(caseId, recorded);
    const summary = verdictView(verdict);
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
      (current) => ({
        ...applyCaseEvent(current, { type: 'SignaturesVerified', sufficient: verdict.sufficient }, meta),
        findings: { ...current.findings, signatures: { ...summary, rejected: summary.rejected.length } },
      }),
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

/**
 * Counts the lines the check found valid, one conditional write per voter. A voter another submission
 * counted in the meantime is checked again as already counted, so the verdict always matches storage.
 */
async function countVerdict(
  deps: Pick<Dependencies, 'signatures'>,
  lines: readonly SignatureLine[],
  context: SignatureCheckContext,
  electionId: string,
  caseId: string,
): Promise<SignatureVerdict> {
  const verdict = verifySignatures(lines, context);
  const exclusive = !context.multipleSupportAllowed;
  const lost = new Set<string>();
  // A few dozen writes at a time: quick, without flooding the table.
  for (let i = 0; i < verdict.newlyCounted.length; i += 25) {
    const batch = verdict.newlyCounted.slice(i, i + 25);
    const counted = await Promise.all(
      batch.map((iin) => deps.signatures.countSupport(electionId, caseId, iin, exclusive)),
    );
    batch.forEach((iin, j) => {
      if (!counted[j]) lost.add(iin);
    });
  }
  if (lost.size === 0) return verdict;
  return verifySignatures(lines, {
    ...context,
    alreadyCounted: exclusive ? context.alreadyCounted : new Set([...context.alreadyCounted, ...lost]),
    supportsAnotherCandidate: (iin) => (exclusive && lost.has(iin)) || context.supportsAnotherCandidate(iin),
  });
}
