import { beforeEach, describe, expect, it } from 'vitest';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import {
  candidateCaller,
  commission,
  fixtureCalendar,
  partyCaller,
  startTestEngine,
  type TestEngine,
} from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';
const voters = voterRows(1236); // 1% of 1,236 voters: 13 signatures

let t: TestEngine;

beforeEach(async () => {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
});

async function fileSelf(serial: number) {
  const filing = aSelfFiling(serial);
  const filed = await t.operations.fileNomination(
    candidateCaller(filing.candidate.iin),
    { electionId },
    filing,
  );
  return { caseId: filed.caseId, caller: candidateCaller(filing.candidate.iin) };
}

const statusOf = async (caseId: string) => (await t.deps.cases.get(electionId, caseId)).status;

describe('nomination case workflow: the self-nomination route', () => {
  it('moves on once valid signatures reach 1% of the register, and registers', async () => {
    const { caseId, caller } = await fileSelf(1);
    const verdict = await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 13)) },
    );
    expect(verdict).toMatchObject({
      validCount: 13,
      required: 13,
      shortfall: 0,
      sufficient: true,
      rejected: [],
    });
    expect(await statusOf(caseId)).toBe('AwaitingRegistrationDecision');

    await t.operations.decideRegistration(
      commission,
      { electionId, caseId },
      { decision: 'register', checks: checksPassed },
    );
    expect(await statusOf(caseId)).toBe('Registered');
  });

  it('reports the shortfall with each rejected line, and keeps waiting for more sheets', async () => {
    const { caseId, caller } = await fileSelf(2);
    const lines = linesFrom(voters.slice(0, 12));
    const stranger = linesFrom(voterRows(1, 5000), '2026-02-08', 9)[0];
    if (stranger === undefined) throw new Error('fixture');
    const verdict = await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      {
        lines: [...lines.slice(0, 10), { ...lines[10], signedOn: '2026-02-01' }, stranger],
      },
    );
    expect(verdict).toMatchObject({ validCount: 10, required: 13, shortfall: 3, sufficient: false });
    expect(verdict.rejected).toEqual([
      { sheet: 1, line: 11, reason: 'SIGNED_OUTSIDE_WINDOW' },
      { sheet: 9, line: 1, reason: 'SIGNER_NOT_ON_REGISTER' },
    ]);
    expect(await statusOf(caseId)).toBe('AwaitingSignatures');

    const more = await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      {
        lines: linesFrom(voters.slice(10, 14), '2026-02-09', 2),
      },
    );
    expect(more).toMatchObject({ validCount: 14, sufficient: true });
    expect(await statusOf(caseId)).toBe('AwaitingRegistrationDecision');
  });

  it('ends in SignaturesInsufficient when nomination closes short, and is not counted at the close', async () => {
    const { caseId, caller } = await fileSelf(3);
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 5)) },
    );

    // The signatures were due at the close: the case ends first, and the count finds no nomination.
    await t.advanceTo(fixtureCalendar.nominationClose);
    expect(await statusOf(caseId)).toBe('SignaturesInsufficient');
    expect(await t.deps.elections.get(electionId)).toMatchObject({
      phase: 'NominationExtended',
      notices: [expect.objectContaining({ details: expect.objectContaining({ liveNominations: 0 }) })],
    });
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('SUCCEEDED');
  });

  it('never counts the same voter twice for one candidate, even across submissions', async () => {
    const { caseId, caller } = await fileSelf(4);
    const lines = linesFrom(voters.slice(0, 6));
    await t.operations.submitSignatures(caller, { electionId, caseId }, { lines });
    const again = await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      {
        lines: linesFrom(voters.slice(0, 6), '2026-02-08', 5),
      },
    );
    expect(again).toMatchObject({ validCount: 6, rejectedCount: 6, reasons: { DUPLICATE_SIGNER: 6 } });
  });

  it('lets a candidate withdraw while collecting signatures', async () => {
    const { caseId, caller } = await fileSelf(5);
    await t.operations.withdrawNomination(caller, { electionId, caseId });
    expect(await statusOf(caseId)).toBe('Withdrawn');
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('SUCCEEDED');
  });

  it('reports a voter who supports two candidates, where that is allowed', async () => {
    const first = await fileSelf(6);
    const second = await fileSelf(7);
    await t.operations.submitSignatures(
      first.caller,
      { electionId, caseId: first.caseId },
      { lines: linesFrom(voters.slice(0, 3)) },
    );
    const verdict = await t.operations.submitSignatures(
      second.caller,
      { electionId, caseId: second.caseId },
      {
        lines: linesFrom(voters.slice(2, 5)),
      },
    );
    expect(verdict).toMatchObject({ validCount: 3, crossCandidateSupport: 1 });
  });

  it('refuses signatures for a party nominee', async () => {
    const filed = await t.operations.fileNomination(
      partyCaller('amanat'),
      { electionId },
      aPartyFiling('amanat', 8),
    );
    await expect(
      t.operations.submitSignatures(
        commission,
        { electionId, caseId: filed.caseId },
        { lines: linesFrom(voters.slice(0, 1)) },
      ),
    ).rejects.toThrowError(expect.objectContaining({ name: 'InvalidTransitionError' }));
  });
});
