// Sheets handed in before the signatures deadline and still being counted when nomination closes: the close
// leaves the case waiting, and the submission's count decides it.
import { describe, expect, it } from 'vitest';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import { awaitStep } from '../../functions/support/await-step.ts';
import type { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { electionId, gate, selfNominee, wrap } from '../support/hostile.ts';
import { linesFrom } from '../support/signers.ts';

/** Where the submission pauses: once its lines are checked, or once its verdict is kept as counted. */
type PausePoint = 'counting' | 'verdict-kept';

function pausing(
  signatures: SignatureRepository,
  at: PausePoint,
  paused: () => void,
  release: Promise<void>,
) {
  if (at === 'counting') {
    return wrap(signatures, {
      saveLines: async (...args: Parameters<typeof signatures.saveLines>) => {
        paused();
        await release;
        return signatures.saveLines(...args);
      },
    });
  }
  const { submissions } = signatures;
  return wrap(signatures, {
    submissions: wrap(submissions, {
      save: async (...args: Parameters<typeof submissions.save>) => {
        await submissions.save(...args);
        paused();
        await release;
      },
    }),
  });
}

/**
 * Thirteen valid signatures (13 needed) handed in a minute before the close, paused at `at`, and the clock
 * moved to the close while they are counted. `finish` lets the submission go on and answers its outcome.
 */
async function handedInAMinuteBeforeTheClose(at: PausePoint) {
  const { t, voters, caller, caseId } = await selfNominee();
  await t.advanceTo('2026-02-17T12:59:00.000Z');
  const paused = gate();
  const released = gate();
  const slow = submitSignatures.createHandler({
    ...t.deps,
    signatures: pausing(t.deps.signatures, at, paused.open, released.wait()),
  });
  const running = slow({
    caller,
    params: { electionId, caseId },
    body: { lines: linesFrom(voters.slice(0, 13), '2026-02-17') },
  }).catch((e: unknown) => e);
  await paused.wait();
  await t.advanceTo('2026-02-17T13:00:00.000Z');
  const finish = async () => {
    released.open();
    const outcome = await running;
    await t.settled();
    return outcome;
  };
  return { t, caseId, finish };
}

describe('a submission received before the signatures deadline, counted across it', () => {
  it('does not end the case short of signatures it counted in time', async () => {
    const { t, caseId, finish } = await handedInAMinuteBeforeTheClose('counting');
    const outcome = await finish();

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
    const { t, caseId, finish } = await handedInAMinuteBeforeTheClose('verdict-kept');
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingSignatures');
    expect(await finish()).toMatchObject({ validCount: 13, sufficient: true });
    expect((await t.deps.cases.get(electionId, caseId)).status).not.toBe('SignaturesInsufficient');
  });

  it('keeps the wait open when the execution comes back to it past the deadline while sheets are counted', async () => {
    const { t, caseId, finish } = await handedInAMinuteBeforeTheClose('counting');
    // A restarted execution stores its wait again, past the deadline: it waits on, it does not end the case.
    const awaitSignatures = awaitStep('signatures')(t.deps);
    expect(await awaitSignatures({ electionId, caseId, taskToken: 'restarted-execution' })).toEqual({
      waiting: true,
    });
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingSignatures');
    expect(await finish()).toMatchObject({ validCount: 13, sufficient: true });
  });
});
