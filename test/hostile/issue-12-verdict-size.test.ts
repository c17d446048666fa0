// Issue 12 attacked against DynamoDB's real limit: an item holds at most 400 KB.
// DEFECT: a sample's verdict keeps every line it drew, so a large sample cannot be stored, and the submission's
// verdict is never recorded (the job fails after counting, every retry the same).
import { expect, it } from 'vitest';
import {
  drawSample,
  type JudgedLine,
  judgeCheck,
  SignatureCheckPolicySchema,
  sampleSeed,
} from '../../shared/domain/signature-sampling.ts';
import { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { createTestTable } from '../support/test-table.ts';

/*
 * WRONG: submission-verdict.ts `recordVerdict` saves the submission's verdict (`submissions.save`) with the whole
 * check, `sample.drawn` included: one {sheet, line} per drawn line (and the job keeps the same verdict as its
 * result). A sheet file may hold 100,000 lines (file-rows.ts MAX_ROWS, a 16 MiB upload); the list of a 20% sample
 * of it is already 399,527 bytes of the 409,600 an item may hold, and a 30%
 * sample (the policy allows up to 100%) is 600 KB: the PutItem is refused ("Item size has exceeded the maximum
 * allowed size"). Read from the code, not run here: the job's finish step then throws after every drawn signer
 * was counted on the ledger, is retried and recorded failed, the case never records the verdict, and the same
 * sheets sent again fail the same way.
 * SHOULD: the kept verdict stays well under 400 KB whatever the policy and the submission's size: the drawn lines
 * are given by the seed (the trail's note already keeps the check without them, `checkSummary`), or the policy's
 * draw is bounded so that its record fits.
 * FIXED (helper F1): `sample.drawn` is a base64 bitmap over the lines in sheet order (`packDrawn`): 12.5 KB for
 * 100,000 lines whatever the share.
 */
it('stores the verdict of a 30% sample of a 100,000-line submission', async () => {
  const policy = SignatureCheckPolicySchema.parse({ method: 'sample', sharePercent: 30 });
  const submissionId = 'a'.repeat(64);
  // As the engine records them: the drawn lines checked (and valid), the others not checked.
  const drawn = new Set(drawSample(sampleSeed(submissionId), 100_000, 30_000));
  const lines: JudgedLine[] = Array.from({ length: 100_000 }, (_, i) => ({
    sheet: 1 + Math.floor(i / 20),
    line: (i % 20) + 1,
    valid: drawn.has(i),
    ...(drawn.has(i) ? {} : { checked: false as const }),
  }));
  const judged = judgeCheck(policy, submissionId, lines, { validCount: 150, required: 200 });
  expect(judged.check).toMatchObject({ outcome: 'sample-qualifies', sample: { size: 30_000 } });

  const signatures = new SignatureRepository(await createTestTable());
  const record = {
    submissionId,
    receivedAt: '2026-02-10T05:00:00.000Z',
    lineCount: lines.length,
    state: 'counted' as const,
    verdict: {
      validCount: 30_150,
      required: 200,
      shortfall: 0,
      sufficient: true,
      rejectedCount: 0,
      reasons: {},
      crossCandidateSupport: 0,
      notChecked: judged.check.notChecked,
      check: judged.check,
    },
  };
  await expect(signatures.submissions.save('case-1', record)).resolves.toBeUndefined();
  expect(await signatures.submissions.find('case-1', submissionId)).toMatchObject({ state: 'counted' });
});
