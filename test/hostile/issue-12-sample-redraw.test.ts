// Issue 12 attacked: re-drawing a failed sample by sending the same signatures again on renumbered sheets.
// DEFECT: the new content is a new seed, the places are new, and the signers the first sample left unchecked
// are drawn and counted: a candidate who failed the sample re-draws until the draw is kind.
import { expect, it } from 'vitest';
import { answered } from '../support/engine.ts';
import { electionId, selfNominee } from '../support/hostile.ts';
import { linesFrom } from '../support/signers.ts';

/** 10 lines drawn whatever the size of the submission; 10,000 voters: 100 signatures required. */
const POLICY = { method: 'sample', sharePercent: 0, minimumLines: 10 } as const;

/*
 * WRONG: a sample's seed is the submission's content hash, and what a failed sample "spends" is its lines'
 * places (sheet, line): count-submission.ts `alreadySubmitted` is built from places only, and the ledger holds
 * only the drawn signers. The same 40 signatures on sheets numbered 11-12 instead of 1-2 are new content (a new
 * draw) on free places, so the 30 signers the first sample left unchecked are checked again and the newly drawn
 * ones count. The README promises the opposite ("the same sheets always draw the same lines and sheets edited to
 * draw again find every place taken"), and the issue asks that "nobody can re-draw".
 * SHOULD: a signer whose line a recorded submission of this case left unchecked is spent like its place: sent
 * again, on any sheet, the line is a repeat (counted nothing), so the case's count stays at the 10 first drawn.
 * FIXED (helper F1): `spentSigners` (signature-sampling.ts) gives count-submission.ts the signers of lines a
 * recorded submission left unchecked; sent again they are DUPLICATE_SIGNER naming that line.
 */
it('counts nothing more when the signatures of a failed sample are sent again on renumbered sheets', async () => {
  const { t, voters, caller, caseId } = await selfNominee(10_000, { signatureCheckPolicy: POLICY });
  const signers = voters.slice(100, 140);

  const first = answered(
    await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: linesFrom(signers) }),
  ) as { validCount: number; notChecked: number; check: { outcome: string } };
  await t.settled();
  expect(first).toMatchObject({ validCount: 10, notChecked: 30, check: { outcome: 'sample-fails' } });

  const renumbered = linesFrom(signers, '2026-02-08', 11);
  const second = answered(
    await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: renumbered }),
  ) as { validCount: number };
  await t.settled();

  expect(second.validCount).toBe(10);
  expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(10);
});
