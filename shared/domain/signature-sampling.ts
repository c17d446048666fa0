import { createHash, createHmac } from 'node:crypto';
import * as z from 'zod';
import {
  countAgainstThreshold,
  type LinePlace,
  type RejectionReason,
  requiredSignatures,
  type SignatureLine,
  type SignatureVerdict,
} from './signatures.ts';
import { issueParams } from './validation.ts';

/**
 * How a commission checks a submission's signature lines, as a versioned policy [D: CLE 113-3 asks for 1% of
 * the voters and says nothing of how the sheets are checked; domain reference §4.2]. Full count is the
 * default. A sample follows California's practice (3% or 500 lines, projected valid ≥ 110% of the required
 * qualifies, < 95% fails, otherwise every line is checked); "until the minimum" stops once the required number
 * is verified. `version` names the draw and the projection below: a verdict is always recomputed by the
 * version it was made with.
 */
const FullCountPolicySchema = z.strictObject({
  method: z.literal('full-count'),
  version: z.literal(1).default(1),
});
const SamplePolicySchema = z
  .strictObject({
    method: z.literal('sample'),
    version: z.literal(1).default(1),
    /** Share of the submission's lines drawn, in percent (0: only `minimumLines`). */
    sharePercent: z.number().min(0).max(100).default(3),
    /** At least this many lines are drawn (whichever of the two is more); a smaller submission is counted whole. */
    minimumLines: z.int().min(0).max(20_000).default(500),
    /** Qualifies when the projected valid count is at least this percent of the required. */
    qualifyAtPercent: z.int().min(100).max(1000).default(110),
    /** Fails when the projected valid count is below this percent of the required; between the two, a full count. */
    failBelowPercent: z.int().min(1).max(100).default(95),
  })
  .refine((policy) => policy.sharePercent > 0 || policy.minimumLines > 0, {
    path: ['sharePercent'],
    ...issueParams('SIGNATURE_SAMPLE_EMPTY'),
  });
const UntilMinimumPolicySchema = z.strictObject({
  method: z.literal('until-minimum'),
  version: z.literal(1).default(1),
});
export const SignatureCheckPolicySchema = z.discriminatedUnion('method', [
  FullCountPolicySchema,
  SamplePolicySchema,
  UntilMinimumPolicySchema,
]);
export type SignatureCheckPolicy = z.output<typeof SignatureCheckPolicySchema>;
export type SamplePolicy = z.output<typeof SamplePolicySchema>;

export const FULL_COUNT: SignatureCheckPolicy = { method: 'full-count', version: 1 };

/** A line's place on the sheets. */
interface Place {
  readonly sheet: number;
  readonly line: number;
}

/**
 * What a submission's check came to, kept with its verdict so the commission (or a court) can recompute it from
 * the stored lines: the policy as applied, how it ended, how many lines were left unchecked and, for a sample,
 * the seed, the lines drawn and the projection.
 */
export const SignatureCheckSchema = z.strictObject({
  policy: SignatureCheckPolicySchema,
  /**
   * counted-in-full: every line checked; minimum-verified: lines after the one that verified the minimum left
   * unchecked; sample-qualifies / sample-fails: the projection decided, the lines not drawn left unchecked.
   */
  outcome: z.enum(['counted-in-full', 'minimum-verified', 'sample-qualifies', 'sample-fails']),
  notChecked: z.int().min(0),
  sample: z
    .strictObject({
      seed: z.string(),
      /**
       * `sampling-key`: the seed is HMAC-SHA256 of the election's sampling key and the submission's id (see
       * `sampleSeed`). Absent on verdicts made before sampling keys: the seed was the SHA-256 of the id alone.
       */
      seedFrom: z.literal('sampling-key').optional(),
      size: z.int().min(0),
      /**
       * The lines drawn, packed: base64 of a bitmap over the submission's lines in sheet and line order, the most
       * significant bit of the first byte for the first line (`packDrawn`). A bitmap keeps the verdict under
       * 13 KB for the largest sheets a job takes (100,000 lines) whatever the share drawn, where a list of
       * places outgrew DynamoDB's 400 KB item. Absent where a summary is kept (the seed gives them).
       */
      drawn: z.string().optional(),
      validInSample: z.int().min(0),
      /** Rounded down; the bands are compared exactly. */
      projectedValid: z.int().min(0),
      band: z.enum(['qualifies', 'fails', 'between']),
    })
    .optional(),
});
export type SignatureCheck = z.infer<typeof SignatureCheckSchema>;

/**
 * An election's sampling key: 32 random bytes in hex, made when the election is called and kept on its record
 * only (never in a view, an answer, a log or an evidence pack). A candidate writes the sheets and so chooses the
 * submission's id; a seed from the id alone could be tried offline until the draw fell on the genuine lines. The
 * key is what the candidate cannot know, fixed before any sheet is handed in and shown as its commitment.
 */
export const SamplingKeySchema = z.string().regex(/^[0-9a-f]{64}$/);

/** The election's commitment to its sampling key, shown in its view: the key's SHA-256, in hex. */
export function samplingKeyCommitment(samplingKey: string): string {
  return createHash('sha256').update(Buffer.from(samplingKey, 'hex')).digest('hex');
}

/**
 * The seed of a submission's draw: HMAC-SHA256 of the election's sampling key and the submission's id (its
 * content hash), so the same sheets always draw the same lines and nobody without the key can foresee a draw.
 * The seed of one submission tells nothing of another's, so it is shown with its verdict. Without a key: the
 * seed of verdicts made before sampling keys (the id's SHA-256), kept to recompute them.
 */
export function sampleSeed(submissionId: string, samplingKey?: string | null): string {
  if (samplingKey === undefined || samplingKey === null) {
    return createHash('sha256')
      .update(`akim-nominations signature sample v1\n${submissionId}`, 'utf8')
      .digest('hex');
  }
  return createHmac('sha256', Buffer.from(samplingKey, 'hex')).update(submissionId, 'utf8').digest('hex');
}

/**
 * Where a sample's seed comes from: the election's sampling key (the engine, and a commission or court
 * recomputing with it), or a keyed seed as recorded (a pack read without the key: the draw is checked from the
 * seed, the seed itself only by whoever holds the key). Absent: the content seed of verdicts made before keys.
 */
export type SeedSource = { readonly samplingKey: string } | { readonly recordedSeed: string };

function seedOf(submissionId: string, source: SeedSource | undefined) {
  if (source === undefined) return { seed: sampleSeed(submissionId) };
  const seed = 'samplingKey' in source ? sampleSeed(submissionId, source.samplingKey) : source.recordedSeed;
  return { seed, seedFrom: 'sampling-key' as const };
}

/** The drawn indices (ascending, below `population`) as a base64 bitmap: see `SignatureCheckSchema`. */
export function packDrawn(indices: readonly number[], population: number): string {
  const bits = Buffer.alloc(Math.ceil(population / 8));
  for (const i of indices) bits[i >> 3] = (bits[i >> 3] ?? 0) | (0x80 >> (i & 7));
  return bits.toString('base64');
}

/** The indices a packed bitmap holds, ascending. */
export function unpackDrawn(packed: string): number[] {
  const bits = Buffer.from(packed, 'base64');
  const indices: number[] = [];
  for (let i = 0; i < bits.length * 8; i += 1)
    if (((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0) indices.push(i);
  return indices;
}

/** How many of `lineCount` lines a sample draws: the share or the minimum, whichever is more, at most all. */
export function sampleSize(policy: SamplePolicy, lineCount: number): number {
  return Math.min(
    lineCount,
    Math.max(Math.ceil((lineCount * policy.sharePercent) / 100), policy.minimumLines),
  );
}

/**
 * Uniform integers below a bound, from SHA-256 of the seed and a block counter: anyone with a SHA-256 tool can
 * repeat the stream. Rejection sampling keeps every value equally likely (no modulo bias).
 */
function uniformStream(seed: string) {
  let block = 0;
  let words: number[] = [];
  const nextWord = (): number => {
    if (words.length === 0) {
      const digest = createHash('sha256').update(`${seed}:${block}`, 'utf8').digest();
      block += 1;
      words = Array.from({ length: 8 }, (_, i) => digest.readUInt32BE(i * 4));
    }
    return words.shift() ?? 0;
  };
  return (bound: number): number => {
    const limit = Math.floor(2 ** 32 / bound) * bound;
    for (;;) {
      const word = nextWord();
      if (word < limit) return word % bound;
    }
  };
}

/**
 * The indices (0-based, ascending) of `size` of `population` lines drawn without repeats: the first `size`
 * places of a Fisher–Yates shuffle driven by the seed's stream, kept sparse so a draw costs its size only.
 */
export function drawSample(seed: string, population: number, size: number): number[] {
  const below = uniformStream(seed);
  const moved = new Map<number, number>();
  const drawn: number[] = [];
  for (let i = 0; i < Math.min(size, population); i += 1) {
    const j = i + below(population - i);
    drawn.push(moved.get(j) ?? j);
    moved.set(j, moved.get(i) ?? i);
  }
  return drawn.sort((a, b) => a - b);
}

/** Lines in sheet and line order: the order a draw's indices and "until the minimum" count in. */
export function inSheetOrder<T extends Place>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => a.sheet - b.sheet || a.line - b.line);
}

/** Where a part of a submission sits in the whole (a job's chunk); a request's lines are the whole. */
export interface SubmissionPart {
  readonly submissionId: string;
  /** The election's sampling key: a sample's seed (`sampleSeed`). */
  readonly samplingKey: string | null;
  readonly offset: number;
  readonly total: number;
  /** Every line is checked whatever the policy: a sample whose projection fell between the bands. */
  readonly checkAll: boolean;
}

/**
 * The verdict on the lines the policy checks, from the verdict on every line (`verdict`, over `ordered`, the
 * part's lines in sheet and line order). Every line is judged first, so that a drawn line repeating a signer of
 * a line not drawn is the duplicate it is in a full count, and a padded submission does not project its repeats.
 * Lines left unchecked have no verdict, count nothing and are recorded as not checked.
 */
export function keepCheckedLines(
  verdict: SignatureVerdict,
  ordered: readonly SignatureLine[],
  policy: SignatureCheckPolicy,
  part: SubmissionPart,
  base: { readonly countedBefore: number; readonly voters: number },
): SignatureVerdict {
  const checked = checkedIndices(verdict, policy, part, base);
  if (checked === 'all') return verdict;
  const lines = verdict.lines.filter((_, i) => checked.has(i));
  const newlyCounted = ordered.filter((_, i) => checked.has(i) && verdict.lines[i]?.valid === true);
  const reasons: Partial<Record<RejectionReason, number>> = {};
  for (const line of lines) if (!line.valid) reasons[line.reason] = (reasons[line.reason] ?? 0) + 1;
  return {
    lines,
    ...countAgainstThreshold(base.countedBefore + newlyCounted.length, base.voters),
    rejectedCount: lines.length - newlyCounted.length,
    reasons,
    crossCandidateSupport: lines.filter((l) => l.valid && l.alsoSupportsAnother).length,
    newlyCounted: newlyCounted.map((l) => l.iin),
    notChecked: ordered.length - lines.length,
  };
}

/** Which of the part's lines (indices in sheet and line order) the policy checks. */
function checkedIndices(
  verdict: SignatureVerdict,
  policy: SignatureCheckPolicy,
  part: SubmissionPart,
  base: { readonly countedBefore: number; readonly voters: number },
): 'all' | Set<number> {
  if (part.checkAll || policy.method === 'full-count') return 'all';
  if (policy.method === 'sample') {
    const size = sampleSize(policy, part.total);
    if (size >= part.total) return 'all';
    const drawn = drawSample(sampleSeed(part.submissionId, part.samplingKey), part.total, size);
    const end = part.offset + verdict.lines.length;
    return new Set(drawn.filter((i) => i >= part.offset && i < end).map((i) => i - part.offset));
  }
  // Until the minimum: lines in sheet order up to the one whose signature makes the count reach it.
  const required = requiredSignatures(base.voters);
  const checked = new Set<number>();
  let count = base.countedBefore;
  for (const [i, line] of verdict.lines.entries()) {
    if (count >= required) break;
    checked.add(i);
    if (line.valid) count += 1;
  }
  return checked.size === verdict.lines.length ? 'all' : checked;
}

/** A recorded line of an earlier submission as a new one is judged against it: where, whose, and whether checked. */
export interface EarlierLine extends Place {
  readonly submissionId: string;
  readonly iin: string;
  readonly checked?: false;
}

/**
 * The signers a case has spent on lines its recorded submissions left unchecked, each at the first such line (in
 * the order given). A sample leaves its undrawn lines unchecked and the ledger without them; if their signers were
 * free, the same signatures on renumbered sheets would be drawn anew until a draw was kind. Spent like their
 * places, each is, sent again on any sheet, the repeat a full count would have found (DUPLICATE_SIGNER, naming
 * the line) [D: a signature handed in once is judged once; CLE 113-3 counts a voter once per candidate].
 */
export function spentSigners(earlier: readonly EarlierLine[]): Map<string, LinePlace> {
  const spent = new Map<string, LinePlace>();
  for (const { submissionId, sheet, line, iin, checked } of earlier) {
    if (checked === false && !spent.has(iin)) spent.set(iin, { submissionId, sheet, line });
  }
  return spent;
}

/** A submission's line as the judgement needs it: its place, whether it was checked, and if so its verdict. */
export interface JudgedLine extends Place {
  readonly valid: boolean;
  readonly checked?: false;
}

export interface CheckJudgement {
  readonly check: SignatureCheck;
  readonly sufficient: boolean;
  /** The lines left unchecked must be checked before a verdict can be given (a sample between the bands). */
  readonly needsAllLines: boolean;
}

/**
 * The verdict of a submission's check from what is stored: its policy, its id and the election's sampling key
 * (which fix the seed, `seedSource`), its recorded lines and the count the ledger held when it was recorded. A
 * pure function, the same one the engine records with, so recomputing it from the stored data gives the stored
 * verdict.
 *
 * A sample projects this submission alone: the signatures verified elsewhere (the ledger's count less this
 * submission's valid lines) plus its drawn lines' valid share of all its lines; the bands are compared exactly,
 * in integers. What the ledger counts is only what was verified: a projection qualifies the case, but no
 * unchecked signer is put on the ledger or takes a voter's support (see the README, "Sample-based checking").
 */
export function judgeCheck(
  policy: SignatureCheckPolicy,
  submissionId: string,
  lines: readonly JudgedLine[],
  counts: { readonly validCount: number; readonly required: number },
  seedSource?: SeedSource,
): CheckJudgement {
  const ordered = inSheetOrder(lines);
  const notChecked = ordered.filter((l) => l.checked === false).length;
  const verified = counts.validCount >= counts.required;
  const byCount = (
    outcome: SignatureCheck['outcome'],
    sample?: SignatureCheck['sample'],
  ): CheckJudgement => ({
    check: { policy, outcome, notChecked, ...(sample === undefined ? {} : { sample }) },
    sufficient: verified,
    needsAllLines: notChecked > 0 && !verified,
  });
  if (policy.method === 'full-count') return byCount('counted-in-full');
  if (policy.method === 'until-minimum')
    return byCount(notChecked === 0 ? 'counted-in-full' : 'minimum-verified');

  const size = sampleSize(policy, ordered.length);
  if (size >= ordered.length) return byCount('counted-in-full');
  const { seed, seedFrom } = seedOf(submissionId, seedSource);
  const indices = drawSample(seed, ordered.length, size);
  const drawn = indices.map((i) => ordered[i] as JudgedLine);
  const validInSample = drawn.filter((l) => l.valid).length;
  const verifiedElsewhere = Math.max(0, counts.validCount - ordered.filter((l) => l.valid).length);
  // projected = verifiedElsewhere + validInSample × lines / size, kept multiplied by size to stay exact.
  const projectedTimesSize = verifiedElsewhere * size + validInSample * ordered.length;
  const band =
    projectedTimesSize * 100 >= policy.qualifyAtPercent * counts.required * size
      ? 'qualifies'
      : projectedTimesSize * 100 < policy.failBelowPercent * counts.required * size
        ? 'fails'
        : 'between';
  const sample = {
    seed,
    ...(seedFrom === undefined ? {} : { seedFrom }),
    size,
    drawn: packDrawn(indices, ordered.length),
    validInSample,
    projectedValid: Math.floor(projectedTimesSize / size),
    band,
  } as const;
  // Every line checked (after a projection between the bands): the count decides, the draw stays on record.
  if (notChecked === 0) return byCount('counted-in-full', sample);
  // Verified already (other submissions, or this one's drawn lines): the rest need no projection.
  if (verified) return byCount('minimum-verified', sample);
  if (band === 'between') return { ...byCount('counted-in-full', sample), needsAllLines: true };
  return {
    check: {
      policy,
      outcome: band === 'qualifies' ? 'sample-qualifies' : 'sample-fails',
      notChecked,
      sample,
    },
    sufficient: band === 'qualifies',
    needsAllLines: false,
  };
}

/** What the case's findings and its trail keep of a check: all but the list of lines drawn (the seed gives it). */
export function checkSummary(check: SignatureCheck): SignatureCheck {
  const { sample, ...rest } = check;
  if (sample === undefined) return rest;
  const { drawn: _drawn, ...figures } = sample;
  return { ...rest, sample: figures };
}
