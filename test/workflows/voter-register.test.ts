// Issue 11, item 1: a register import is a snapshot named by its content, replaced only while nomination is open.
import { describe, expect, it } from 'vitest';
import * as importVoterRegister from '../../functions/import-voter-register.ts';
import { RegisterAfterCloseError } from '../../shared/domain/errors.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar, startTestEngine } from '../support/engine.ts';
import { gate, wrap } from '../support/hostile.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';

/** An election with a register of `voterCount` voters and one self-nominee; `rules` as the election's. */
async function selfNominee(voterCount = 1236, rules?: Parameters<typeof newElectionInput>[1]) {
  const t = await startTestEngine();
  const voters = voterRows(voterCount);
  await t.operations.createElection(commission, {}, newElectionInput({}, rules));
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
  const filing = aSelfFiling(1);
  const caller = candidateCaller(filing.candidate.iin);
  const { caseId } = await t.operations.fileNomination(caller, { electionId }, filing);
  return { t, voters, caller, caseId };
}

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

describe('a corrected register', () => {
  it('counts a signer refused as not on the list once the corrected list includes them', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    const [missing] = voterRows(1, 5000);
    if (missing === undefined) throw new Error('fixture');
    const sheets = linesFrom([...voters.slice(0, 5), missing]);
    const first = await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: sheets });
    expect(first).toMatchObject({ validCount: 5, reasons: { SIGNER_NOT_ON_REGISTER: 1 } });

    // The commission finds the omission and imports the list with the voter on it.
    await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'corrected', voters: [...voters, missing] },
    );
    expect(await t.deps.signatures.ledger.entriesFor(caseId, [missing.iin])).toEqual(
      new Map([[missing.iin, { submissionId: expect.any(String), sheet: 1, line: 6 }]]),
    );
    const recounted = await t.deps.cases.withTrail(electionId, caseId);
    expect(recounted.events.at(-1)).toMatchObject({
      event: 'SignaturesVerified',
      note: { reason: 'register-replaced', removed: 0, added: 1, validCount: 6 },
    });
    expect(recounted.nominationCase.findings.signatures).toMatchObject({ validCount: 6, addedByRecount: 1 });
    // The line keeps the verdict it was given (the trail names it by digest); the recount says what changed.
    const [line] = (await t.deps.signatures.listLines(caseId)).filter((l) => l.iin === missing.iin);
    expect(line).toMatchObject({ valid: false, reason: 'SIGNER_NOT_ON_REGISTER' });

    // The same sheets again, or the line alone, count nothing more.
    await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: sheets });
    await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: sheets.slice(5) });
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(6);
  });

  it('counts again a signer one list struck off and the next lists again, at their line', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 5)) },
    );
    const without = voters.filter((_, i) => i !== 2);
    await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'without', voters: without },
    );
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(4);

    await t.operations.importVoterRegister(commission, { electionId }, { source: 'with', voters });
    expect(await t.deps.signatures.ledger.entriesFor(caseId, [voters[2]?.iin ?? ''])).toEqual(
      new Map([[voters[2]?.iin, { submissionId: expect.any(String), sheet: 1, line: 3 }]]),
    );
    expect((await t.deps.cases.withTrail(electionId, caseId)).events.at(-1)).toMatchObject({
      note: { removed: 0, added: 1, validCount: 5 },
    });
  });

  it('does not count a listed signer whom another candidate holds, where a voter may support one only', async () => {
    const { t, voters, caller, caseId } = await selfNominee(1236, { multipleSupportAllowed: false });
    const [listedLater] = voterRows(1, 5000);
    if (listedLater === undefined) throw new Error('fixture');
    const filing = aSelfFiling(2);
    const other = candidateCaller(filing.candidate.iin);
    const { caseId: otherCase } = await t.operations.fileNomination(other, { electionId }, filing);
    // The voter signs for the other candidate while listed; a list without them strikes the signature off.
    await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'with', voters: [...voters, listedLater] },
    );
    await t.operations.submitSignatures(
      other,
      { electionId, caseId: otherCase },
      { lines: linesFrom([listedLater]) },
    );
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'without', voters });
    // Then they sign for this candidate, refused as not listed.
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom([...voters.slice(0, 1), listedLater]) },
    );

    await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'with again', voters: [...voters, listedLater, ...voterRows(1, 6000)] },
    );
    expect(await t.deps.signatures.ledger.signersOf(caseId)).not.toContain(listedLater.iin);
    expect(await t.deps.signatures.ledger.signersOf(otherCase)).toEqual([listedLater.iin]);
  });
});

describe('two register imports racing', () => {
  it('does not recount on a list that another import has already replaced', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 10)) },
    );

    // Two clerks import two lists at once: A (without voter 3) lands first, B (everyone, plus one) last.
    const listA = voters.filter((_, i) => i !== 3);
    const listB = [...voters, ...voterRows(1, 5000)];
    const recountStarted = gate();
    const otherDone = gate();
    let calls = 0;
    const importA = importVoterRegister.createHandler({
      ...t.deps,
      voters: wrap(t.deps.voters, {
        membership: async (...args: Parameters<typeof t.deps.voters.membership>) => {
          calls += 1;
          if (calls === 1) {
            recountStarted.open();
            await otherDone.wait();
          }
          return t.deps.voters.membership(...args);
        },
      }),
    });
    const runningA = importA({
      caller: commission,
      params: { electionId },
      body: { source: 'A', voters: listA },
    });
    await recountStarted.wait();
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'B', voters: listB });
    otherDone.open();
    await runningA;
    await t.settled();

    const election = await t.deps.elections.get(electionId);
    expect(election.voterRegister?.source).toBe('B');
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(10);
    expect((await t.deps.cases.get(electionId, caseId)).signaturesCountedOn).toBe(
      election.voterRegister?.snapshotId,
    );
  });

  it('puts right on the list in force a ledger the older import changed after that list was counted', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 10)) },
    );

    // A's recount reads the case's ledger, then waits while B is imported and counted; only then strikes voter 3.
    const listA = voters.filter((_, i) => i !== 3);
    const listB = [...voters, ...voterRows(1, 5000)];
    const ledgerRead = gate();
    const otherDone = gate();
    const { ledger } = t.deps.signatures;
    const importA = importVoterRegister.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        ledger: wrap(ledger, {
          signersOf: async (...args: Parameters<typeof ledger.signersOf>) => {
            const signers = await ledger.signersOf(...args);
            ledgerRead.open();
            await otherDone.wait();
            return signers;
          },
        }),
      }),
    });
    const runningA = importA({
      caller: commission,
      params: { electionId },
      body: { source: 'A', voters: listA },
    });
    await ledgerRead.wait();
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'B', voters: listB });
    otherDone.open();
    await runningA;
    await t.settled();

    const election = await t.deps.elections.get(electionId);
    expect(election.voterRegister?.source).toBe('B');
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(10);
    const recounted = await t.deps.cases.get(electionId, caseId);
    expect(recounted.signaturesCountedOn).toBe(election.voterRegister?.snapshotId);
    expect(recounted.findings.signatures).toMatchObject({ validCount: 10 });
  });

  it('leaves a case counted on the old list for the recount when more sheets come before it ran', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const voters = voterRows(1236);
    const first = await t.operations.importVoterRegister(commission, { electionId }, { source: 'A', voters });
    const filing = aSelfFiling(1);
    const caller = candidateCaller(filing.candidate.iin);
    const { caseId } = await t.operations.fileNomination(caller, { electionId }, filing);
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 10)) },
    );

    // A corrected list without the first signer; its recount dies before it reaches the case.
    const { ledger } = t.deps.signatures;
    const cut = importVoterRegister.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        ledger: wrap(ledger, {
          signersOf: async () => {
            throw new Error('killed');
          },
        }),
      }),
    });
    const corrected = voters.slice(1);
    await expect(
      cut({ caller: commission, params: { electionId }, body: { source: 'B', voters: corrected } }),
    ).rejects.toThrow('killed');

    // More sheets, counted on the new list: the case still says it was counted on the old one.
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(20, 22), '2026-02-08', 3) },
    );
    const counted = await t.deps.cases.get(electionId, caseId);
    expect(counted.signaturesCountedOn).toBe(first.voterRegister?.snapshotId);
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(12);

    // The close finishes the recount: the signer no longer listed is counted no more.
    await t.advanceTo(fixtureCalendar.nominationClose);
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(11);
  });
});
