// Issue 12, the repairs of cancellation and reinstatement: what a crash between two writes leaves, and who
// finishes it (the commission's retry, the reconciler), without a second live nominee or a second execution.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as cancelRegistration from '../../functions/cancel-registration.ts';
import * as decideRegistration from '../../functions/decide-registration.ts';
import * as listCandidates from '../../functions/list-candidates.ts';
import * as reconcile from '../../functions/reconcile.ts';
import * as reinstateCase from '../../functions/reinstate-case.ts';
import { isLive } from '../../shared/domain/case-lifecycle.ts';
import { REPAIR_GRACE_MS } from '../../shared/domain/execution-repair.ts';
import { publishedListChangesUntil } from '../../shared/domain/published-list-changes.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import type { PublishedList } from '../../shared/storage/published-list.ts';
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
import { electionId, wrap } from '../support/hostile.ts';

const refusal = { decision: 'refuse', grounds: ['documents-incomplete'], reasons: 'No service record.' };
const cancellation = { grounds: ['false-information'], reasons: 'The declared income omitted a salary.' };
const courtDecision = { body: 'court', bodyName: 'District court', date: '2026-02-05', number: '2-17/2026' };

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

/** A party nominee of `partyId`, confirmed and waiting for the commission. */
async function atRegistrationDecision(t: TestEngine, partyId: string, n: number): Promise<string> {
  const party = partyCaller(partyId);
  const { caseId } = await t.operations.fileNomination(party, { electionId }, aPartyFiling(partyId, n));
  await t.operations.confirmPartyNomination(party, { electionId, caseId }, { decision: 'confirm' });
  await t.settled();
  return caseId;
}

async function registered(t: TestEngine, partyId: string, n: number): Promise<string> {
  const caseId = await atRegistrationDecision(t, partyId, n);
  await t.operations.decideRegistration(
    commission,
    { electionId, caseId },
    { decision: 'register', checks: checksPassed },
  );
  return caseId;
}

async function publicList(t: TestEngine) {
  return (await listCandidates.createHandler(t.deps)({
    caller: { role: 'public' },
    params: { electionId },
    body: undefined,
  })) as { final: boolean; candidates: { caseId: string }[]; refusedOrCancelled: { caseId: string }[] };
}

/** The published list as the reconciler sees it, counting which cases' entries it reads. */
function countingMends(t: TestEngine) {
  const mended: string[] = [];
  const published = wrap(t.deps.published, {
    mend: (c: Parameters<PublishedList['mend']>[0]) => {
      mended.push(c.caseId);
      return t.deps.published.mend(c);
    },
  });
  return { mended, reconcile: reconcile.createHandler({ ...t.deps, published }) };
}

const running = (t: TestEngine, caseId: string) =>
  [1, 2, 3, 4]
    .map((attempt) => (attempt === 1 ? caseId : `${caseId}--${attempt}`))
    .filter((name) => t.engine.workflows.execution('nomination-case', name)?.status === 'RUNNING');

const later = (t: TestEngine, ms: number) =>
  t.clock.set(new Date(Date.parse(t.clock.now()) + ms).toISOString());

describe('a cancellation whose process died between the case and the published list, after registration close', () => {
  async function cancelledHalfWay() {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const kept = await registered(t, 'amanat', 1);
    const cancelled = await registered(t, 'auyl', 2);
    await t.advanceTo(fixtureCalendar.registrationClose);
    const request = { caller: commission, params: { electionId, caseId: cancelled }, body: cancellation };
    const crashing = { ...t.deps, cases: new CaseRepository(diesBeforePublishing(t.table)) };
    await expect(cancelRegistration.createHandler(crashing)(request)).rejects.toThrow('process killed');
    expect((await publicList(t)).candidates.map((c) => c.caseId).sort()).toEqual([kept, cancelled].sort());
    return { t, kept, cancelled, request };
  }

  it('is taken off the list by the retry alone, which still answers that the cancellation is recorded', async () => {
    const { t, kept, cancelled, request } = await cancelledHalfWay();
    await expect(cancelRegistration.createHandler(t.deps)(request)).rejects.toMatchObject({
      code: 'STEP_ALREADY_DECIDED',
    });
    const list = await publicList(t);
    expect(list.candidates.map((c) => c.caseId)).toEqual([kept]);
    expect(list.refusedOrCancelled.map((c) => c.caseId)).toEqual([cancelled]);
  });

  it('is taken off the list by the reconciler alone, which reads the entries of changed cases only', async () => {
    const { t, kept, cancelled } = await cancelledHalfWay();
    const { mended, reconcile: run } = countingMends(t);
    await run({});
    expect(mended).toEqual([cancelled]);
    expect((await publicList(t)).candidates.map((c) => c.caseId)).toEqual([kept]);
  });
});

describe('the reconciler and the published list, once nothing can change it', () => {
  it('reads no entry of an election an hour past its last deadline, and the list says it is final', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    await registered(t, 'amanat', 1);
    await t.advanceTo(fixtureCalendar.registrationClose);
    const until = publishedListChangesUntil(await t.deps.elections.get(electionId));
    t.clock.set(new Date(Date.parse(until) - 1).toISOString());
    expect((await publicList(t)).final).toBe(false);
    t.clock.set(until);
    expect((await publicList(t)).final).toBe(true);
    later(t, 60 * 60_000);
    const { mended, reconcile: run } = countingMends(t);
    await run({});
    expect(mended).toEqual([]);
  });
});

describe('a reinstatement back to the commission whose process died before the case’s execution started', () => {
  async function reinstatedHalfWay(lostRefusalSignal: boolean) {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const caseId = await atRegistrationDecision(t, 'amanat', 1);
    const refusing = lostRefusalSignal
      ? {
          ...t.deps,
          workflows: wrap(t.deps.workflows, {
            sendTaskSuccess: async () => {
              throw new Error('process killed');
            },
          }),
        }
      : t.deps;
    await decideRegistration
      .createHandler(refusing)({ caller: commission, params: { electionId, caseId }, body: refusal })
      .catch(() => undefined);
    await t.settled();
    const dying = wrap(t.deps.workflows, {
      stop: async () => {
        throw new Error('process killed');
      },
      start: async () => {
        throw new Error('process killed');
      },
    });
    const request = {
      caller: commission,
      params: { electionId, caseId },
      body: { decision: courtDecision, to: 'registration-decision' },
    };
    await expect(reinstateCase.createHandler({ ...t.deps, workflows: dying })(request)).rejects.toThrow(
      'process killed',
    );
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
    return { t, caseId, request };
  }

  it('gets its execution from the retry, the earlier one stopped, and the retry is told it is a repeat', async () => {
    const { t, caseId, request } = await reinstatedHalfWay(true);
    expect(running(t, caseId)).toEqual([caseId]);
    await expect(reinstateCase.createHandler(t.deps)(request)).rejects.toMatchObject({
      code: 'REINSTATEMENT_ALREADY_RECORDED',
    });
    await t.settled();
    expect(running(t, caseId)).toEqual([`${caseId}--2`]);
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId },
      { decision: 'register', checks: checksPassed },
    );
    await t.settled();
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('Registered');
    expect(running(t, caseId)).toEqual([]);
  });

  it('gets one execution from the reconciler, every earlier one stopped, though the refusal’s signal was lost too', async () => {
    const { t, caseId } = await reinstatedHalfWay(true);
    later(t, REPAIR_GRACE_MS + 1_000);
    await t.engine.reconcile();
    await t.settled();
    expect(running(t, caseId)).toEqual([`${caseId}--3`]);
  });
});

describe('a reinstatement whose process died after claiming the party’s slot, before writing the case', () => {
  it('holds the slot against a new filing for the lease only; after it, the filing wins and the retry is refused', async () => {
    const t = await startTestEngine();
    await t.operations.createElection(commission, {}, newElectionInput());
    const party = partyCaller('amanat');
    const refused = await atRegistrationDecision(t, 'amanat', 1);
    await t.operations.decideRegistration(commission, { electionId, caseId: refused }, refusal);
    await t.settled();
    const request = {
      caller: commission,
      params: { electionId, caseId: refused },
      body: { decision: courtDecision, to: 'registered' },
    };
    const dying = wrap(t.deps.cases, {
      update: async () => {
        throw new Error('process killed');
      },
    });
    await expect(reinstateCase.createHandler({ ...t.deps, cases: dying })(request)).rejects.toThrow(
      'process killed',
    );

    await expect(
      t.operations.fileNomination(party, { electionId }, aPartyFiling('amanat', 2)),
    ).rejects.toMatchObject({
      code: 'PARTY_NOMINEE_EXISTS',
    });
    later(t, 15 * 60_000 + 1_000);
    const { caseId: newcomer } = await t.operations.fileNomination(
      party,
      { electionId },
      aPartyFiling('amanat', 2),
    );
    await expect(reinstateCase.createHandler(t.deps)(request)).rejects.toMatchObject({
      code: 'PARTY_NOMINEE_EXISTS',
    });
    await t.settled();
    const { cases } = await t.deps.cases.listByElection(electionId);
    expect(cases.filter((c) => isLive(c.status)).map((c) => c.caseId)).toEqual([newcomer]);
  });
});
