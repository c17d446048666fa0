// Sheets handed in before the signatures deadline and still being counted when nomination closes: the close
// leaves the case waiting, and the submission's count decides it.
import { describe, expect, it } from 'vitest';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import { awaitStep } from '../../functions/support/await-step.ts';
import { electionId, gate, selfNominee, wrap } from '../support/hostile.ts';
import { linesFrom } from '../support/signers.ts';

describe('a submission received before the signatures deadline, counted across it', () => {
  it('does not end the case short of signatures it counted in time', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.advanceTo('2026-02-17T12:59:00.000Z');
    const counted = gate();
    const closed = gate();
    const slow = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        saveLines: async (...args: Parameters<typeof t.deps.signatures.saveLines>) => {
          counted.open();
          await closed.wait();
          return t.deps.signatures.saveLines(...args);
        },
      }),
    });
    // Thirteen valid signatures handed in a minute before the close (13 needed).
    const running = slow({
      caller,
      params: { electionId, caseId },
      body: { lines: linesFrom(voters.slice(0, 13), '2026-02-17') },
    }).catch((e: unknown) => e);
    await counted.wait();
    await t.advanceTo('2026-02-17T13:00:00.000Z');
    closed.open();
    const outcome = await running;
    await t.settled();

    const status = (await t.deps.cases.get(electionId, caseId)).status;
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(13);
    // The close left the case waiting for the count, which made it sufficient: not SignaturesInsufficient with
    // its 13 signatures on the ledger.
    expect({ status, outcome: outcome instanceof Error ? outcome.name : 'verdict' }).toEqual({
      status: expect.not.stringMatching(/^SignaturesInsufficient$/),
      outcome: 'verdict',
    });
  });

  it('does not end the case while a counted verdict is on its way to the trail', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.advanceTo('2026-02-17T12:59:00.000Z');
    const kept = gate();
    const closed = gate();
    const { submissions } = t.deps.signatures;
    // The verdict is kept as counted, and the request pauses before the case names it.
    const slow = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        submissions: wrap(submissions, {
          save: async (...args: Parameters<typeof submissions.save>) => {
            await submissions.save(...args);
            kept.open();
            await closed.wait();
          },
        }),
      }),
    });
    const running = slow({
      caller,
      params: { electionId, caseId },
      body: { lines: linesFrom(voters.slice(0, 13), '2026-02-17') },
    }).catch((e: unknown) => e);
    await kept.wait();
    await t.advanceTo('2026-02-17T13:00:00.000Z');
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingSignatures');
    closed.open();
    expect(await running).toMatchObject({ validCount: 13, sufficient: true });
    await t.settled();
    expect((await t.deps.cases.get(electionId, caseId)).status).not.toBe('SignaturesInsufficient');
  });

  it('keeps the wait open when the execution comes back to it past the deadline while sheets are counted', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.advanceTo('2026-02-17T12:59:00.000Z');
    const counting = gate();
    const closed = gate();
    const slow = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        saveLines: async (...args: Parameters<typeof t.deps.signatures.saveLines>) => {
          counting.open();
          await closed.wait();
          return t.deps.signatures.saveLines(...args);
        },
      }),
    });
    const running = slow({
      caller,
      params: { electionId, caseId },
      body: { lines: linesFrom(voters.slice(0, 13), '2026-02-17') },
    }).catch((e: unknown) => e);
    await counting.wait();
    await t.advanceTo('2026-02-17T13:00:00.000Z');
    // A restarted execution stores its wait again, past the deadline: it waits on, it does not end the case.
    const awaitSignatures = awaitStep('signatures')(t.deps);
    expect(await awaitSignatures({ electionId, caseId, taskToken: 'restarted-execution' })).toEqual({
      waiting: true,
    });
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingSignatures');
    closed.open();
    expect(await running).toMatchObject({ validCount: 13, sufficient: true });
  });
});
