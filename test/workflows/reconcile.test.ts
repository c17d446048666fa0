import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { LocalFunction } from '../../infra/local/local-workflows.ts';
import { callElection } from '../../shared/domain/election.ts';
import { REPAIR_GRACE_MS } from '../../shared/domain/execution-repair.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import {
  commission,
  fixtureCalendar,
  partyCaller,
  startTestEngine,
  type TestEngine,
} from '../support/engine.ts';

const electionId = '195230100-2026-03-15';
const later = (t: TestEngine, ms = REPAIR_GRACE_MS + 1_000) =>
  t.clock.set(new Date(Date.parse(t.clock.now()) + ms).toISOString());

/** A handler that fails once with a non-retryable error, then behaves. */
function failingOnce(fn: LocalFunction | undefined): LocalFunction {
  let failed = false;
  return async (payload) => {
    if (!failed) {
      failed = true;
      throw Object.assign(new Error('injected'), { name: 'ValidationError' });
    }
    if (fn === undefined) throw new Error('no such handler');
    return fn(payload);
  };
}

async function fileParty(t: TestEngine, partyId: string, serial: number) {
  return (
    await t.operations.fileNomination(partyCaller(partyId), { electionId }, aPartyFiling(partyId, serial))
  ).caseId;
}

describe('the reconciler', () => {
  it('gives an election that never got its calendar a new execution, on the record, once the grace is over', async () => {
    const t = await startTestEngine();
    await t.deps.elections.create(callElection(newElectionInput(), t.clock.now()));
    expect((await t.engine.reconcile()).repaired).toEqual([]);

    later(t);
    const { repaired } = await t.engine.reconcile();
    await t.settled();
    expect(repaired).toEqual([
      { workflow: 'election-calendar', id: electionId, repair: 'start', execution: `${electionId}--2` },
    ]);
    const election = await t.deps.elections.get(electionId);
    expect(election).toMatchObject({ calendarAttempt: 2 });
    expect(election.notices.at(-1)).toMatchObject({
      to: 'operator',
      code: 'CALENDAR_RESTARTED',
      details: { execution: electionId, found: 'NOT_FOUND' },
    });
    await t.advanceTo(fixtureCalendar.registrationClose);
    expect((await t.deps.elections.get(electionId)).phase).toBe('RegistrationClosed');
    expect((await t.engine.reconcile()).repaired).toEqual([]);
  });

  it('restarts a case whose execution failed under a new name, and the case goes on to registration', async () => {
    const t = await startTestEngine({
      wrapFunctions: (fns) => ({ ...fns, CheckEligibility: failingOnce(fns.CheckEligibility) }),
    });
    await t.operations.createElection(commission, {}, newElectionInput());
    const caseId = await fileParty(t, 'amanat', 1);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('FAILED');

    expect((await t.engine.reconcile()).repaired, 'its failure just recorded: not yet').toEqual([]);
    later(t);
    const { repaired } = await t.engine.reconcile();
    await t.settled();
    expect(repaired).toEqual([
      { workflow: 'nomination-case', id: caseId, repair: 'start', execution: `${caseId}--2` },
    ]);
    const repairedCase = await t.deps.cases.get(electionId, caseId);
    expect(repairedCase.status).toBe('AwaitingRegistrationDecision');
    expect((await t.deps.cases.withTrail(electionId, caseId)).events.at(-2)).toMatchObject({
      event: 'ExecutionRestarted',
      actor: { role: 'engine', id: 'reconciler' },
      note: { execution: caseId, found: 'FAILED' },
    });
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId },
      { decision: 'register', checks: checksPassed },
    );
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('Registered');
  });

  it('sends a lost signal again, and replaces an execution that a second signal does not move', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const caseId = await fileParty(t, 'amanat', 2);
    const signal = t.engine.workflows.sendTaskSuccess.bind(t.engine.workflows);
    let dropped = 0;
    t.engine.workflows.sendTaskSuccess = async (token, output) => {
      if (dropped < 2) {
        dropped += 1;
        return;
      }
      return signal(token, output);
    };
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('CheckingEligibility');
    expect(t.engine.workflows.execution('nomination-case', caseId)?.currentState).toBe(
      'AwaitPartyConfirmation',
    );
    expect((await t.engine.reconcile()).repaired, 'within the grace, nothing is lost yet').toEqual([]);

    later(t);
    expect((await t.engine.reconcile()).repaired.map((r) => r.repair)).toEqual(['resignal']);
    await t.settled();
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('CheckingEligibility');

    later(t);
    expect((await t.engine.reconcile()).repaired.map((r) => r.repair)).toEqual(['restart']);
    await t.settled();
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('ABORTED');
    const moved = await t.deps.cases.get(electionId, caseId);
    expect(moved.status).toBe('AwaitingRegistrationDecision');
    expect((await t.deps.cases.withTrail(electionId, caseId)).events.map((e) => e.event)).toEqual([
      'NominationFiled',
      'PartyConfirmed',
      'SignalRepeated',
      'ExecutionRestarted',
      'EligibilityAssessed',
    ]);
  });

  it('sends a wake-up that never fired, and the calendar closes nomination', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const { Items = [] } = await t.table.db.send(
      new QueryCommand({
        TableName: t.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'WAKE-UP' },
      }),
    );
    expect(Items).toHaveLength(1);
    for (const item of Items) {
      await t.table.db.send(
        new DeleteCommand({ TableName: t.table.name, Key: { pk: item.pk, sk: item.sk } }),
      );
    }
    t.clock.set(fixtureCalendar.nominationClose);
    expect((await t.deps.elections.get(electionId)).phase).toBe('Nomination');

    later(t);
    expect((await t.engine.reconcile({ electionId })).repaired.map((r) => r.repair)).toEqual(['resignal']);
    await t.settled();
    const election = await t.deps.elections.get(electionId);
    expect(election.phase).toBe('NominationExtended');
    expect(election.notices.map((n) => n.code)).toContain('WAKE_UP_REPEATED');
  });

  it('repairs only the case an operator names', async () => {
    const t = await startTestEngine({
      wrapFunctions: (fns) => ({ ...fns, CheckEligibility: failingOnce(fns.CheckEligibility) }),
    });
    await t.operations.createElection(commission, {}, newElectionInput());
    const failed = await fileParty(t, 'amanat', 3);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId: failed },
      { decision: 'confirm' },
    );
    const other = await fileParty(t, 'auyl', 4);
    t.engine.workflows.stop('nomination-case', other);
    await t.settled();

    later(t);
    const { repaired } = await t.engine.reconcile({ electionId, caseId: failed });
    expect(repaired.map((r) => r.id)).toEqual([failed]);
    expect((await t.engine.reconcile({ electionId, caseId: other })).repaired.map((r) => r.id)).toEqual([
      other,
    ]);
  });

  it('repairs once when two runs meet the same failed case', async () => {
    const t = await startTestEngine({
      wrapFunctions: (fns) => ({ ...fns, CheckEligibility: failingOnce(fns.CheckEligibility) }),
    });
    await t.operations.createElection(commission, {}, newElectionInput());
    const caseId = await fileParty(t, 'amanat', 5);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    later(t);
    const runs = await Promise.all([t.engine.reconcile(), t.engine.reconcile()]);
    await t.settled();
    expect(runs.flatMap((r) => r.repaired).map((r) => r.execution)).toEqual([`${caseId}--2`]);
    expect(t.engine.workflows.execution('nomination-case', `${caseId}--3`)).toBeUndefined();
    const timeline = (await t.deps.cases.withTrail(electionId, caseId)).events;
    expect(timeline.filter((e) => e.event === 'ExecutionRestarted')).toHaveLength(1);
  });

  it('leaves a calendar alone whose last wake-up fired: the record still shows it, but the phase moved on', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    await t.advanceTo(fixtureCalendar.nominationClose);
    later(t, 10 * REPAIR_GRACE_MS);
    expect((await t.engine.reconcile()).repaired).toEqual([]);
    expect(t.engine.workflows.execution('election-calendar', electionId)?.status).toBe('RUNNING');
  });
});
