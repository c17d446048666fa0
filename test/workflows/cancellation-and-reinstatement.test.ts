import { beforeEach, describe, expect, it } from 'vitest';
import * as cancelRegistration from '../../functions/cancel-registration.ts';
import * as getCaseEvidence from '../../functions/get-case-evidence.ts';
import * as listCandidates from '../../functions/list-candidates.ts';
import * as reinstateCase from '../../functions/reinstate-case.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import type { EvidencePage } from '../../shared/domain/evidence-pack.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { REPAIR_GRACE_MS } from '../../shared/domain/execution-repair.ts';
import { reinstate } from '../../shared/domain/reinstatement.ts';
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
const refusal = { decision: 'refuse', grounds: ['documents-incomplete'], reasons: 'No service record.' };
const ruling = (date: string, number = '3-41/2026') => ({
  body: 'higher-commission' as const,
  bodyName: 'Regional territorial election commission',
  date,
  number,
});

let t: TestEngine;
let call: (
  handler: (deps: TestEngine['deps']) => (request: OperationRequest) => Promise<unknown>,
  caller: Caller,
  caseId: string,
  body?: unknown,
) => Promise<unknown>;

beforeEach(async () => {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
  call = async (handler, caller, caseId, body = {}) => {
    const result = await handler(t.deps)({ caller, params: { electionId, caseId }, body });
    await t.settled();
    return result;
  };
});

/** A party nominee, confirmed, at the commission's decision (registration or refusal). */
async function decided(serial: number, decision: 'register' | 'refuse') {
  const partyId = `party-${serial}`;
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
  await t.operations.decideRegistration(
    commission,
    { electionId, caseId },
    decision === 'register' ? { decision, checks: checksPassed } : refusal,
  );
  return caseId;
}

const caseOf = (caseId: string) => t.deps.cases.get(electionId, caseId);
const execution = (name: string) => t.engine.workflows.execution('nomination-case', name);
const events = async (caseId: string) =>
  (await t.deps.cases.withTrail(electionId, caseId)).events.map((e) => [e.event, e.to]);

describe('a reinstated case is driven again by the nomination-case workflow', () => {
  it('sends a refused case back to the commission under a new execution, which the decision ends', async () => {
    const caseId = await decided(1, 'refuse');
    expect(execution(caseId)?.status).toBe('SUCCEEDED');

    await call(reinstateCase.createHandler, commission, caseId, {
      decision: ruling('2026-02-05'),
      to: 'registration-decision',
    });
    expect((await caseOf(caseId)).status).toBe('AwaitingRegistrationDecision');
    expect(execution(`${caseId}--2`)).toMatchObject({
      status: 'RUNNING',
      currentState: 'AwaitRegistrationDecision',
    });

    await t.operations.decideRegistration(
      commission,
      { electionId, caseId },
      { decision: 'register', checks: checksPassed },
    );
    expect((await caseOf(caseId)).status).toBe('Registered');
    expect(execution(`${caseId}--2`)?.status).toBe('SUCCEEDED');
    expect(await events(caseId)).toEqual([
      ['NominationFiled', 'AwaitingPartyConfirmation'],
      ['PartyConfirmed', 'CheckingEligibility'],
      ['EligibilityAssessed', 'AwaitingRegistrationDecision'],
      ['RegistrationDecided', 'Refused'],
      ['Reinstated', 'AwaitingRegistrationDecision'],
      ['RegistrationDecided', 'Registered'],
    ]);
    // The evidence pack still proves itself: the reinstatement is in the record its trail vouches for.
    const evidence = getCaseEvidence.createHandler(t.deps);
    const pages: EvidencePage[] = [];
    let cursor: string | null | undefined;
    do {
      const page = (await evidence({
        caller: commission,
        params: { electionId, caseId },
        body: undefined,
        ...(cursor === undefined || cursor === null ? {} : { query: { cursor } }),
      })) as EvidencePage;
      pages.push(page);
      cursor = page.next;
    } while (cursor !== null && cursor !== undefined);
    expect(verifyEvidence(pages)).toMatchObject({
      ok: true,
      problems: [],
      summary: { status: 'Registered' },
    });
  });

  it('lapses a reinstated case the commission leaves undecided at registration close', async () => {
    const caseId = await decided(2, 'refuse');
    await call(reinstateCase.createHandler, commission, caseId, {
      decision: ruling('2026-02-05'),
      to: 'registration-decision',
    });
    await t.advanceTo(fixtureCalendar.registrationClose);
    expect((await caseOf(caseId)).status).toBe('Lapsed');
    expect(execution(`${caseId}--2`)?.status).toBe('SUCCEEDED');
  });

  it('starts the execution a crash lost between the reinstatement and its start, via the reconciler', async () => {
    const caseId = await decided(3, 'refuse');
    const election = await t.deps.elections.get(electionId);
    // The request's first write, and then nothing: the process died before it started the execution.
    await t.deps.cases.update(electionId, caseId, (current) =>
      reinstate(current, { decision: ruling('2026-02-05'), to: 'registration-decision' }, election, {
        at: t.clock.now(),
        actor: { role: 'commission', id: 'tec-clerk' },
      }),
    );
    expect(execution(`${caseId}--2`)).toBeUndefined();
    t.clock.set(new Date(Date.parse(t.clock.now()) + REPAIR_GRACE_MS + 1_000).toISOString());
    const { repaired } = await t.engine.reconcile();
    await t.settled();
    expect(repaired).toEqual([
      { workflow: 'nomination-case', id: caseId, repair: 'start', execution: `${caseId}--3` },
    ]);
    expect(execution(`${caseId}--3`)?.currentState).toBe('AwaitRegistrationDecision');
    await t.advanceTo(fixtureCalendar.registrationClose);
    expect((await caseOf(caseId)).status).toBe('Lapsed');
  });

  it('lapses a reinstatement written just after the close listed the cases, whose execution a crash lost', async () => {
    const caseId = await decided(8, 'refuse');
    const election = await t.deps.elections.get(electionId);
    await t.advanceTo(fixtureCalendar.registrationClose);
    expect((await t.deps.elections.get(electionId)).phase).toBe('RegistrationClosed');
    // Checked a moment before the close, written after the close ran, and then the process died.
    const justBefore = new Date(Date.parse(fixtureCalendar.registrationClose) - 1).toISOString();
    await t.deps.cases.update(electionId, caseId, (current) =>
      reinstate(current, { decision: ruling('2026-02-22'), to: 'registration-decision' }, election, {
        at: justBefore,
        actor: { role: 'commission', id: 'tec-clerk' },
      }),
    );
    expect((await caseOf(caseId)).status).toBe('AwaitingRegistrationDecision');
    t.clock.set(new Date(Date.parse(t.clock.now()) + REPAIR_GRACE_MS + 1_000).toISOString());
    await t.engine.reconcile();
    await t.settled();
    expect((await caseOf(caseId)).status).toBe('Lapsed');
    // Long after the close, closed elections are left alone again.
    t.clock.set('2026-02-23T13:00:00.000Z');
    expect((await t.engine.reconcile()).repaired).toEqual([]);
  });

  it('registers on a court’s decision after registration close, with no execution needed, and publishes it', async () => {
    const caseId = await decided(4, 'refuse');
    await t.advanceTo(fixtureCalendar.registrationClose);
    await expect(
      call(reinstateCase.createHandler, commission, caseId, {
        decision: ruling('2026-02-22'),
        to: 'registration-decision',
      }),
    ).rejects.toThrowError(expect.objectContaining({ name: 'ReinstatementAfterRegistrationCloseError' }));
    expect((await caseOf(caseId)).status).toBe('Refused');

    await call(reinstateCase.createHandler, commission, caseId, {
      decision: ruling('2026-02-22'),
      to: 'registered',
    });
    expect((await caseOf(caseId)).status).toBe('Registered');
    expect(execution(`${caseId}--2`)).toBeUndefined();
    const list = (await listCandidates.createHandler(t.deps)({
      caller: { role: 'public' },
      params: { electionId },
      body: undefined,
    })) as { candidates: { caseId: string }[]; refusedOrCancelled: unknown[] };
    expect(list.candidates.map((c) => c.caseId)).toEqual([caseId]);
    expect(list.refusedOrCancelled).toEqual([]);
  });

  it('cancels a registration after registration close: off the list, published beside it, no workflow to drive', async () => {
    const kept = await decided(5, 'register');
    const cancelled = await decided(6, 'register');
    await t.advanceTo(fixtureCalendar.registrationClose);
    await call(cancelRegistration.createHandler, commission, cancelled, {
      grounds: ['disqualified-cle-4-4'],
      reasons: 'A court sentence entered into force on 1 March.',
    });
    expect((await caseOf(cancelled)).status).toBe('RegistrationCancelled');
    const list = (await listCandidates.createHandler(t.deps)({
      caller: { role: 'public' },
      params: { electionId },
      body: undefined,
    })) as { candidates: { caseId: string }[]; refusedOrCancelled: { caseId: string; decision: string }[] };
    expect(list.candidates.map((c) => c.caseId)).toEqual([kept]);
    expect(list.refusedOrCancelled).toMatchObject([
      { caseId: cancelled, decision: 'registration-cancelled' },
    ]);
    expect(JSON.stringify(list)).not.toMatch(/sentence|disqualified/);
  });

  it('refuses a reinstatement that would give a party a second live nominee, and changes nothing', async () => {
    const partyId = 'amanat';
    const { caseId: first } = await t.operations.fileNomination(
      partyCaller(partyId),
      { electionId },
      aPartyFiling(partyId, 7),
    );
    await t.operations.confirmPartyNomination(
      partyCaller(partyId),
      { electionId, caseId: first },
      { decision: 'confirm' },
    );
    await t.operations.decideRegistration(commission, { electionId, caseId: first }, refusal);
    // The refusal freed the party's slot: the party nominates someone else.
    const { caseId: second } = await t.operations.fileNomination(
      partyCaller(partyId),
      { electionId },
      aPartyFiling(partyId, 8),
    );
    const before = await caseOf(first);
    await expect(
      call(reinstateCase.createHandler, commission, first, {
        decision: ruling('2026-02-05'),
        to: 'registered',
      }),
    ).rejects.toThrowError(
      expect.objectContaining({ name: 'PartyNomineeExistsError', details: { caseId: second } }),
    );
    expect(await caseOf(first)).toEqual(before);

    // Once the party revokes its second nominee, the court's decision is recorded.
    await t.operations.withdrawNomination(partyCaller(partyId), { electionId, caseId: second }, {});
    await call(reinstateCase.createHandler, commission, first, {
      decision: ruling('2026-02-05'),
      to: 'registered',
    });
    expect((await caseOf(first)).status).toBe('Registered');
  });
});
