// Issue 11, item 1: a register import is a snapshot named by its content, replaced only while nomination is open.
import { describe, expect, it } from 'vitest';
import { RegisterAfterCloseError } from '../../shared/domain/errors.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar, startTestEngine } from '../support/engine.ts';
import { voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';

describe('importing the voter register', () => {
  it('takes the same list again as the same snapshot, a new one while nomination is open, none after', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const voters = voterRows(1236);
    const first = await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'list', voters },
    );
    expect(first.voterRegister).toMatchObject({ voters: 1236, importedAt: fixtureCalendar.nominationOpen });

    await t.advanceTo('2026-02-06T04:00:00.000Z');
    const again = await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'the same list, sent again', voters: [...voters].reverse() },
    );
    expect(again.voterRegister).toEqual(first.voterRegister);

    const longer = voterRows(1301);
    const replaced = await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'v2', voters: longer },
    );
    expect(replaced.voterRegister).toMatchObject({ voters: 1301, source: 'v2' });
    expect(replaced.voterRegister?.snapshotId).not.toBe(first.voterRegister?.snapshotId);

    // With no candidate by the close, nomination was extended: the register stays open until the extended close.
    await t.advanceTo(fixtureCalendar.extendedClose);
    const refused = await t.operations
      .importVoterRegister(commission, { electionId }, { source: 'late', voters })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RegisterAfterCloseError);
    expect((await t.deps.elections.get(electionId)).voterRegister).toEqual(replaced.voterRegister);
  });
});
