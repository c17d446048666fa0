// Issue 12 attacked: a crash between a cancellation's case write and the published list's write, after
// registration close. DEFECT: the public list keeps showing the cancelled candidate as registered, for good.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect, it } from 'vitest';
import * as cancelRegistration from '../../functions/cancel-registration.ts';
import * as listCandidates from '../../functions/list-candidates.ts';
import { REPAIR_GRACE_MS } from '../../shared/domain/execution-repair.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar, partyCaller, startTestEngine } from '../support/engine.ts';
import { electionId } from '../support/hostile.ts';

/** The table as a process sees it that dies right before its first write to the published list. */
function diesBeforePublishing(table: Table): Table {
  let died = false;
  const send = async (command: Parameters<Table['db']['send']>[0]) => {
    const pk = command instanceof PutCommand ? String(command.input.Item?.pk ?? '') : '';
    if (!died && pk.startsWith('PUBLIC#')) {
      died = true;
      throw new Error('process killed');
    }
    return table.db.send(command);
  };
  return {
    name: table.name,
    db: new Proxy(table.db, { get: (t, name) => (name === 'send' ? send : Reflect.get(t, name)) }),
  };
}

/*
 * WRONG: CaseRepository.update writes the case, then syncs the published list (case-repository.ts, `update`,
 * after `updateOptimistically`). The README says the whole-list rewrite at registration close "mends any step a
 * crash between the two writes missed", but a cancellation (until D−6) or a court's registration comes after
 * that close: nothing mends it. The retry finds the cancellation recorded (409, StepAlreadyDecidedError) and
 * never reaches the sync; the reconciler only looks at open cases and never at the list.
 * SHOULD: once the commission's cancellation is recorded, the public list (the voters' and the ballot's source)
 * stops listing the candidate: the retry, or the reconciler, brings the list in step with the case.
 */
it('takes a cancelled candidate off the public list even when the process died between the two writes', async () => {
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
  await t.operations.decideRegistration(
    commission,
    { electionId, caseId },
    { decision: 'register', checks: checksPassed },
  );
  await t.advanceTo(fixtureCalendar.registrationClose);
  const publicList = async () =>
    (await listCandidates.createHandler(t.deps)({
      caller: { role: 'public' },
      params: { electionId },
      body: undefined,
    })) as { candidates: { caseId: string }[]; refusedOrCancelled: { caseId: string }[] };
  expect((await publicList()).candidates.map((c) => c.caseId)).toEqual([caseId]);

  const request = {
    caller: commission,
    params: { electionId, caseId },
    body: { grounds: ['false-information'], reasons: 'The declared income omitted a second salary.' },
  };
  const crashing = { ...t.deps, cases: new CaseRepository(diesBeforePublishing(t.table)) };
  await expect(cancelRegistration.createHandler(crashing)(request)).rejects.toThrow('process killed');
  expect((await t.deps.cases.get(electionId, caseId)).status).toBe('RegistrationCancelled');

  // The commission's clerk retries; later the reconciler runs, as it does every 5 minutes.
  await cancelRegistration
    .createHandler(t.deps)(request)
    .catch(() => undefined);
  t.clock.set(new Date(Date.parse(t.clock.now()) + REPAIR_GRACE_MS + 1_000).toISOString());
  await t.engine.reconcile();
  await t.settled();

  const list = await publicList();
  expect(list.candidates.map((c) => c.caseId)).toEqual([]);
  expect(list.refusedOrCancelled.map((c) => c.caseId)).toEqual([caseId]);
});
