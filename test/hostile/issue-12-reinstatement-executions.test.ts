// Issue 12 attacked: a reinstatement of a refusal whose signal a crash lost.
// DEFECT: the refused case's first execution is still waiting when the reinstatement starts the next one, and
// the reinstatement erases the lost signal the reconciler would have sent: two executions carry one case.
import { expect, it } from 'vitest';
import * as decideRegistration from '../../functions/decide-registration.ts';
import * as reinstateCase from '../../functions/reinstate-case.ts';
import { REPAIR_GRACE_MS } from '../../shared/domain/execution-repair.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, partyCaller, startTestEngine } from '../support/engine.ts';
import { electionId, wrap } from '../support/hostile.ts';

const refusal = { decision: 'refuse', grounds: ['documents-incomplete'], reasons: 'No service record.' };

/*
 * WRONG: reinstate-case.ts and reinstatement.ts assume the refused case's execution has ended ("the case's
 * execution ended with the refusal"). A refusal is written first and signalled after (record-and-resume.ts); if
 * the process dies in between, the first execution still waits in AwaitRegistrationDecision and the case keeps
 * `sentSignal` for the reconciler to send again. A reinstatement in that time sets `sentSignal: null` and starts
 * `<caseId>--2`: the reconciler, which only looks at the case's current attempt, never ends the first, and two
 * executions wait on one case (each re-arming its wait, each storing its token over the other's).
 * SHOULD: one execution carries the case: the reinstatement stops (or signals to its end) the execution of the
 * previous attempt before starting the next, or keeps the lost signal for the reconciler.
 */
it('leaves one execution carrying a reinstated case whose refusal signal a crash lost', async () => {
  const t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
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

  // The refusal is written, and the process dies before it signals the waiting execution.
  const workflows = wrap(t.deps.workflows, {
    sendTaskSuccess: async () => {
      throw new Error('process killed');
    },
  });
  await expect(
    decideRegistration.createHandler({ ...t.deps, workflows })({
      caller: commission,
      params: { electionId, caseId },
      body: refusal,
    }),
  ).rejects.toThrow('process killed');
  expect((await t.deps.cases.get(electionId, caseId)).status).toBe('Refused');

  await reinstateCase.createHandler(t.deps)({
    caller: commission,
    params: { electionId, caseId },
    body: {
      decision: { body: 'court', bodyName: 'District court', date: '2026-02-05', number: '2-17/2026' },
      to: 'registration-decision',
    },
  });
  await t.settled();
  t.clock.set(new Date(Date.parse(t.clock.now()) + REPAIR_GRACE_MS + 1_000).toISOString());
  await t.engine.reconcile();
  await t.settled();

  const running = [caseId, `${caseId}--2`, `${caseId}--3`].filter(
    (name) => t.engine.workflows.execution('nomination-case', name)?.status === 'RUNNING',
  );
  expect(running).toHaveLength(1);

  // The commission decides again; nothing is left running for the case.
  await decideRegistration.createHandler(t.deps)({
    caller: commission,
    params: { electionId, caseId },
    body: { decision: 'register', checks: checksPassed },
  });
  await t.settled();
  expect((await t.deps.cases.get(electionId, caseId)).status).toBe('Registered');
  expect(
    [caseId, `${caseId}--2`, `${caseId}--3`].filter(
      (name) => t.engine.workflows.execution('nomination-case', name)?.status === 'RUNNING',
    ),
  ).toEqual([]);
});
