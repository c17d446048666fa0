import { beforeEach, describe, expect, it } from 'vitest';
import { callElection } from '../../shared/domain/election.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { agreedMeeting, checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import {
  akimat,
  candidateCaller,
  commission,
  fixtureCalendar,
  partyCaller,
  startTestEngine,
  type TestEngine,
} from '../support/engine.ts';

const electionId = '195230100-2026-03-15';

let t: TestEngine;

beforeEach(async () => {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
});

const election = () => t.deps.elections.get(electionId);
const statusOf = async (caseId: string) => (await t.deps.cases.get(electionId, caseId)).status;

async function registeredPartyNominee(partyId: string, serial: number) {
  const { caseId } = await t.operations.fileNomination(
    partyCaller(partyId),
    { electionId },
    aPartyFiling(partyId, serial),
  );
  await t.operations.confirmPartyNomination(
    partyCaller(partyId),
    { electionId, caseId },
    { decision: 'confirm' },
  );
  return caseId;
}

async function proposeAkimatCandidate(serial: number) {
  const filing = anAkimatFiling(serial);
  const { caseId } = await t.operations.fileNomination(akimat, { electionId }, filing);
  return caseId;
}

describe('election calendar workflow', () => {
  it('runs from calling to registration close and finishes', async () => {
    expect(t.engine.workflows.execution('election-calendar', electionId)?.currentState).toBe(
      'WaitForNextDeadline',
    );
    await t.advanceTo(fixtureCalendar.registrationClose);
    expect((await election()).phase).toBe('RegistrationClosed');
    expect(t.engine.workflows.execution('election-calendar', electionId)?.status).toBe('SUCCEEDED');
  });

  it('moves on without extension when two or more are nominated', async () => {
    await registeredPartyNominee('amanat', 1);
    await registeredPartyNominee('auyl', 2);
    await t.advanceTo(fixtureCalendar.nominationClose);
    expect(await election()).toMatchObject({
      phase: 'AwaitingRegistrationClose',
      nominationExtended: false,
      nominationsAtClose: 2,
    });
  });

  it('with no nomination: extends nomination, tells the commission, then opens the akimat’s window', async () => {
    await t.advanceTo(fixtureCalendar.nominationClose);
    const extended = await election();
    expect(extended).toMatchObject({ phase: 'NominationExtended', nominationExtended: true });
    expect(extended.notices).toEqual([
      expect.objectContaining({
        to: 'commission',
        code: 'NOMINATION_EXTENDED',
        details: { liveNominations: 0, until: fixtureCalendar.extendedClose },
      }),
    ]);

    await t.advanceTo(fixtureCalendar.extendedClose);
    const window = await election();
    expect(window).toMatchObject({ phase: 'AdditionalCandidateWindow', nominationsAtClose: 0 });
    expect(window.notices.at(-1)).toMatchObject({ to: 'akimat', code: 'ADDITIONAL_CANDIDATE_WINDOW_OPEN' });
  });

  it('ends the waits due at the close before counting: two unconfirmed nominees give an extension', async () => {
    const silent = [];
    for (const [partyId, serial] of [
      ['amanat', 21],
      ['auyl', 22],
    ] as const) {
      silent.push(
        (
          await t.operations.fileNomination(
            partyCaller(partyId),
            { electionId },
            aPartyFiling(partyId, serial),
          )
        ).caseId,
      );
    }
    const short = aSelfFiling(23);
    const shortCase = (
      await t.operations.fileNomination(candidateCaller(short.candidate.iin), { electionId }, short)
    ).caseId;
    await t.advanceTo(fixtureCalendar.nominationClose);

    expect(await Promise.all(silent.map(statusOf))).toEqual(['Lapsed', 'Lapsed']);
    expect(await statusOf(shortCase)).toBe('SignaturesInsufficient');
    const extended = await election();
    expect(extended).toMatchObject({ phase: 'NominationExtended', nominationExtended: true });
    expect(extended.notices.at(-1)).toMatchObject({
      code: 'NOMINATION_EXTENDED',
      details: { liveNominations: 0 },
    });

    await t.advanceTo(fixtureCalendar.extendedClose);
    expect(await election()).toMatchObject({ phase: 'AdditionalCandidateWindow', nominationsAtClose: 0 });
  });

  it('refuses a filing whose first step is already past its configured deadline, keeping the candidate free', async () => {
    const early = newElectionInput(
      { unit: { ...newElectionInput().unit, kato: '195230800' } },
      {
        partyConfirmationDueDaysBefore: 30,
      },
    );
    const { electionId: earlyId } = await t.operations.createElection(commission, {}, early);
    await t.advanceTo('2026-02-14T00:00:00.000Z');
    const filing = aPartyFiling('amanat', 24);
    await expect(
      t.operations.fileNomination(partyCaller('amanat'), { electionId: earlyId }, filing),
    ).rejects.toThrowError(expect.objectContaining({ name: 'DeadlinePassedError' }));
    expect((await t.deps.cases.listByElection(earlyId)).cases).toEqual([]);
  });

  it('refuses a step deadline configured after nomination closes: the count at the close must know it', async () => {
    const late = newElectionInput(
      { unit: { ...newElectionInput().unit, kato: '195230900' } },
      {
        signaturesDueDaysBefore: 24,
      },
    );
    await expect(t.operations.createElection(commission, {}, late)).rejects.toThrowError(
      expect.objectContaining({
        name: 'ValidationError',
        issues: [
          expect.objectContaining({ field: 'rules.signaturesDueDaysBefore', code: 'CALENDAR_INCONSISTENT' }),
        ],
      }),
    );
  });

  it('starts the calendar of an election whose first call failed after storing it, when the call is repeated', async () => {
    const other = newElectionInput({ unit: { ...newElectionInput().unit, kato: '195230700' } });
    const stored = callElection(other, t.clock.now());
    await t.deps.elections.create(stored);
    expect(t.engine.workflows.execution('election-calendar', stored.electionId)).toBeUndefined();

    await expect(t.operations.createElection(commission, {}, other)).rejects.toThrowError(
      expect.objectContaining({ name: 'ElectionAlreadyCalledError' }),
    );
    await t.settled();
    expect(t.engine.workflows.execution('election-calendar', stored.electionId)?.currentState).toBe(
      'WaitForNextDeadline',
    );
  });

  it('accepts filings during the extension, and none after it', async () => {
    await t.advanceTo(fixtureCalendar.nominationClose);
    const filing = aSelfFiling(3);
    await t.operations.fileNomination(candidateCaller(filing.candidate.iin), { electionId }, filing);
    await t.advanceTo(fixtureCalendar.extendedClose);
    const late = aSelfFiling(4);
    await expect(
      t.operations.fileNomination(candidateCaller(late.candidate.iin), { electionId }, late),
    ).rejects.toThrowError(expect.objectContaining({ name: 'NominationClosedError' }));
  });

  it('with one nomination: extension, then the akim’s additional candidate, agreed and registered', async () => {
    const first = await registeredPartyNominee('amanat', 5);
    await expect(proposeAkimatCandidate(6)).rejects.toThrowError(
      expect.objectContaining({ name: 'AdditionalCandidateNotAllowedError' }),
    );

    await t.advanceTo(fixtureCalendar.extendedClose);
    expect(await election()).toMatchObject({ phase: 'AdditionalCandidateWindow', nominationsAtClose: 1 });

    const additional = await proposeAkimatCandidate(6);
    expect(await statusOf(additional)).toBe('AwaitingCommunityConsent');
    await t.operations.recordCommunityConsent(akimat, { electionId, caseId: additional }, agreedMeeting);
    expect(await statusOf(additional)).toBe('AwaitingRegistrationDecision');

    for (const caseId of [first, additional]) {
      await t.operations.decideRegistration(
        commission,
        { electionId, caseId },
        { decision: 'register', checks: checksPassed },
      );
    }
    await t.advanceTo(fixtureCalendar.registrationClose);
    expect(await statusOf(first)).toBe('Registered');
    expect(await statusOf(additional)).toBe('Registered');
    expect((await election()).notices.at(-1)).toMatchObject({
      code: 'REGISTERED_LIST_PUBLISHED',
      details: { registered: 2 },
    });
  });

  it('lets the akimat propose again after the meeting refuses, and registers the second', async () => {
    await t.advanceTo(fixtureCalendar.extendedClose);
    const refused = await proposeAkimatCandidate(7);
    await expect(proposeAkimatCandidate(8)).rejects.toThrowError(
      expect.objectContaining({ name: 'AdditionalCandidatePendingError' }),
    );

    await t.operations.recordCommunityConsent(
      akimat,
      { electionId, caseId: refused },
      { ...agreedMeeting, votesFor: 8, votesAgainst: 12 },
    );
    expect(await statusOf(refused)).toBe('ConsentRefused');
    const consent = (await t.deps.cases.get(electionId, refused)).decisions['community-consent'];
    expect(consent).toMatchObject({
      outcome: 'refused',
      details: { findings: [expect.objectContaining({ code: 'CONSENT_MAJORITY_NOT_REACHED' })] },
    });

    const second = await proposeAkimatCandidate(8);
    await t.operations.recordCommunityConsent(akimat, { electionId, caseId: second }, agreedMeeting);
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId: second },
      { decision: 'register', checks: checksPassed },
    );
    expect(await statusOf(second)).toBe('Registered');
    expect((await election()).additionalProposals).toBe(2);
  });

  it('lapses every undecided case at registration close', async () => {
    const undecided = await registeredPartyNominee('amanat', 9);
    const decided = await registeredPartyNominee('auyl', 10);
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId: decided },
      { decision: 'register', checks: checksPassed },
    );
    await t.advanceTo(fixtureCalendar.registrationClose);

    expect(await statusOf(undecided)).toBe('Lapsed');
    expect(await statusOf(decided)).toBe('Registered');
    expect(t.engine.workflows.execution('nomination-case', undecided)?.status).toBe('SUCCEEDED');
    await expect(
      t.operations.decideRegistration(
        commission,
        { electionId, caseId: undecided },
        { decision: 'register', checks: checksPassed },
      ),
    ).rejects.toThrowError(
      expect.objectContaining({
        name: 'DeadlinePassedError',
        details: {
          step: 'registration-decision',
          deadline: fixtureCalendar.registrationClose,
          timeZone: 'Asia/Almaty',
        },
      }),
    );
  });
});

describe('withdrawal at each waiting step', () => {
  it('withdraws a party nominee waiting for confirmation, for the decision, and after registration', async () => {
    const waitingParty = (
      await t.operations.fileNomination(partyCaller('amanat'), { electionId }, aPartyFiling('amanat', 11))
    ).caseId;
    const waitingDecision = await registeredPartyNominee('auyl', 12);
    const registered = await registeredPartyNominee('nur', 13);
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId: registered },
      { decision: 'register', checks: checksPassed },
    );

    for (const caseId of [waitingParty, waitingDecision, registered]) {
      const filing = (await t.deps.cases.get(electionId, caseId)).filing;
      await t.operations.withdrawNomination(candidateCaller(filing.candidate.iin), { electionId, caseId });
      expect(await statusOf(caseId)).toBe('Withdrawn');
    }
    expect(t.engine.workflows.execution('nomination-case', waitingDecision)?.status).toBe('SUCCEEDED');
  });

  it('withdraws the akim’s candidate waiting for the community meeting', async () => {
    await t.advanceTo(fixtureCalendar.extendedClose);
    const caseId = await proposeAkimatCandidate(14);
    const filing = (await t.deps.cases.get(electionId, caseId)).filing;
    await t.operations.withdrawNomination(candidateCaller(filing.candidate.iin), { electionId, caseId });
    expect(await statusOf(caseId)).toBe('Withdrawn');
  });

  it('lets a party revoke its nominee, which frees its slot', async () => {
    const caseId = (
      await t.operations.fileNomination(partyCaller('amanat'), { electionId }, aPartyFiling('amanat', 15))
    ).caseId;
    await t.operations.withdrawNomination(partyCaller('amanat'), { electionId, caseId });
    expect(await statusOf(caseId)).toBe('Revoked');
    await expect(
      t.operations.fileNomination(partyCaller('amanat'), { electionId }, aPartyFiling('amanat', 16)),
    ).resolves.toMatchObject({
      status: 'AwaitingPartyConfirmation',
    });
  });
});
