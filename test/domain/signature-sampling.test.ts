// Sample-based checking of signature sheets as a versioned policy: the draw, the bands, and the verdict anyone
// can recompute from what is stored.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ElectionRulesSchema, reportRules } from '../../shared/domain/election-rules.ts';
import { electionView } from '../../shared/domain/election-view.ts';
import { issueInWords } from '../../shared/domain/error-catalogue.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { recomputeCheck } from '../../shared/domain/signature-check-audit.ts';
import {
  type CountedSubmission,
  type RecordedSignatureLine,
  recordLines,
  submissionIdOf,
} from '../../shared/domain/signature-record.ts';
import {
  checkSummary,
  drawSample,
  FULL_COUNT,
  inSheetOrder,
  judgeCheck,
  keepCheckedLines,
  packDrawn,
  type SamplePolicy,
  type SignatureCheck,
  type SignatureCheckPolicy,
  SignatureCheckPolicySchema,
  sampleSeed,
  sampleSize,
  samplingKeyCommitment,
  spentSigners,
  unpackDrawn,
} from '../../shared/domain/signature-sampling.ts';
import {
  type SignatureCheckContext,
  type SignatureLine,
  verifySignatures,
} from '../../shared/domain/signatures.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { anElection } from '../support/elections.ts';
import { makeIin } from '../support/iins.ts';
import { signatureContext } from '../support/signatures.ts';

const CASE = 'case-1';
/** The election's sampling key (`Election.samplingKey`), and another one. */
const KEY = 'a1'.repeat(32);
const OTHER_KEY = 'b2'.repeat(32);
const sample = (fields: Partial<SamplePolicy> = {}): SamplePolicy => {
  const policy = SignatureCheckPolicySchema.parse({ method: 'sample', ...fields });
  if (policy.method !== 'sample') throw new Error('a sample policy');
  return policy;
};

/** A line of a signer born 1975-01-01 (serial `serial`), valid unless its fields are overridden. */
function line(
  sheet: number,
  n: number,
  serial: number,
  overrides: Partial<SignatureLine> = {},
): SignatureLine {
  return {
    sheet,
    line: n,
    iin: makeIin('1975-01-01', 'female', serial * 3),
    fullName: 'Signer',
    birthDate: '1975-01-01',
    address: 'Aul, 1',
    signedOn: '2026-02-10',
    collector: 'Collector 1',
    ...overrides,
  };
}

/** `count` lines of distinct signers on sheets of 20. */
const distinctLines = (count: number) =>
  Array.from({ length: count }, (_, i) => line(1 + Math.floor(i / 20), (i % 20) + 1, i));

/**
 * What the engine does with one submission (`count-submission.ts`, `submission-verdict.ts`), without storage:
 * every line judged, the policy's lines kept, the verdict judged from the recorded lines and the count; every
 * line checked again when a sample falls between the bands. Returns what is stored.
 */
function countAndRecord(
  lines: readonly SignatureLine[],
  policy: SignatureCheckPolicy,
  ctx: SignatureCheckContext,
) {
  const ordered = inSheetOrder(lines);
  const submissionId = submissionIdOf(CASE, ordered);
  const run = (checkAll: boolean) => {
    const part = { submissionId, samplingKey: KEY, offset: 0, total: ordered.length, checkAll };
    const verdict = keepCheckedLines(verifySignatures(ordered, ctx), ordered, policy, part, ctx);
    const recorded = recordLines(submissionId, ordered, verdict.lines);
    const counts = {
      validCount: ctx.countedBefore + verdict.newlyCounted.length,
      required: verdict.required,
    };
    const judged = judgeCheck(policy, submissionId, recorded, counts, { samplingKey: KEY });
    return { verdict, recorded, counts, judged };
  };
  const first = run(false);
  const { verdict, recorded, counts, judged } = first.judged.needsAllLines ? run(true) : first;
  const submission: CountedSubmission = {
    submissionId,
    receivedAt: '2026-02-10T05:00:00.000Z',
    lineCount: ordered.length,
    state: 'counted',
    verdict: {
      ...counts,
      shortfall: judged.sufficient ? 0 : Math.max(0, counts.required - counts.validCount),
      sufficient: judged.sufficient,
      rejectedCount: verdict.rejectedCount,
      reasons: verdict.reasons,
      crossCandidateSupport: verdict.crossCandidateSupport,
      notChecked: judged.check.notChecked,
      check: judged.check,
    },
  };
  return { submission, recorded, first };
}

/** A counted submission's verdict as the recomputation reads it. */
const FULL_COUNT_CHECK: SignatureCheck = { policy: FULL_COUNT, outcome: 'counted-in-full', notChecked: 0 };
const kept = (submission: CountedSubmission) => ({
  submissionId: submission.submissionId,
  ...submission.verdict,
});

describe('the draw', () => {
  it('draws exactly the sample size, without repeats, inside the submission, in ascending order', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 3_000 }), fc.nat(3_000), (seed, population, n) => {
        const size = Math.min(n, population);
        const drawn = drawSample(seed, population, size);
        expect(drawn).toHaveLength(size);
        expect(new Set(drawn).size).toBe(size);
        expect(drawn.every((i) => Number.isInteger(i) && i >= 0 && i < population)).toBe(true);
        expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
      }),
    );
  });

  it('seeds a draw from the election key and the content: unforeseeable without the key, fixed with it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string(), (bytes, submissionId) => {
        const key = Buffer.from(bytes).toString('hex');
        // The same key and sheets: the same seed, whenever and by whomever computed.
        expect(sampleSeed(submissionId, key)).toBe(sampleSeed(submissionId, key));
        // Neither the content's own hash (all a candidate can compute) nor another election's key gives it.
        expect(sampleSeed(submissionId, key)).not.toBe(sampleSeed(submissionId));
        const other = key === KEY ? OTHER_KEY : KEY;
        expect(sampleSeed(submissionId, key)).not.toBe(sampleSeed(submissionId, other));
        // The commitment shown is the key's hash, not the key, and names that key only.
        expect(samplingKeyCommitment(key)).not.toContain(key);
        expect(samplingKeyCommitment(key)).not.toBe(samplingKeyCommitment(other));
      }),
    );
  });

  it('packs the lines drawn as a bitmap that gives them back, small whatever the share', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 5_000 }), fc.nat(5_000), (seed, population, n) => {
        const drawn = drawSample(seed, population, Math.min(n, population));
        expect(unpackDrawn(packDrawn(drawn, population))).toEqual(drawn);
      }),
    );
    // The largest sheets a job takes (100,000 lines), drawn whole: well under DynamoDB's 400 KB item.
    const all = Array.from({ length: 100_000 }, (_, i) => i);
    expect(packDrawn(all, 100_000).length).toBeLessThan(17_000);
  });

  it('draws the same lines from the same content, and another draw from other content', () => {
    const lines = distinctLines(600);
    const again = [...lines].reverse();
    expect(submissionIdOf(CASE, again)).toBe(submissionIdOf(CASE, lines));
    const seed = sampleSeed(submissionIdOf(CASE, lines));
    expect(drawSample(seed, 600, 50)).toEqual(drawSample(sampleSeed(submissionIdOf(CASE, again)), 600, 50));
    const edited = [...lines.slice(1), line(99, 1, 999)];
    expect(sampleSeed(submissionIdOf(CASE, edited))).not.toBe(seed);
    expect(drawSample(sampleSeed(submissionIdOf(CASE, edited)), 600, 50)).not.toEqual(
      drawSample(seed, 600, 50),
    );
  });

  it('gives every line the same chance: over 4,000 seeds each of 20 lines is drawn 1,000 times ± 12%', () => {
    const hits = new Array<number>(20).fill(0);
    for (let s = 0; s < 4_000; s += 1)
      for (const i of drawSample(`seed-${s}`, 20, 5)) hits[i] = (hits[i] ?? 0) + 1;
    for (const count of hits) {
      expect(count).toBeGreaterThan(880);
      expect(count).toBeLessThan(1_120);
    }
  });

  it('takes 3% or 500 lines, whichever is more, and never more than the submission', () => {
    const california = sample();
    expect(sampleSize(california, 10_000)).toBe(500);
    expect(sampleSize(california, 20_000)).toBe(600);
    expect(sampleSize(california, 300)).toBe(300);
    expect(sampleSize(sample({ minimumLines: 0 }), 1_001)).toBe(31);
    expect(sampleSize(sample({ sharePercent: 0, minimumLines: 40 }), 1_000)).toBe(40);
  });

  it('draws over the whole submission whichever chunks its lines come in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 150 }), (total, chunk) => {
        const lines = distinctLines(total);
        const policy = sample({ sharePercent: 0, minimumLines: Math.max(1, Math.floor(total / 3)) });
        const submissionId = submissionIdOf(CASE, lines);
        const ctx = signatureContext({ voters: 1_000_000 });
        const checked: number[] = [];
        for (let offset = 0; offset < total; offset += chunk) {
          const part = lines.slice(offset, offset + chunk);
          const checkedPart = keepCheckedLines(
            verifySignatures(part, ctx),
            part,
            policy,
            { submissionId, samplingKey: KEY, offset, total, checkAll: false },
            ctx,
          );
          const places = new Set(checkedPart.lines.map((l) => `${l.sheet}/${l.line}`));
          for (const [i, l] of part.entries())
            if (places.has(`${l.sheet}/${l.line}`)) checked.push(offset + i);
        }
        const size = sampleSize(policy, total);
        expect(checked).toEqual(
          size >= total ? lines.map((_, i) => i) : drawSample(sampleSeed(submissionId, KEY), total, size),
        );
      }),
    );
  });
});

describe('the bands (projected valid against the required)', () => {
  // 1,000 lines, a sample of 100: each valid drawn line projects to 10 valid signatures.
  const policy = sample({ sharePercent: 0, minimumLines: 100 });
  const lines = distinctLines(1_000);
  const submissionId = submissionIdOf(CASE, lines);
  const drawn = new Set(drawSample(sampleSeed(submissionId), 1_000, 100));
  /** The stored lines when `valid` drawn lines are valid and the others were not drawn. */
  const withValidDrawn = (valid: number) => {
    let left = valid;
    return lines.map((l, i) => {
      if (!drawn.has(i)) return { sheet: l.sheet, line: l.line, valid: false, checked: false as const };
      left -= 1;
      return { sheet: l.sheet, line: l.line, valid: left >= 0 };
    });
  };
  const judge = (valid: number, required: number, validCount = valid) =>
    judgeCheck(policy, submissionId, withValidDrawn(valid), { validCount, required });

  it('qualifies at exactly 110% projected, and leaves the lines not drawn unchecked', () => {
    expect(judge(22, 200)).toMatchObject({
      sufficient: true,
      needsAllLines: false,
      check: {
        outcome: 'sample-qualifies',
        notChecked: 900,
        sample: { projectedValid: 220, band: 'qualifies' },
      },
    });
  });

  it('calls for every line just below 110% and at exactly 95%', () => {
    expect(judge(21, 200)).toMatchObject({ needsAllLines: true, check: { sample: { band: 'between' } } });
    expect(judge(19, 200)).toMatchObject({ needsAllLines: true, check: { sample: { band: 'between' } } });
  });

  it('fails just below 95%', () => {
    expect(judge(18, 200)).toMatchObject({
      sufficient: false,
      needsAllLines: false,
      check: { outcome: 'sample-fails', sample: { projectedValid: 180, band: 'fails' } },
    });
  });

  it('adds the signatures verified by earlier submissions to the projection', () => {
    // 15 drawn valid project to 150; with 60 verified elsewhere, 210 of 200 required: between the bands.
    expect(judge(15, 200, 15 + 60)).toMatchObject({
      check: { sample: { projectedValid: 210, band: 'between' } },
    });
    expect(judge(15, 200, 15 + 70)).toMatchObject({
      sufficient: true,
      check: { outcome: 'sample-qualifies' },
    });
  });

  it('needs no projection once the verified count reaches the minimum', () => {
    expect(judge(15, 10)).toMatchObject({ sufficient: true, check: { outcome: 'minimum-verified' } });
  });

  it('decides by the count once every line is checked, keeping the draw on record', () => {
    const all = lines.map((l) => ({ sheet: l.sheet, line: l.line, valid: true }));
    expect(judgeCheck(policy, submissionId, all, { validCount: 199, required: 200 })).toMatchObject({
      sufficient: false,
      needsAllLines: false,
      check: { outcome: 'counted-in-full', notChecked: 0, sample: { band: 'qualifies' } },
    });
  });
});

describe('checking until the minimum is verified', () => {
  const policy = SignatureCheckPolicySchema.parse({ method: 'until-minimum' });

  it('stops at the line whose signature reaches the minimum, counting earlier submissions', () => {
    const lines = [...distinctLines(30)];
    lines[1] = { ...lines[1], birthDate: '1975-01-02' } as SignatureLine;
    // 800 voters need 8; 3 counted before: lines 1..6 give 5 valid (line 2 refused), so line 6 is the last.
    const ctx = signatureContext({ voters: 800, countedBefore: 3 });
    const { submission, recorded } = countAndRecord(lines, policy, ctx);
    const checked = inSheetOrder(recorded).filter((l) => l.checked !== false);
    expect(checked.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(submission.verdict).toMatchObject({
      validCount: 8,
      sufficient: true,
      notChecked: 24,
      check: { outcome: 'minimum-verified' },
    });
  });

  it('checks every line when the minimum is never reached', () => {
    const { submission } = countAndRecord(distinctLines(5), policy, signatureContext({ voters: 800 }));
    expect(submission.verdict).toMatchObject({ validCount: 5, sufficient: false, notChecked: 0 });
    expect(submission.verdict.check?.outcome).toBe('counted-in-full');
  });
});

describe('the policy as an election rule', () => {
  it('is a full count by default, reported as a product default with its basis', () => {
    const rules = ElectionRulesSchema.parse({});
    expect(rules.signatureCheckPolicy).toEqual({ method: 'full-count', version: 1 });
    const report = reportRules(new Set(), rules).find((r) => r.rule === 'signatureCheckPolicy');
    expect(report).toMatchObject({ source: 'product-default', value: { method: 'full-count', version: 1 } });
    expect(report?.basis).toMatch(/California.*110%.*95%/);
  });

  it('fills a sample policy with California’s figures and refuses one that draws nothing, in three languages', () => {
    expect(sample()).toEqual({
      method: 'sample',
      version: 1,
      sharePercent: 3,
      minimumLines: 500,
      qualifyAtPercent: 110,
      failBelowPercent: 95,
    });
    const refused = (() => {
      try {
        parseOrThrow(SignatureCheckPolicySchema, { method: 'sample', sharePercent: 0, minimumLines: 0 });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    const issues = (refused as ValidationError).issues;
    expect(issues).toEqual([
      expect.objectContaining({ field: 'sharePercent', code: 'SIGNATURE_SAMPLE_EMPTY' }),
    ]);
    expect(issues.map((issue) => issueInWords(issue).message)).toEqual([
      expect.objectContaining({
        kk: expect.stringMatching(/іріктеп/i),
        ru: expect.stringMatching(/выбороч/i),
      }),
    ]);
    // Bands that would qualify below 100% or fail above it are refused.
    expect(SignatureCheckPolicySchema.safeParse({ method: 'sample', qualifyAtPercent: 90 }).success).toBe(
      false,
    );
    expect(SignatureCheckPolicySchema.safeParse({ method: 'sample', failBelowPercent: 120 }).success).toBe(
      false,
    );
    expect(SignatureCheckPolicySchema.safeParse({ method: 'sample', version: 2 }).success).toBe(false);
  });
});

describe('recomputing a verdict from what is stored', () => {
  const pool = Array.from({ length: 40 }, (_, i) => makeIin('1975-01-01', 'female', i * 3));
  const lineArb = fc.record({
    sheet: fc.integer({ min: 1, max: 6 }),
    line: fc.integer({ min: 1, max: 30 }),
    signer: fc.integer({ min: 0, max: 45 }),
    late: fc.boolean(),
  });
  const linesArb = fc
    .uniqueArray(lineArb, { minLength: 1, maxLength: 150, selector: (l) => `${l.sheet}/${l.line}` })
    .map((raw) =>
      raw.map((r) =>
        line(r.sheet, r.line, 0, {
          // A few signers outside the pool have a malformed IIN; some lines are signed after the window.
          iin: pool[r.signer] ?? `bad-${r.signer}`,
          signedOn: r.late ? '2026-03-01' : '2026-02-10',
        }),
      ),
    );
  const policyArb: fc.Arbitrary<SignatureCheckPolicy> = fc.oneof(
    fc.constant(SignatureCheckPolicySchema.parse({ method: 'full-count' })),
    fc.constant(SignatureCheckPolicySchema.parse({ method: 'until-minimum' })),
    fc
      .record({
        sharePercent: fc.integer({ min: 0, max: 60 }),
        minimumLines: fc.integer({ min: 1, max: 40 }),
        qualifyAtPercent: fc.integer({ min: 100, max: 150 }),
        failBelowPercent: fc.integer({ min: 50, max: 100 }),
      })
      .map((fields) => sample(fields)),
  );
  const ctxArb = fc
    .record({ voters: fc.integer({ min: 100, max: 6_000 }), countedBefore: fc.integer({ min: 0, max: 30 }) })
    .map((fields) => signatureContext(fields));

  it('gives the stored verdict again, and the lines checked are those the policy names', () => {
    fc.assert(
      fc.property(linesArb, policyArb, ctxArb, (lines, policy, ctx) => {
        const { submission, recorded } = countAndRecord(lines, policy, ctx);
        const audit = recomputeCheck(CASE, kept(submission), recorded, KEY);
        expect(audit.problems).toEqual([]);
        // Without the key (an evidence pack), from the seed as recorded: the same verdict.
        expect(recomputeCheck(CASE, kept(submission), recorded)).toEqual(audit);
        expect(audit.check).toEqual(submission.verdict.check);
        expect(audit.sufficient).toBe(submission.verdict.sufficient);
        // The count is what was verified: never a line left unchecked.
        const validLines = recorded.filter((l) => l.valid);
        expect(validLines.every((l) => l.checked === undefined)).toBe(true);
        expect(submission.verdict.validCount).toBe(ctx.countedBefore + validLines.length);
      }),
    );
  });

  it('names a stored verdict that was tampered with: a line edited, an unchecked line made valid, another outcome', () => {
    const lines = distinctLines(400);
    const policy = sample({ sharePercent: 0, minimumLines: 40 });
    // 300 required; 40 drawn lines, all valid, project to 400.
    const { submission, recorded } = countAndRecord(lines, policy, signatureContext({ voters: 30_000 }));
    expect(submission.verdict.check?.outcome).toBe('sample-qualifies');

    const edited = recorded.map(
      (l, i): RecordedSignatureLine => (i === 0 ? { ...l, fullName: 'Someone' } : l),
    );
    expect(recomputeCheck(CASE, kept(submission), edited).problems).toContain(
      'SIGNATURE_CHECK_CONTENT_CHANGED',
    );

    const firstUnchecked = recorded.findIndex((l) => l.checked === false);
    const promoted = recorded.map((l, i): RecordedSignatureLine => {
      if (i !== firstUnchecked) return l;
      const { checked: _, ...rest } = l;
      return { ...rest, valid: true };
    });
    expect(recomputeCheck(CASE, kept(submission), promoted).problems).toContain(
      'SIGNATURE_CHECK_LINES_NOT_AS_POLICY',
    );

    // As the trail notes it (no lines drawn: the seed gives them), the verdict recomputes as well.
    const noted = { ...kept(submission), check: checkSummary(submission.verdict.check ?? FULL_COUNT_CHECK) };
    expect(recomputeCheck(CASE, noted, recorded).problems).toEqual([]);
    const figures = submission.verdict.check?.sample;
    if (figures?.drawn === undefined) throw new Error('a sample names its lines drawn');
    const movedOne = [...unpackDrawn(figures.drawn).slice(1), recorded.length - 1];
    const otherDraw = { ...figures, drawn: packDrawn(movedOne, recorded.length) };
    const check = submission.verdict.check ?? FULL_COUNT_CHECK;
    const redrawn = { ...kept(submission), check: { ...check, sample: otherDraw } };
    expect(recomputeCheck(CASE, redrawn, recorded).problems).toEqual(['SIGNATURE_CHECK_VERDICT_DIFFERS']);

    // A seed other than the committed key gives: found by whoever holds the key; without it, the draw the
    // recorded seed gives is not the lines left unchecked.
    expect(recomputeCheck(CASE, kept(submission), recorded, OTHER_KEY).problems).toContain(
      'SIGNATURE_CHECK_VERDICT_DIFFERS',
    );
    const reseeded = {
      ...kept(submission),
      check: { ...check, sample: { ...figures, seed: 'f'.repeat(64) } },
    };
    expect(recomputeCheck(CASE, reseeded, recorded).problems).toContain(
      'SIGNATURE_CHECK_LINES_NOT_AS_POLICY',
    );

    const flipped: CountedSubmission = {
      ...submission,
      verdict: { ...submission.verdict, sufficient: false },
    };
    expect(recomputeCheck(CASE, kept(flipped), recorded).problems).toEqual([
      'SIGNATURE_CHECK_VERDICT_DIFFERS',
    ]);
  });

  it('projects a padded submission by its distinct signers: repeats of a signer not drawn do not count', () => {
    // 400 lines, each signer twice (lines i and i + 200): a full count finds 200 valid.
    const once = distinctLines(200);
    const twice = [...once, ...once.map((l) => ({ ...l, sheet: l.sheet + 10 }))];
    const policy = sample({ sharePercent: 0, minimumLines: 100 });
    const { submission } = countAndRecord(twice, policy, signatureContext({ voters: 18_000 }));
    // 180 required: a projection counting repeats would give ~400 and qualify; distinct signers give ~200.
    expect(submission.verdict.check?.sample?.projectedValid).toBeLessThan(260);
  });
});

describe('signers a sample left unchecked, sent again', () => {
  it('are spent: on any sheet each is a repeat naming where it stood, and new signers still count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 1, max: 19 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 500 }),
        (total, drawnLines, fresh, shift) => {
          // Enough voters that the sample fails: its drawn signers counted, the others left unchecked.
          const lines = distinctLines(total);
          const policy = sample({ sharePercent: 0, minimumLines: drawnLines });
          const { recorded } = countAndRecord(lines, policy, signatureContext({ voters: 1_000_000 }));
          const unchecked = recorded.filter((l) => l.checked === false);
          const counted = new Map(
            recorded
              .filter((l) => l.valid)
              .map((l) => [l.iin, { submissionId: l.submissionId, sheet: l.sheet, line: l.line }]),
          );
          // The unchecked signers again, renumbered, beside signers the case never handed in.
          const again = [
            ...unchecked.map(({ submissionId: _s, valid: _v, reason: _r, checked: _c, ...l }) => ({
              ...l,
              sheet: l.sheet + shift,
            })),
            ...Array.from({ length: fresh }, (_, i) => line(9_000 + shift, i + 1, 400 + i)),
          ];
          const ctx = signatureContext({
            voters: 1_000_000,
            alreadyCounted: new Map([...spentSigners(recorded), ...counted]),
            countedBefore: counted.size,
          });
          const verdict = verifySignatures(again, ctx);
          const where = new Map(unchecked.map((l) => [l.iin, l]));
          const byPlace = new Map(again.map((l) => [`${l.sheet}/${l.line}`, l]));
          for (const v of verdict.lines) {
            const first = where.get(byPlace.get(`${v.sheet}/${v.line}`)?.iin ?? '');
            if (first === undefined) {
              expect(v.valid).toBe(true);
              continue;
            }
            expect(v).toEqual({
              sheet: v.sheet,
              line: v.line,
              valid: false,
              reason: 'DUPLICATE_SIGNER',
              firstCounted: { submissionId: first.submissionId, sheet: first.sheet, line: first.line },
            });
          }
          expect(verdict.validCount).toBe(counted.size + fresh);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('are spent only by a line left unchecked: a checked line that was refused may be corrected and sent again', () => {
    const [refused, unchecked] = [line(1, 1, 1), line(1, 2, 2)];
    const earlier = [
      { submissionId: 's1', ...refused, valid: false, reason: 'SIGNER_NOT_ON_REGISTER' },
      { submissionId: 's1', ...unchecked, valid: false, reason: null, checked: false as const },
    ];
    expect([...spentSigners(earlier)]).toEqual([[unchecked.iin, { submissionId: 's1', sheet: 1, line: 2 }]]);
  });
});

describe('the election’s sampling key', () => {
  it('is never in the election’s view, which shows its commitment instead', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const samplingKey = Buffer.from(bytes).toString('hex');
        const view = electionView({ ...anElection(), samplingKey });
        expect(JSON.stringify(view)).not.toContain(samplingKey);
        expect(view.samplingKeyCommitment).toBe(samplingKeyCommitment(samplingKey));
      }),
      { numRuns: 50 },
    );
    // Called before keys existed: nothing to commit to until its first draw makes one.
    expect(electionView(anElection()).samplingKeyCommitment).toBeNull();
  });
});
