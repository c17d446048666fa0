// Issue 11, item 1: a register import is a snapshot named by its content, replaced only while nomination is open.
import { describe, expect, it } from 'vitest';
import { RegisterAfterCloseError } from '../../shared/domain/errors.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar, startTestEngine } from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

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

  it('counts the signatures again on a new list: gone signers off, a case that now has enough moves on', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const voters = voterRows(1236); // 13 signatures needed
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'list', voters });
    const file = async (serial: number, signers: typeof voters) => {
      const filing = aSelfFiling(serial);
      const caller = candidateCaller(filing.candidate.iin);
      const { caseId } = await t.operations.fileNomination(caller, { electionId }, filing);
      await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: linesFrom(signers) });
      return caseId;
    };
    const enough = await file(1, voters.slice(0, 13));
    const short = await file(2, voters.slice(20, 30));
    const statusOf = async (caseId: string) => (await t.deps.cases.get(electionId, caseId)).status;
    expect([await statusOf(enough), await statusOf(short)]).toEqual([
      'AwaitingRegistrationDecision',
      'AwaitingSignatures',
    ]);

    // The new list has 1,000 voters (10 needed) and leaves out the first case's first two signers.
    const newList = voters.slice(2, 1002);
    await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'corrected list', voters: newList },
    );
    expect(await t.deps.signatures.ledger.countOf(enough)).toBe(11);
    expect(await statusOf(enough)).toBe('AwaitingRegistrationDecision');
    expect((await t.deps.cases.get(electionId, enough)).findings.signatures).toMatchObject({
      validCount: 11,
      required: 10,
      sufficient: true,
      removedByRecount: 2,
    });
    const recounted = (await t.deps.cases.withTrail(electionId, enough)).events.at(-1);
    expect(recounted).toMatchObject({
      event: 'SignaturesRecounted',
      from: 'AwaitingRegistrationDecision',
      to: 'AwaitingRegistrationDecision',
      actor: { role: 'engine' },
      note: { reason: 'register-replaced', removed: 2, validCount: 11, shortfall: 0 },
    });
    expect(await statusOf(short)).toBe('AwaitingRegistrationDecision');

    // The same list again recounts nothing more.
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'again', voters: newList });
    expect((await t.deps.cases.withTrail(electionId, enough)).events.at(-1)).toEqual(recounted);
  });
});
