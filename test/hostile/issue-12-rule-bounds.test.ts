// Issue 12 attacked with malformed rules: the new deadlines' day counts have no upper bound.
import { describe, expect, it } from 'vitest';
import * as getElection from '../../functions/get-election.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, startTestEngine } from '../support/engine.ts';
import { electionId } from '../support/hostile.ts';

/*
 * WRONG: election-rules.ts takes `cancellationClosesDaysBefore` and `reinstatementClosesDaysBefore` as
 * `z.int().min(0)` with no maximum. An election called with 1,000,000,000 is stored; from then on every view of
 * a registered, refused or cancelled case computes its deadline (case-views.ts `deadlinesOf` →
 * `cancellationClosesAt` → local-date.ts `addDays`) beyond what a Date holds and throws RangeError: the commission's
 * registration decision is written but answered 500, and the case can no longer be read by anyone.
 * SHOULD: such a value is bad input: a structured error naming the field (in kk/ru/en), and no election is
 * called (a day count no larger than the calendar between calling and election day).
 */
describe('the day counts of the cancellation and reinstatement deadlines', () => {
  for (const rule of ['cancellationClosesDaysBefore', 'reinstatementClosesDaysBefore'] as const) {
    it(`refuses ${rule} of a billion days as bad input, and calls no election`, async () => {
      const t = await startTestEngine();
      const outcome = await t.operations
        .createElection(commission, {}, newElectionInput({}, { [rule]: 1_000_000_000 }))
        .catch((error: unknown) => error);
      expect(outcome).toMatchObject({
        name: 'ValidationError',
        issues: [expect.objectContaining({ field: expect.stringContaining(rule) })],
      });
      await expect(
        getElection.createHandler(t.deps)({ caller: commission, params: { electionId }, body: undefined }),
      ).rejects.toThrowError(expect.objectContaining({ name: 'NotFoundError' }));
    });
  }
});
