import type { Election } from '../../shared/domain/election.ts';
import { signingWindow } from '../../shared/domain/election.ts';
import {
  countAgainstThreshold,
  linePosition,
  type SignatureCheckContext,
  type SignatureLine,
  type SignatureVerdict,
  verifySignatures,
} from '../../shared/domain/signatures.ts';
import type { CountedAt } from '../../shared/storage/signature-ledger.ts';
import type { Dependencies } from './dependencies.ts';

export interface Submission {
  readonly election: Election;
  readonly caseId: string;
  readonly submissionId: string;
  readonly lines: readonly SignatureLine[];
}

/** How many signers are counted at a time: quick, without flooding the table. */
const COUNT_BATCH = 25;

/**
 * Checks a submission's lines and counts each valid signer on the ledger. What earlier submissions counted is
 * read from the ledger, and what this submission itself counted before a crash is recognised as its own, so a
 * retry gets the verdicts an uninterrupted run gets. A signer another submission counts in the meantime is
 * checked again as counted there; the valid count is what the ledger holds once this submission is counted.
 */
export async function countSubmission(
  deps: Pick<Dependencies, 'signatures' | 'voters'>,
  { election, caseId, submissionId, lines }: Submission,
): Promise<SignatureVerdict> {
  const register = election.voterRegister;
  if (register === null) throw new Error('A submission is counted only against a register');
  const { electionId } = election;
  const iins = lines.map((l) => l.iin);
  const [support, registered, earlierLines, entries, countedBefore] = await Promise.all([
    deps.signatures.supportOf(electionId, iins),
    deps.voters.registeredAmong(electionId, register.snapshotId, iins),
    deps.signatures.listLines(caseId),
    deps.signatures.ledger.entriesFor(caseId, iins),
    deps.signatures.ledger.countOf(caseId),
  ]);
  const byOthers = new Map([...entries].filter(([, at]) => at.submissionId !== submissionId));
  const context: SignatureCheckContext = {
    voters: register.voters,
    window: signingWindow(election),
    isOnRegister: (iin) => registered.has(iin),
    alreadySubmitted: new Set(earlierLines.filter((l) => l.submissionId !== submissionId).map(linePosition)),
    alreadyCounted: byOthers,
    countedBefore: countedBefore - (entries.size - byOthers.size),
    supportsAnotherCandidate: (iin) => [...(support.get(iin) ?? [])].some((other) => other !== caseId),
    multipleSupportAllowed: election.rules.multipleSupportAllowed,
  };
  const first = verifySignatures(lines, context);
  const { heldByAnother, countedElsewhere } = await countOnLedger(deps, lines, first, context, {
    electionId,
    caseId,
    submissionId,
  });
  const verdict =
    heldByAnother.size === 0 && countedElsewhere.size === 0
      ? first
      : verifySignatures(lines, {
          ...context,
          alreadyCounted: new Map([...context.alreadyCounted, ...countedElsewhere]),
          supportsAnotherCandidate: (iin) => heldByAnother.has(iin) || context.supportsAnotherCandidate(iin),
        });
  return {
    ...verdict,
    ...countAgainstThreshold(await deps.signatures.ledger.countOf(caseId), register.voters),
  };
}

/** Counts each signer the check found valid; says which another case holds, and which another line counted. */
async function countOnLedger(
  deps: Pick<Dependencies, 'signatures'>,
  lines: readonly SignatureLine[],
  verdict: SignatureVerdict,
  context: SignatureCheckContext,
  ids: { readonly electionId: string; readonly caseId: string; readonly submissionId: string },
) {
  const exclusive = !context.multipleSupportAllowed;
  // Each valid line's signer, counted at that line (a signer is valid on one line at most).
  const valid = new Set(verdict.lines.filter((v) => v.valid).map(linePosition));
  const placeOf = new Map<string, CountedAt>(
    lines
      .filter((line) => valid.has(linePosition(line)))
      .map((line) => [line.iin, { submissionId: ids.submissionId, sheet: line.sheet, line: line.line }]),
  );
  const heldByAnother = new Set<string>();
  const countedElsewhere = new Map<string, CountedAt>();
  for (let i = 0; i < verdict.newlyCounted.length; i += COUNT_BATCH) {
    await Promise.all(
      verdict.newlyCounted.slice(i, i + COUNT_BATCH).map(async (iin) => {
        const at = placeOf.get(iin);
        if (at === undefined) throw new Error('A newly counted signer has its valid line');
        // Whom the voter supports first, since an election may allow one candidate only; then the count.
        if (!(await deps.signatures.holdSupport(ids.electionId, ids.caseId, iin, exclusive))) {
          heldByAnother.add(iin);
          return;
        }
        const counted = await deps.signatures.ledger.count(ids.caseId, iin, at);
        if (counted.submissionId !== ids.submissionId) countedElsewhere.set(iin, counted);
      }),
    );
  }
  return { heldByAnother, countedElsewhere };
}
