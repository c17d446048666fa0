// Issue 12 attacked: choosing the sample. The seed is the submission's content hash, and the candidate writes
// the content: the draw can be computed before the sheets are handed in, and re-rolled offline at will.
// DEFECT: 40 genuine signatures, where 50 are required, qualify a candidate by projection under the default sample.
import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import * as getElection from '../../functions/get-election.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { submissionIdOf } from '../../shared/domain/signature-record.ts';
import {
  drawSample,
  inSheetOrder,
  sampleSeed,
  samplingKeyCommitment,
} from '../../shared/domain/signature-sampling.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { answered, type TestEngine } from '../support/engine.ts';
import { electionId, selfNominee } from '../support/hostile.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

/** The default sample: 3% or 500 lines, ≥ 110% projected qualifies, < 95% fails. */
const POLICY = { method: 'sample' } as const;

/*
 * WRONG: signature-sampling.ts `sampleSeed(submissionId)`, the submission's id being `submissionIdOf(caseId,
 * lines)`: every input is the candidate's (the case id is on their own case, the code is public). Changing any
 * byte nobody checks (a collector's name on a line that will be refused anyway) gives a fresh draw, so the
 * candidate tries variants offline until the draw falls on the genuine lines, then hands in that one. "Nobody can
 * re-draw" holds for the commission only. Here: 40 genuine signers and 1,960 lines of people not on the register;
 * 500 lines drawn of 2,000; a draw holding 14 of the 40 projects 56 ≥ 110% of 50 and the case is sufficient.
 * (Padding alone gives a fair draw the chance too: the projection multiplies the few drawn by 2,000/500.)
 * SHOULD: the draw is fixed only after the sheets are handed in, by something the submitter cannot know or choose
 * beforehand (e.g. the content hash combined with a value the engine commits to at receipt and reveals with the
 * verdict), so that a submission with fewer valid signatures than required cannot be made to qualify by choosing
 * its draw; and the case is not sufficient with 40 of 50.
 */
/*
 * FIXED (issue 12, helper F1): the seed is HMAC-SHA256 of the election's sampling key (32 random bytes made when
 * it is called, kept on its record only, its SHA-256 shown) and the submission's id. The candidate can still
 * grind, but only against a seed they can compute, which is not the engine's. Test adjusted for that: over
 * random keys the chosen sheets qualify only as often as any such sheets do (about 1 in 10 here: the sampling
 * error the default bands accept with 2,000 lines of which 40 genuine, not the candidate's doing), which the test
 * measures; for the run through the engine the key is set to a fixed value the candidate does not know, one of
 * the nine in ten for which these sheets do not qualify (found after the sheets are chosen, the case id being new
 * at each run), to keep the outcome reproducible. With the old
 * content-only seed the same sheets qualify every time.
 */
/**
 * A key the candidate does not know, one of the nine in ten under which the chosen sheets do not qualify. Chosen
 * after the sheets: the case id is new at each run, so a fixed key would be one of those only nine runs in ten.
 */
function keyUnknownToTheCandidate(chosenId: string): string {
  for (let i = 0; i < 1_000; i += 1) {
    const key = createHash('sha256').update(`a key of the engine's ${i}`).digest('hex');
    if (genuineDrawn(sampleSeed(chosenId, key)) < 14) return key;
  }
  throw new Error('no key leaves these sheets short');
}

/** How many of the 500 lines drawn from 2,000 by `seed` are among the first 40 (the genuine ones). */
const genuineDrawn = (seed: string) => drawSample(seed, 2_000, 500).filter((i) => i < 40).length;

/** The election as the candidate reads it (getElection: public). */
async function electionAsRead(t: TestEngine, caller: Caller) {
  const read = getElection.createHandler(t.deps);
  return (await read({ caller, params: { electionId }, body: {} })) as Record<string, unknown>;
}

it('does not let a candidate with 40 of the 50 signatures required choose a draw that qualifies', async () => {
  const { t, voters, caller, caseId } = await selfNominee(5_000, { signatureCheckPolicy: POLICY });
  const shown = (await electionAsRead(t, caller)).samplingKeyCommitment;
  const genuine = linesFrom(voters.slice(0, 40), '2026-02-08', 1);
  const padding = linesFrom(voterRows(1_960, 50_000), '2026-02-08', 3);

  // Offline, before handing anything in: re-roll the draw by renaming one padding line's collector.
  let chosen: SignatureLine[] = [];
  for (let attempt = 0; attempt < 5_000 && chosen.length === 0; attempt += 1) {
    const lines = inSheetOrder([
      ...genuine,
      ...padding.map((l, i) => (i === 0 ? { ...l, collector: `Collector ${attempt}` } : l)),
    ]);
    const drawn = drawSample(sampleSeed(submissionIdOf(caseId, lines)), lines.length, 500);
    if (drawn.filter((i) => i < genuine.length).length >= 14) chosen = lines;
  }
  expect(chosen).toHaveLength(2_000);
  // The choice gives nothing under keys the candidate does not know: over 400 of them the chosen sheets draw 14
  // genuine lines about as often as chance gives any sheets (≈ 10%), never always, as they did before.
  const keys = Array.from({ length: 400 }, () => randomBytes(32).toString('hex'));
  const chosenId = submissionIdOf(caseId, chosen);
  const KEY_UNKNOWN_TO_THE_CANDIDATE = keyUnknownToTheCandidate(chosenId);
  await t.deps.elections.update(electionId, (e) => ({ ...e, samplingKey: KEY_UNKNOWN_TO_THE_CANDIDATE }));
  expect(genuineDrawn(sampleSeed(chosenId))).toBeGreaterThanOrEqual(14);
  const qualifying = keys.filter((key) => genuineDrawn(sampleSeed(chosenId, key)) >= 14).length;
  expect(qualifying).toBeLessThan(80);
  // The election shows a commitment to its key, never the key.
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(await electionAsRead(t, caller))).not.toContain(KEY_UNKNOWN_TO_THE_CANDIDATE);

  const verdict = answered(
    await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: chosen }),
  ) as { validCount: number; required: number; sufficient: boolean; check: { sample: { seed: string } } };
  await t.settled();

  // The draw was seeded by the key, not by what the candidate could compute.
  expect(verdict.check.sample.seed).toBe(sampleSeed(chosenId, KEY_UNKNOWN_TO_THE_CANDIDATE));
  expect(verdict.check.sample.seed).not.toBe(sampleSeed(chosenId));
  expect((await electionAsRead(t, caller)).samplingKeyCommitment).toBe(
    samplingKeyCommitment(KEY_UNKNOWN_TO_THE_CANDIDATE),
  );

  expect(verdict.required).toBe(50);
  expect(verdict.sufficient).toBe(false);
  expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingSignatures');
});
