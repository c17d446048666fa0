import canonicalize from 'canonicalize';
import { type RecordedSignatureLine, submissionIdOf } from './signature-record.ts';
import {
  checkSummary,
  drawSample,
  FULL_COUNT,
  inSheetOrder,
  judgeCheck,
  type SeedSource,
  type SignatureCheck,
  sampleSize,
} from './signature-sampling.ts';
import type { SignatureLine } from './signatures.ts';

/** What a recomputation may find wrong with a stored verdict (texts: `messages/signature-sampling.ts`). */
export type CheckAuditProblem =
  | 'SIGNATURE_CHECK_CONTENT_CHANGED'
  | 'SIGNATURE_CHECK_LINES_NOT_AS_POLICY'
  | 'SIGNATURE_CHECK_VERDICT_DIFFERS';

/**
 * A submission's verdict as stored: kept beside its lines (`SubmissionVerdict`, with the lines drawn), or noted on
 * the trail's SignaturesVerified event (without them: the seed gives them).
 */
export interface StoredCheckVerdict {
  readonly submissionId: string;
  /** The ledger's count when the verdict was recorded, and the threshold it was judged against. */
  readonly validCount: number;
  readonly required: number;
  readonly sufficient: boolean;
  /** Absent on verdicts kept before policies existed: a full count. */
  readonly check?: SignatureCheck | undefined;
}

export interface CheckAudit {
  /** The verdict as the stored lines, the stored count and the policy give it now. */
  readonly check: SignatureCheck;
  readonly sufficient: boolean;
  readonly problems: readonly CheckAuditProblem[];
}

/** A recorded line as the candidate handed it in: what the submission's id, and so its seed, was computed from. */
function asHandedIn(recorded: RecordedSignatureLine): SignatureLine {
  const { submissionId: _s, valid: _v, reason: _r, firstCounted: _f, checked: _c, ...line } = recorded;
  return line;
}

/**
 * Recomputes a counted submission's check from what is stored, as the commission or a court would: the
 * submission's id from its lines (so its seed, and the lines a sample must draw), the lines the policy checks,
 * and the verdict the policy gives on the recorded lines and the count the ledger held when it was recorded.
 * Each difference from the stored verdict is named. A line's own verdict (its IIN, the register) is the
 * evidence pack's to prove (`verify-evidence`); this proves what was made of those verdicts.
 *
 * `samplingKey` is the election's (stored on its record; its SHA-256 is the commitment the election shows): with
 * it a keyed seed is recomputed from the submission's id, so a seed recorded other than the key gives is found.
 * Without it (an evidence pack, which never holds the key) a keyed seed is taken as recorded and only the draw
 * and the verdict are recomputed from it. Verdicts made before sampling keys are recomputed by their content seed.
 */
export function recomputeCheck(
  caseId: string,
  stored: StoredCheckVerdict,
  lines: readonly RecordedSignatureLine[],
  samplingKey?: string | null,
): CheckAudit {
  const problems: CheckAuditProblem[] = [];
  const ordered = inSheetOrder(lines);
  const submissionId = submissionIdOf(caseId, ordered.map(asHandedIn));
  if (submissionId !== stored.submissionId) problems.push('SIGNATURE_CHECK_CONTENT_CHANGED');
  // Verdicts kept before policies existed were full counts.
  const policy = stored.check?.policy ?? FULL_COUNT;
  const judged = judgeCheck(policy, submissionId, ordered, stored, seedSourceOf(stored, samplingKey));
  if (!checkedAsPolicySays(judged.check, ordered)) problems.push('SIGNATURE_CHECK_LINES_NOT_AS_POLICY');
  const expected = stored.check ?? { policy, outcome: 'counted-in-full', notChecked: 0 };
  // A summary names no lines drawn; where the verdict names them, they must be the seed's.
  const drawnAsStored = expected.sample?.drawn === undefined ? judged.check : expected;
  if (
    judged.needsAllLines ||
    judged.sufficient !== stored.sufficient ||
    canonicalize(checkSummary(judged.check)) !== canonicalize(checkSummary(expected)) ||
    canonicalize(judged.check) !== canonicalize(drawnAsStored)
  ) {
    problems.push('SIGNATURE_CHECK_VERDICT_DIFFERS');
  }
  return { check: judged.check, sufficient: judged.sufficient, problems };
}

/** Where the recomputed seed comes from: as the stored verdict says it was made (see `recomputeCheck`). */
function seedSourceOf(
  stored: StoredCheckVerdict,
  samplingKey: string | null | undefined,
): SeedSource | undefined {
  const sample = stored.check?.sample;
  if (sample?.seedFrom !== 'sampling-key') return undefined;
  return samplingKey === undefined || samplingKey === null ? { recordedSeed: sample.seed } : { samplingKey };
}

/**
 * Whether the lines left unchecked are the ones the outcome allows: none in a full count; for a sample that
 * decided by projection, exactly the lines not drawn; for a count that stopped at the minimum, the lines after a
 * prefix in sheet order.
 */
function checkedAsPolicySays(check: SignatureCheck, ordered: readonly RecordedSignatureLine[]): boolean {
  const unchecked = ordered.map((line) => line.checked === false);
  switch (check.outcome) {
    case 'counted-in-full':
      return !unchecked.includes(true);
    case 'minimum-verified':
      if (check.policy.method === 'sample') return drawnOnly(check, unchecked);
      return unchecked.every((no, i) => !no || unchecked.slice(i).every(Boolean));
    case 'sample-qualifies':
    case 'sample-fails':
      return drawnOnly(check, unchecked);
  }
}

function drawnOnly(check: SignatureCheck, unchecked: readonly boolean[]): boolean {
  if (check.policy.method !== 'sample' || check.sample === undefined) return false;
  const size = sampleSize(check.policy, unchecked.length);
  const drawn = new Set(drawSample(check.sample.seed, unchecked.length, size));
  return unchecked.every((no, i) => no !== drawn.has(i));
}
