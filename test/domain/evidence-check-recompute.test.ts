import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordDigest } from '../../shared/domain/case-substance.ts';
import { chainEvent, linkTo, type TrailEvent } from '../../shared/domain/case-trail.ts';
import { evidenceProblemText } from '../../shared/domain/evidence-problems.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { evidenceSignatureCheckProblems } from '../../shared/domain/messages/evidence-signature-checks.ts';
import { applyCaseEvent, openCase } from '../../shared/domain/nomination-case.ts';
import {
  linesDigest,
  type RecordedSignatureLine,
  submissionIdOf,
} from '../../shared/domain/signature-record.ts';
import {
  checkSummary,
  drawSample,
  judgeCheck,
  type SignatureCheckPolicy,
  sampleSeed,
  sampleSize,
} from '../../shared/domain/signature-sampling.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { evidenceIds, pagesOf } from '../support/evidence.ts';
import { makeIin } from '../support/iins.ts';
import { messageProblems } from '../support/message-language.ts';

const SAMPLE: SignatureCheckPolicy = {
  method: 'sample',
  version: 1,
  sharePercent: 10,
  minimumLines: 10,
  qualifyAtPercent: 110,
  failBelowPercent: 95,
};
const FULL: SignatureCheckPolicy = { method: 'full-count', version: 1 };

/** Sheets as handed in: `count` lines, ten to a sheet, each of another signer. */
function handedIn(count: number): SignatureLine[] {
  return Array.from({ length: count }, (_, i) => ({
    sheet: Math.floor(i / 10) + 1,
    line: (i % 10) + 1,
    // Serials 20 apart: makeIin takes the next serial with a check digit, never the next line's.
    iin: makeIin('1975-03-04', 'female', 20 * i + 1),
    fullName: `Signer ${i + 1}`,
    birthDate: '1975-03-04',
    address: 'Aul, 1',
    signedOn: '2026-02-10',
    collector: 'Collector',
  }));
}

/**
 * A submission checked as the engine checks it: every line judged (`valid(i)`), the policy keeping the verdicts
 * of the lines it checks, the rest recorded unchecked; the verdict from `judgeCheck`, as the engine records it.
 */
function checked(policy: SignatureCheckPolicy, lines: SignatureLine[], valid: (i: number) => boolean) {
  const submissionId = submissionIdOf(evidenceIds.caseId, lines);
  const checkedAt =
    policy.method === 'sample'
      ? new Set(drawSample(sampleSeed(submissionId), lines.length, sampleSize(policy, lines.length)))
      : new Set(lines.keys());
  const recorded: RecordedSignatureLine[] = lines.map((line, i) => {
    const isChecked = checkedAt.has(i);
    const ok = isChecked && valid(i);
    return {
      ...line,
      submissionId,
      valid: ok,
      reason: !isChecked || ok ? null : 'SIGNER_NOT_ON_REGISTER',
      ...(isChecked ? {} : { checked: false as const }),
    };
  });
  return { submissionId, recorded };
}

/** The note the engine writes on SignaturesVerified for a verdict. */
function noteOf(
  submissionId: string,
  recorded: RecordedSignatureLine[],
  verdict: { validCount: number; required: number; sufficient: boolean; check: unknown },
) {
  return {
    submissionId,
    lineCount: recorded.length,
    linesDigest: linesDigest(recorded),
    validCount: verdict.validCount,
    shortfall: Math.max(0, verdict.required - verdict.validCount),
    required: verdict.required,
    sufficient: verdict.sufficient,
    check: verdict.check,
  };
}

/**
 * A whole, self-consistent pack of a self-nominee's case with one counted submission: every hash and digest made
 * from what it holds, so that nothing but the recomputation can tell a verdict the lines do not give.
 */
function packOf(recorded: RecordedSignatureLine[], note: ReturnType<typeof noteOf>) {
  let record = openCase(aSelfFiling(1), evidenceIds, {
    at: '2026-02-06T05:00:00.000Z',
    actor: { role: 'candidate', id: 'candidate-0001' },
  });
  const events: TrailEvent[] = [
    chainEvent(evidenceIds, record.lastEntry, 'event-1', null, recordDigest(record)),
  ];
  const changed = applyCaseEvent(
    record,
    { type: 'SignaturesVerified', sufficient: note.sufficient },
    { at: '2026-02-08T05:00:00.000Z', actor: { role: 'commission', id: '1952/tec-clerk' }, note },
  );
  record = {
    ...changed,
    version: changed.lastEntry.version,
    findings: { signatures: { validCount: note.validCount, required: note.required } },
  };
  const first = events[0];
  if (first === undefined) throw new Error('the filing comes first');
  events.push(chainEvent(evidenceIds, record.lastEntry, 'event-2', linkTo(first), recordDigest(record)));
  const last = events[1];
  if (last === undefined) throw new Error('the count comes second');
  return pagesOf({ record, events, lines: recorded, head: linkTo(last) });
}

/** An honest pack: the verdict the policy gives on the recorded lines, with 5,000 voters (50 required). */
function honestPack(policy: SignatureCheckPolicy, count: number, valid: (i: number) => boolean) {
  const { submissionId, recorded } = checked(policy, handedIn(count), valid);
  const counts = { validCount: recorded.filter((l) => l.valid).length, required: 50 };
  const judged = judgeCheck(policy, submissionId, recorded, counts);
  const note = noteOf(submissionId, recorded, {
    ...counts,
    sufficient: judged.sufficient,
    check: checkSummary(judged.check),
  });
  return { submissionId, recorded, note, judged };
}

const problemsOf = (pages: unknown[]) =>
  verifyEvidence(pages).problems.map(({ code, submissionId, seq }) => ({ code, submissionId, seq }));

describe('the evidence verifier recomputes each counted submission’s signature check', () => {
  it('catches a sample recorded as qualifying when its drawn lines fail, in an otherwise whole pack', () => {
    // Of the 10 lines drawn from 100, only 2 are valid: 20 projected of 50 required fails.
    const { submissionId, recorded, judged } = honestPack(SAMPLE, 100, (i) => i % 5 === 0);
    expect(judged.check.outcome).toBe('sample-fails');
    const forged = noteOf(submissionId, recorded, {
      validCount: recorded.filter((l) => l.valid).length,
      required: 50,
      sufficient: true,
      check: { ...checkSummary(judged.check), outcome: 'sample-qualifies' },
    });
    const verdict = verifyEvidence(packOf(recorded, forged));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBrokenLink).toBeNull();
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        code: 'SIGNATURE_CHECK_VERDICT_DIFFERS',
        seq: 2,
        submissionId,
        details: expect.objectContaining({
          recorded: { outcome: 'sample-qualifies', sufficient: true },
          recomputed: { outcome: 'sample-fails', sufficient: false },
        }),
      }),
    ]);
    expect(verdict.problems[0]?.message.ru).toContain('по выборке подписей недостаточно');
  });

  it('catches lines checked beyond the draw, and lines whose content no longer gives the seed', () => {
    const { submissionId, recorded } = honestPack(SAMPLE, 100, () => true);
    // A line left out of the draw given a verdict afterwards: the lines checked are no longer the seed's draw.
    const outOfDraw = recorded.findIndex((l) => l.checked === false);
    const cleaned = recorded.map((l, i) => {
      if (i !== outOfDraw) return l;
      const { checked: _unchecked, ...line } = l;
      return { ...line, valid: true };
    });
    const promotedNote = noteOf(submissionId, cleaned, {
      validCount: cleaned.filter((l) => l.valid).length,
      required: 50,
      sufficient: false,
      check: checkSummary(judgeCheck(SAMPLE, submissionId, recorded, { validCount: 10, required: 50 }).check),
    });
    expect(problemsOf(packOf(cleaned, promotedNote)).map((p) => p.code)).toContain(
      'SIGNATURE_CHECK_LINES_NOT_AS_POLICY',
    );
    // A signer swapped on one line, its digest made again: the submission's id, and so its seed, are not these.
    const swapped = recorded.map((l, i) => (i === 0 ? { ...l, fullName: 'Someone Else' } : l));
    const swappedNote = noteOf(submissionId, swapped, {
      validCount: swapped.filter((l) => l.valid).length,
      required: 50,
      sufficient: true,
      check: checkSummary(judgeCheck(SAMPLE, submissionId, recorded, { validCount: 10, required: 50 }).check),
    });
    expect(problemsOf(packOf(swapped, swappedNote)).map((p) => p.code)).toContain(
      'SIGNATURE_CHECK_CONTENT_CHANGED',
    );
  });

  it('catches a full count recorded as sufficient short of the threshold, and one with lines left unchecked', () => {
    const { submissionId, recorded, note } = honestPack(FULL, 60, (i) => i < 40);
    expect(note).toMatchObject({ validCount: 40, sufficient: false });
    const lied = { ...note, sufficient: true, shortfall: 0 };
    expect(problemsOf(packOf(recorded, lied))).toEqual([
      { code: 'SIGNATURE_CHECK_VERDICT_DIFFERS', submissionId, seq: 2 },
    ]);
    const skipped = recorded.map((l, i) =>
      i === 59 ? { ...l, valid: false, reason: null, checked: false as const } : l,
    );
    const skippedNote = noteOf(submissionId, skipped, {
      validCount: 40,
      required: 50,
      sufficient: false,
      check: note.check,
    });
    expect(problemsOf(packOf(skipped, skippedNote)).map((p) => p.code)).toContain(
      'SIGNATURE_CHECK_LINES_NOT_AS_POLICY',
    );
  });

  it('names a check it cannot read instead of passing it', () => {
    const { recorded, note } = honestPack(SAMPLE, 100, () => true);
    const unreadable = { ...note, check: { policy: { method: 'coin-toss' }, outcome: 'heads' } };
    expect(problemsOf(packOf(recorded, unreadable)).map((p) => p.code)).toEqual([
      'SIGNATURE_CHECK_UNREADABLE',
    ]);
  });

  it('passes an honest pack, sampled or counted in full, whatever the lines say', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(SAMPLE, FULL, { method: 'until-minimum', version: 1 } as const),
        fc.integer({ min: 20, max: 160 }),
        fc.array(fc.boolean(), { minLength: 160, maxLength: 160 }),
        (policy, count, validity) => {
          const { recorded, note, judged } = honestPack(policy, count, (i) => validity[i] ?? true);
          // A sample between the bands is counted in full before it is recorded: the engine never records that.
          fc.pre(!judged.needsAllLines);
          const verdict = verifyEvidence(packOf(recorded, note));
          expect(verdict.problems).toEqual([]);
          expect(verdict.ok).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds every flipped verdict in an honest pack', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(SAMPLE, FULL),
        fc.integer({ min: 20, max: 160 }),
        fc.array(fc.boolean(), { minLength: 160, maxLength: 160 }),
        (policy, count, validity) => {
          const { recorded, note, judged } = honestPack(policy, count, (i) => validity[i] ?? true);
          fc.pre(!judged.needsAllLines);
          const flipped = { ...note, sufficient: !note.sufficient };
          expect(problemsOf(packOf(recorded, flipped)).map((p) => p.code)).toContain(
            'SIGNATURE_CHECK_VERDICT_DIFFERS',
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says each finding whole in kk, ru and en, outcomes in words', () => {
    const details = {
      seq: 2,
      notChecked: 90,
      recorded: { outcome: 'sample-qualifies', sufficient: true },
      recomputed: { outcome: 'sample-fails', sufficient: false },
    };
    for (const code of Object.keys(
      evidenceSignatureCheckProblems,
    ) as (keyof typeof evidenceSignatureCheckProblems)[]) {
      expect(messageProblems(evidenceProblemText(code, details)), code).toEqual([]);
    }
  });
});
