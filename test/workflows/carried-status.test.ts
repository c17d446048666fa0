import { beforeEach, describe, expect, it } from 'vitest';
import { applyCaseEvent, decideStep } from '../../shared/domain/nomination-case.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import {
  commission,
  fixtureCalendar,
  partyCaller,
  startTestEngine,
  type TestEngine,
} from '../support/engine.ts';

const electionId = '195230100-2026-03-15';
const party = { role: 'party', id: 'amanat' } as const;
const at = fixtureCalendar.nominationOpen;

let t: TestEngine;

beforeEach(async () => {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
});

/** A party's case waiting for its confirmation, and the token its execution waits on. */
async function waitingCase() {
  const { caseId } = await t.operations.fileNomination(
    partyCaller('amanat'),
    { electionId },
    aPartyFiling('amanat', 1),
  );
  const token = (await t.deps.cases.get(electionId, caseId)).waitingFor?.taskToken;
  if (token === undefined) throw new Error('the case waits for its party');
  return { caseId, token };
}

/** The party's confirmation written to the case without the signal that goes with it. */
const confirmWithoutSignal = (caseId: string) =>
  t.deps.cases.update(electionId, caseId, (c) =>
    decideStep(
      c,
      'party-confirmation',
      { outcome: 'confirmed', details: {} },
      { type: 'PartyConfirmed' },
      { at, actor: party },
    ),
  );

const statesOf = (caseId: string) =>
  t.engine.workflows
    .execution('nomination-case', caseId)
    ?.history.filter((e) => e.type === 'StateEntered')
    .map((e) => e.state);

describe('nomination case workflow: the status a step hands on', () => {
  it('routes on the status a decision’s signal carries, without loading the case again', async () => {
    const { caseId } = await waitingCase();
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
    expect(statesOf(caseId)).toEqual([
      'RouteByStatus',
      'AwaitPartyConfirmation',
      'RouteByStatus',
      'CheckEligibility',
      'RouteByStatus',
      'AwaitRegistrationDecision',
    ]);
  });

  it('loads the case when a wait ends without a status (a signal from before this version)', async () => {
    const { caseId, token } = await waitingCase();
    await confirmWithoutSignal(caseId);
    await t.engine.workflows.sendTaskSuccess(token, { reason: 'decided' });
    await t.settled();
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
    expect(statesOf(caseId)?.slice(2, 6)).toEqual([
      'RouteByStatus',
      'LoadCase',
      'RouteByStatus',
      'CheckEligibility',
    ]);
  });

  it('changes nothing when the status a signal carries has moved on since: the step reads the case itself', async () => {
    const { caseId, token } = await waitingCase();
    await confirmWithoutSignal(caseId);
    const withdrawn = await t.deps.cases.update(electionId, caseId, (c) =>
      applyCaseEvent(c, { type: 'Withdrawn' }, { at, actor: party }),
    );
    await t.engine.workflows.sendTaskSuccess(token, { reason: 'decided', status: 'CheckingEligibility' });
    await t.settled();

    const { nominationCase, events } = await t.deps.cases.withTrail(electionId, caseId);
    expect(nominationCase).toEqual(withdrawn);
    expect(events.map((e) => e.event)).toEqual(['NominationFiled', 'PartyConfirmed', 'Withdrawn']);
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('SUCCEEDED');
    expect(statesOf(caseId)?.slice(2)).toEqual([
      'RouteByStatus',
      'CheckEligibility',
      'RouteByStatus',
      'CaseClosed',
    ]);
  });
});
