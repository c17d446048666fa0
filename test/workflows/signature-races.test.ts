// Signature submissions racing each other, the deadline and a new register, and crashing half-way: every
// submission handed in on time gets its verdict on the trail, the case shows what the ledger counts, and every
// counted signature names a kept line.
import { describe, expect, it } from 'vitest';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import { SubmissionLimitReachedError } from '../../shared/domain/errors.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, startTestEngine } from '../support/engine.ts';
import { barrier, gate, wrap } from '../support/hostile.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';

const killed = async () => {
  throw new Error('killed');
};

/** An election with a register of 1,236 voters (13 signatures needed) and one self-nominee. */
async function selfNominee(rules?: Parameters<typeof newElectionInput>[1]) {
  const t = await startTestEngine();
  const voters = voterRows(1236);
  await t.operations.createElection(commission, {}, newElectionInput({}, rules));
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
  const filing = aSelfFiling(1);
  const caller = candidateCaller(filing.candidate.iin);
  const { caseId } = await t.operations.fileNomination(caller, { electionId }, filing);
  const request = (lines: SignatureLine[]) => ({ caller, params: { electionId, caseId }, body: { lines } });
  return { t, voters, caller, caseId, request };
}

/** An election where a voter may support one candidate only, with two self-nominees. */
async function twoRivals() {
  const t = await startTestEngine();
  const voters = voterRows(1236);
  await t.operations.createElection(commission, {}, newElectionInput({}, { multipleSupportAllowed: false }));
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'list', voters });
  const rival = async (n: number) => {
    const filing = aSelfFiling(n);
    const caller = candidateCaller(filing.candidate.iin);
    const { caseId } = await t.operations.fileNomination(caller, { electionId }, filing);
    const request = (lines: SignatureLine[]) => ({ caller, params: { electionId, caseId }, body: { lines } });
    return { caller, caseId, request };
  };
  return { t, voters, a: await rival(1), b: await rival(2) };
}

describe('two submissions of the same case racing to the threshold', () => {
  it('answers both submitters and names both submissions on the trail', async () => {
    // Each submission brings 7 distinct signers, so together they reach the 13 needed.
    const { t, voters, caseId, request } = await selfNominee();
    // Both count their signers before either reads the ledger's total to record it.
    const meet = barrier(2);
    const handlerWithBarrier = () => {
      let calls = 0;
      const ledger = wrap(t.deps.signatures.ledger, {
        countOf: async (id: string) => {
          calls += 1;
          if (calls === 2) await meet.arrive();
          return t.deps.signatures.ledger.countOf(id);
        },
      });
      return submitSignatures.createHandler({ ...t.deps, signatures: wrap(t.deps.signatures, { ledger }) });
    };

    const outcomes = await Promise.allSettled([
      handlerWithBarrier()(request(linesFrom(voters.slice(0, 7), '2026-02-08', 1))),
      handlerWithBarrier()(request(linesFrom(voters.slice(7, 14), '2026-02-08', 2))),
    ]);
    await t.settled();

    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(14);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual([
      'fulfilled',
      'fulfilled',
    ]);
    const stored = await t.deps.cases.withTrail(electionId, caseId);
    expect(stored.nominationCase.signatureSubmissions).toHaveLength(2);
    // The one recorded second finds the case moved on: its verdict is on the trail all the same.
    const [first, second] = stored.events.filter((e) => e.event === 'SignaturesVerified');
    expect(first).toMatchObject({ from: 'AwaitingSignatures', to: 'CheckingEligibility' });
    expect(second?.from).not.toBe('AwaitingSignatures');
    expect(second?.to).toBe(second?.from);
    expect([first?.note?.validCount, second?.note?.validCount]).toEqual([14, 14]);
  });

  it('records what the ledger counts when a count read earlier is recorded last', async () => {
    // The first reads the ledger's total (4) and stops before recording it; the second counts 5 more meanwhile.
    const { t, voters, caseId, request } = await selfNominee();
    const firstRead = gate();
    const secondDone = gate();
    let saves = 0;
    const paused = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        submissions: wrap(t.deps.signatures.submissions, {
          save: async (...args: Parameters<typeof t.deps.signatures.submissions.save>) => {
            saves += 1;
            if (saves === 1) {
              firstRead.open();
              await secondDone.wait();
            }
            return t.deps.signatures.submissions.save(...args);
          },
        }),
      }),
    });
    const plain = submitSignatures.createHandler(t.deps);

    const running = paused(request(linesFrom(voters.slice(0, 4), '2026-02-08', 1)));
    await firstRead.wait();
    const later = await plain(request(linesFrom(voters.slice(4, 9), '2026-02-08', 2)));
    secondDone.open();
    const earlier = await running;
    await t.settled();

    const ledgerCount = await t.deps.signatures.ledger.countOf(caseId);
    expect(ledgerCount).toBe(9);
    expect(later).toMatchObject({ validCount: 9 });
    // What the answer, the case and the trail say is the ledger's count when it was recorded.
    expect(earlier).toMatchObject({ validCount: 9, shortfall: 4 });
    const stored = await t.deps.cases.withTrail(electionId, caseId);
    expect(stored.nominationCase.findings.signatures).toMatchObject({ validCount: ledgerCount });
    expect(stored.events.at(-1)?.note).toMatchObject({ validCount: ledgerCount });
  });
});

describe('a submission that crashes half-way', () => {
  it('never counts a signer whose line no one can see, and counts corrected sheets sent instead', async () => {
    const { t, voters, caseId, caller } = await selfNominee();
    // The process dies after counting three of its six signers (the counts run side by side: the three that
    // were sent land before it dies).
    const landed: Promise<unknown>[] = [];
    const crashing = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        ledger: wrap(t.deps.signatures.ledger, {
          count: async (...args: Parameters<typeof t.deps.signatures.ledger.count>) => {
            if (landed.length >= 3) {
              await Promise.all(landed);
              throw new Error('killed');
            }
            const counted = t.deps.signatures.ledger.count(...args);
            landed.push(counted);
            return counted;
          },
        }),
      }),
    });
    await expect(
      crashing({ caller, params: { electionId, caseId }, body: { lines: linesFrom(voters.slice(0, 6)) } }),
    ).rejects.toThrow('killed');
    const iins = voters.slice(0, 7).map((v) => v.iin);
    // Every counted signature names a kept line that counts it.
    const everyEntryHasItsLine = async () => {
      const lines = await t.deps.signatures.listLines(caseId);
      const ledger = await t.deps.signatures.ledger.entriesFor(caseId, iins);
      return [...ledger].every(([iin, at]) =>
        lines.some(
          (l) =>
            l.valid &&
            l.iin === iin &&
            l.submissionId === at.submissionId &&
            l.sheet === at.sheet &&
            l.line === at.line,
        ),
      );
    };
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(3);
    expect(await everyEntryHasItsLine()).toBe(true);

    // The candidate does not send the same sheets again, but a corrected set (one line fixed, one added).
    const corrected = linesFrom(voters.slice(0, 7)).map((l, i) =>
      i === 0 ? { ...l, collector: 'Fixed' } : l,
    );
    const verdict = await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: corrected });
    expect(verdict).toMatchObject({ validCount: 7, reasons: { DUPLICATE_SIGNER: 3 } });
    expect(await everyEntryHasItsLine()).toBe(true);

    // The crashed sheets sent again after all: the signers they counted first stay theirs, nobody is lost.
    const retried = await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 6)) },
    );
    expect(retried).toMatchObject({ validCount: 7, rejectedCount: 3, reasons: { DUPLICATE_LINE: 3 } });
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(7);
    expect(await everyEntryHasItsLine()).toBe(true);
  });

  it('does not charge a retry of a crashed submission another place in the day’s bound', async () => {
    const { t, voters, caller, caseId, request } = await selfNominee({ signatureSubmissionsPerDay: 1 });
    const sheets = linesFrom(voters.slice(0, 13));
    // The process dies after counting every signer, before the verdict is kept.
    const crashing = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        submissions: wrap(t.deps.signatures.submissions, { save: killed }),
      }),
    });
    await expect(crashing(request(sheets))).rejects.toThrow('killed');
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(13);

    const retried = await t.operations
      .submitSignatures(caller, { electionId, caseId }, { lines: sheets })
      .catch((e: unknown) => e);
    expect(retried).not.toBeInstanceOf(SubmissionLimitReachedError);
    expect(retried).toMatchObject({ validCount: 13, sufficient: true });
    expect((await t.deps.cases.get(electionId, caseId)).submissionsOfDay?.count).toBe(1);
    // Other sheets are still refused: the bound holds.
    const other = await t.operations
      .submitSignatures(
        caller,
        { electionId, caseId },
        { lines: linesFrom(voters.slice(20, 21), '2026-02-08', 9) },
      )
      .catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Error);
  });
});

describe('sheets handed in before the signatures deadline, counted across it', () => {
  it('records their verdict on the trail though the close moved the case on while they were counted', async () => {
    const { t, voters, caseId, request } = await selfNominee();
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
    // Thirteen valid signatures handed in a minute before the close (13 needed).
    const running = slow(request(linesFrom(voters.slice(0, 13), '2026-02-17'))).catch((e: unknown) => e);
    await counting.wait();
    await t.advanceTo('2026-02-17T13:00:00.000Z');
    closed.open();
    const outcome = await running;
    await t.settled();

    expect(outcome).toMatchObject({ validCount: 13, sufficient: true });
    const stored = await t.deps.cases.withTrail(electionId, caseId);
    expect(stored.nominationCase.signatureSubmissions).toHaveLength(1);
    expect(stored.nominationCase.findings.signatures).toMatchObject({ validCount: 13 });
    const verified = stored.events.filter((e) => e.event === 'SignaturesVerified');
    expect(verified).toHaveLength(1);
    expect(verified[0]?.note).toMatchObject({ validCount: 13, receivedAt: '2026-02-17T12:59:00.000Z' });
    // A transition while the case collected signatures; once the close has ended it, an entry that changes nothing.
    const [event] = verified;
    if (event?.from !== 'AwaitingSignatures') expect(event?.to).toBe(event?.from);
  });

  it('completes after the deadline a crashed submission handed in before it', async () => {
    const { t, voters, caller, caseId, request } = await selfNominee();
    await t.advanceTo('2026-02-17T12:59:00.000Z');
    const sheets = linesFrom(voters.slice(0, 13), '2026-02-17');
    const crashing = submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        submissions: wrap(t.deps.signatures.submissions, { save: killed }),
      }),
    });
    await expect(crashing(request(sheets))).rejects.toThrow('killed');
    await t.advanceTo('2026-02-17T13:05:00.000Z');

    const retried = await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: sheets });
    expect(retried).toMatchObject({ validCount: 13, sufficient: true });
    const stored = await t.deps.cases.withTrail(electionId, caseId);
    expect(stored.nominationCase.signatureSubmissions).toHaveLength(1);
    expect(stored.events.filter((e) => e.event === 'SignaturesVerified').map((e) => e.note)).toMatchObject([
      { validCount: 13, receivedAt: '2026-02-17T12:59:00.000Z' },
    ]);
    // New sheets after the deadline are refused as before.
    const late = await t.operations
      .submitSignatures(
        caller,
        { electionId, caseId },
        { lines: linesFrom(voters.slice(20, 21), '2026-02-17', 5) },
      )
      .catch((e: unknown) => e);
    expect(late).toBeInstanceOf(Error);
  });

  it('ends the wait itself when a short count left open past the deadline is recorded, and not a sufficient one', async () => {
    const run = async (signers: number) => {
      const { t, voters, caseId, request } = await selfNominee();
      t.clock.set('2026-02-17T12:59:00.000Z');
      // The deadline passes while the sheets are counted, and no close has ended the wait (it runs late).
      const slow = submitSignatures.createHandler({
        ...t.deps,
        signatures: wrap(t.deps.signatures, {
          saveLines: async (...args: Parameters<typeof t.deps.signatures.saveLines>) => {
            t.clock.set('2026-02-17T13:01:00.000Z');
            return t.deps.signatures.saveLines(...args);
          },
        }),
      });
      await slow(request(linesFrom(voters.slice(0, signers), '2026-02-17')));
      await t.settled();
      return (await t.deps.cases.get(electionId, caseId)).status;
    };
    expect(await run(5)).toBe('SignaturesInsufficient');
    expect(await run(13)).toBe('AwaitingRegistrationDecision');
  });
});

describe('an exclusive election where a submission crashes between holding its voters and counting them', () => {
  // Every signer held, then the process dies before any is counted (once all five holds have landed: they run
  // side by side, and a request that dies leaves none half sent).
  const crashingAtCount = (t: Awaited<ReturnType<typeof twoRivals>>['t']) => {
    const allHeld = barrier(5);
    return submitSignatures.createHandler({
      ...t.deps,
      signatures: wrap(t.deps.signatures, {
        ledger: wrap(t.deps.signatures.ledger, {
          count: async () => {
            await allHeld.arrive();
            return killed();
          },
        }),
      }),
    });
  };

  it('completes the count when the same sheets are sent again', async () => {
    const { t, voters, a, b } = await twoRivals();
    const sheets = linesFrom(voters.slice(0, 5));
    await expect(crashingAtCount(t)(a.request(sheets))).rejects.toThrow('killed');

    const retried = await t.operations.submitSignatures(
      a.caller,
      { electionId, caseId: a.caseId },
      { lines: sheets },
    );
    expect(retried).toMatchObject({ validCount: 5 });
    const rival = await t.operations.submitSignatures(
      b.caller,
      { electionId, caseId: b.caseId },
      { lines: sheets },
    );
    expect(rival).toMatchObject({ validCount: 0, reasons: { SUPPORTS_ANOTHER_CANDIDATE: 5 } });
  });

  it('frees the voters a crashed count held once no request of it can still be running', async () => {
    const { t, voters, a, b } = await twoRivals();
    const sheets = linesFrom(voters.slice(0, 5));
    await expect(crashingAtCount(t)(a.request(sheets))).rejects.toThrow('killed');
    expect(await t.deps.signatures.ledger.countOf(a.caseId)).toBe(0);

    // At once, the hold may be a count still under way: the rival does not get the voters.
    const early = await t.operations.submitSignatures(
      b.caller,
      { electionId, caseId: b.caseId },
      { lines: sheets },
    );
    expect(early).toMatchObject({ validCount: 0, reasons: { SUPPORTS_ANOTHER_CANDIDATE: 5 } });

    // Past the lease (longer than any request runs), a hold never counted keeps the voters from no one.
    t.clock.set('2026-02-05T04:20:00.000Z');
    const later = await t.operations.submitSignatures(
      b.caller,
      { electionId, caseId: b.caseId },
      { lines: linesFrom(voters.slice(0, 5), '2026-02-05', 2) },
    );
    expect(later).toMatchObject({ validCount: 5 });
    // The crashed submission, sent again after all, finds its voters with the rival.
    const retried = await t.operations.submitSignatures(
      a.caller,
      { electionId, caseId: a.caseId },
      { lines: sheets },
    );
    expect(retried).toMatchObject({ validCount: 0, reasons: { SUPPORTS_ANOTHER_CANDIDATE: 5 } });
    const support = await t.deps.signatures.supportOf(
      electionId,
      voters.slice(0, 5).map((v) => v.iin),
    );
    expect([...support.values()].every((cases) => cases.size === 1 && cases.has(b.caseId))).toBe(true);
    expect(await t.deps.signatures.ledger.countOf(a.caseId)).toBe(0);
  });
});

describe('a register replaced while a submission is being counted', () => {
  it('leaves no signer counted who is not on the election’s register', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 5)) },
    );

    // The submission has checked its signers on the old list; the commission then imports a list without voter 7.
    const checked = gate();
    const imported = gate();
    const submit = submitSignatures.createHandler({
      ...t.deps,
      voters: wrap(t.deps.voters, {
        registeredAmong: async (...args: Parameters<typeof t.deps.voters.registeredAmong>) => {
          const found = await t.deps.voters.registeredAmong(...args);
          checked.open();
          await imported.wait();
          return found;
        },
      }),
    });
    const running = submit({
      caller,
      params: { electionId, caseId },
      body: { lines: linesFrom(voters.slice(5, 10), '2026-02-08', 2) },
    });
    await checked.wait();
    const corrected = voters.filter((_, i) => i !== 7);
    await t.operations.importVoterRegister(
      commission,
      { electionId },
      { source: 'corrected', voters: corrected },
    );
    imported.open();
    const verdict = await running;
    await t.settled();

    const election = await t.deps.elections.get(electionId);
    const current = await t.deps.voters.membership(electionId, election.voterRegister?.snapshotId ?? '');
    const counted = await t.deps.signatures.ledger.signersOf(caseId);
    expect(counted.filter((iin) => !current.has(iin))).toEqual([]);
    expect(verdict).toMatchObject({
      validCount: 9,
      rejected: [{ sheet: 2, line: 3, reason: 'SIGNER_NOT_ON_REGISTER' }],
    });
    expect((await t.deps.cases.get(electionId, caseId)).signaturesCountedOn).toBe(
      election.voterRegister?.snapshotId,
    );
  });
});
