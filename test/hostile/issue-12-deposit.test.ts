// Issue 12 attacked: the election deposit (item 6) recorded with a payment that has not happened yet.
import { expect, it } from 'vitest';
import { aPartyFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, partyCaller, startTestEngine } from '../support/engine.ts';
import { electionId } from '../support/hostile.ts';

/*
 * WRONG: eligibility.ts takes `checks.deposit.paidOn` as any local date, and registration.ts only asks that a
 * deposit be recorded: on 5 February the commission registers a candidate whose deposit is "paid on" 1 March, a
 * payment that has not been made (the same gap as the community meeting's date). The rule "registration refused
 * until the commission records [the deposit]" is met by a promise.
 * SHOULD: a deposit dated after today (in the election's zone) is bad input on `checks.deposit.paidOn` (a
 * structured error in kk/ru/en), and the case stays at the registration decision.
 */
it('refuses a registration whose deposit is dated after today, and the case stays undecided', async () => {
  const t = await startTestEngine();
  await t.operations.createElection(
    commission,
    {},
    newElectionInput({}, { electionDepositMinimumWages: 10 }),
  );
  const partyId = 'party-1';
  const { caseId } = await t.operations.fileNomination(
    partyCaller(partyId),
    { electionId },
    aPartyFiling(partyId, 1),
  );
  await t.operations.confirmPartyNomination(
    partyCaller(partyId),
    { electionId, caseId },
    { decision: 'confirm' },
  );
  await t.settled();
  expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');

  const outcome = await t.operations
    .decideRegistration(
      commission,
      { electionId, caseId },
      {
        decision: 'register',
        checks: { ...checksPassed, deposit: { paidOn: '2026-03-01', reference: 'PP-0042' } },
      },
    )
    .catch((error: unknown) => error);
  await t.settled();

  expect(outcome).toMatchObject({
    name: 'ValidationError',
    issues: [expect.objectContaining({ field: 'checks.deposit.paidOn' })],
  });
  expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
});
