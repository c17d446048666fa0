// Personal data reaching the trail, which is kept for good and read by callers who see no IINs.
import { describe, expect, it } from 'vitest';
import * as getCaseTimeline from '../../functions/get-case-timeline.ts';
import { akimat, commission } from '../support/engine.ts';
import { electionId, selfNominee } from '../support/hostile.ts';
import { linesFrom } from '../support/signers.ts';

/** Twelve digits in a row that are not part of a UUID. */
const iinLike = (text: string) => /\d{12}/.test(text.replace(/[0-9a-f-]{36}/g, ''));

describe('free text on the trail', () => {
  it('keeps a signer’s IIN in a refusal’s reasons out of the trail the akimat reads', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 13)) },
    );
    const signer = voters[3]?.iin ?? '';
    const decided = await t.operations
      .decideRegistration(
        commission,
        { electionId, caseId },
        {
          decision: 'refuse',
          grounds: ['documents-incomplete'],
          reasons: `The signature of voter ${signer} on sheet 1 was made by another hand.`,
        },
      )
      .then(
        () => 'taken',
        () => 'refused',
      );
    const timeline = await getCaseTimeline.createHandler(t.deps)({
      caller: akimat,
      params: { electionId, caseId },
      body: {},
    });
    // Reasons naming a signer by IIN are refused, so no IIN reaches the hash-chained trail, kept for good and
    // handed to the akimat (which sees no personal data) in the timeline.
    expect(decided === 'refused' || !iinLike(JSON.stringify(timeline))).toBe(true);
  });
});
