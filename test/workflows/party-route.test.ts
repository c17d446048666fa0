import { beforeEach, describe, expect, it } from 'vitest';
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
import { withoutIds } from '../support/without-ids.ts';

const electionId = '195230100-2026-03-15';

let t: TestEngine;

beforeEach(async () => {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
});

async function fileParty(partyId: string, serial: number) {
  const filed = await t.operations.fileNomination(
    partyCaller(partyId),
    { electionId },
    aPartyFiling(partyId, serial),
  );
  return filed.caseId;
}

const statusOf = async (caseId: string) => (await t.deps.cases.get(electionId, caseId)).status;

describe('nomination case workflow: the party route', () => {
  it('waits for the party, checks eligibility, and registers on the commission’s decision', async () => {
    const caseId = await fileParty('amanat', 1);
    expect(await statusOf(caseId)).toBe('AwaitingPartyConfirmation');
    const view = await t.operations.getCase(partyCaller('amanat'), { electionId, caseId });
    expect(view).toMatchObject({
      waitingFor: { step: 'party-confirmation', from: 'party', deadline: fixtureCalendar.nominationClose },
      deadlines: {
        'party-confirmation': fixtureCalendar.nominationClose,
        'registration-decision': fixtureCalendar.registrationClose,
      },
      candidate: { fullName: 'Candidate Test' },
    });
    expect(withoutIds(JSON.stringify(view))).not.toMatch(/\d{12}|taskToken/);
    expect(t.engine.workflows.execution('nomination-case', caseId)?.currentState).toBe(
      'AwaitPartyConfirmation',
    );

    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    expect(await statusOf(caseId)).toBe('AwaitingRegistrationDecision');
    const checked = await t.deps.cases.get(electionId, caseId);
    expect(checked.findings.eligibility).toMatchObject({ outcome: 'pending' });

    await t.operations.decideRegistration(
      commission,
      { electionId, caseId },
      { decision: 'register', checks: checksPassed },
    );
    expect(await statusOf(caseId)).toBe('Registered');
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('SUCCEEDED');

    const timeline = (await t.deps.cases.withTrail(electionId, caseId)).events.map((e) => [e.event, e.to]);
    expect(timeline).toEqual([
      ['NominationFiled', 'AwaitingPartyConfirmation'],
      ['PartyConfirmed', 'CheckingEligibility'],
      ['EligibilityAssessed', 'AwaitingRegistrationDecision'],
      ['RegistrationDecided', 'Registered'],
    ]);
  });

  it('ends the case when the party declines', async () => {
    const caseId = await fileParty('amanat', 2);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'decline' },
    );
    expect(await statusOf(caseId)).toBe('PartyDeclined');
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('SUCCEEDED');
  });

  it('lapses a nomination the party leaves unconfirmed until nomination closes', async () => {
    const silent = await fileParty('amanat', 3);
    const confirmed = await fileParty('auyl', 4);
    await t.operations.confirmPartyNomination(
      partyCaller('auyl'),
      { electionId, caseId: confirmed },
      { decision: 'confirm' },
    );

    await t.advanceTo(fixtureCalendar.nominationClose);
    expect(await statusOf(silent)).toBe('Lapsed');
    const lapse = (await t.deps.cases.withTrail(electionId, silent)).events.at(-1);
    expect(lapse).toMatchObject({
      event: 'DeadlineReached',
      actor: { role: 'engine' },
      note: { step: 'party-confirmation' },
    });
    await expect(
      t.operations.confirmPartyNomination(
        partyCaller('amanat'),
        { electionId, caseId: silent },
        { decision: 'confirm' },
      ),
    ).rejects.toThrowError(expect.objectContaining({ name: 'DeadlinePassedError' }));
  });

  it('refuses with the grounds the commission gives', async () => {
    const caseId = await fileParty('amanat', 5);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId },
      {
        decision: 'refuse',
        grounds: ['documents-incomplete'],
        reasons: 'The service record was not submitted.',
      },
    );
    const refused = await t.deps.cases.get(electionId, caseId);
    expect(refused.status).toBe('Refused');
    expect(refused.decisions['registration-decision']).toMatchObject({
      outcome: 'refused',
      details: { grounds: ['documents-incomplete'], reasons: 'The service record was not submitted.' },
    });
  });
});
