// The stack grants each function what its catalogue entry says (stack.test.ts); this proves the catalogue
// itself right: whatever a function does with Step Functions, the scheduler or the table in a real run, it is
// granted.
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import * as getCase from '../../functions/get-case.ts';
import * as getCaseEvidence from '../../functions/get-case-evidence.ts';
import * as getCaseTimeline from '../../functions/get-case-timeline.ts';
import * as getElection from '../../functions/get-election.ts';
import * as listCandidates from '../../functions/list-candidates.ts';
import * as listCases from '../../functions/list-cases.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import {
  apiFunctions,
  type FunctionNeeds,
  scheduledFunctions,
  taskFunctions,
} from '../../infra/aws/function-catalogue.ts';
import type { Caller } from '../../shared/auth/caller.ts';
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
} from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { tableAccessRecorder } from '../support/table-access.ts';

type Need = keyof Omit<FunctionNeeds, 'reads' | 'writes'>;
const SCHEDULER = '(scheduler)';

describe('the function catalogue', () => {
  it('grants every function the Step Functions, scheduler and table calls it makes in a whole election', async () => {
    const running = new AsyncLocalStorage<string>();
    const made = new Map<string, Set<Need>>();
    const note = (need: Need) => {
      const name = running.getStore() ?? '(outside any function)';
      made.set(name, (made.get(name) ?? new Set()).add(need));
    };
    const storage = await tableAccessRecorder(() => running.getStore() ?? '(outside any function)');
    const t = await startTestEngine({
      table: storage.table,
      wrapFunctions: (functions) =>
        Object.fromEntries(
          Object.entries(functions).map(([name, fn]) => [
            name,
            (payload) => running.run(name, () => fn(payload)),
          ]),
        ),
    });
    const { workflows, wakeUps } = t.engine;
    const start = workflows.start.bind(workflows);
    const signal = workflows.sendTaskSuccess.bind(workflows);
    const wakeAt = wakeUps.wakeAt.bind(wakeUps);
    // A wake-up firing is EventBridge Scheduler's own call on AWS, under the scheduler's role: not a function's.
    const fireDue = wakeUps.fireDue.bind(wakeUps);
    wakeUps.fireDue = (...args) => running.run(SCHEDULER, () => fireDue(...args));
    const noting =
      <A extends unknown[], R>(need: Need, call: (...args: A) => R) =>
      (...args: A): R => {
        note(need);
        return call(...args);
      };
    workflows.start = noting('startsWorkflows', start);
    workflows.sendTaskSuccess = noting('signalsTasks', signal);
    wakeUps.wakeAt = noting('armsWakeUps', wakeAt);
    const op =
      <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
      (...args: A) =>
        running.run(name, () => fn(...args));
    const o = t.operations;
    const electionId = '195230100-2026-03-15';
    const caseIdOf = (c: unknown) => (c as { caseId: string }).caseId;

    // Every kind of step: a registered party nominee, one the party never confirms (it lapses at the close),
    // a self-nominee short of signatures, a withdrawal, the extension, the akimat's candidate, registration close.
    await op('createElection', o.createElection)(commission, {}, newElectionInput());
    const voters = voterRows(300);
    await op('importVoterRegister', o.importVoterRegister)(
      commission,
      { electionId },
      { source: 'list', voters },
    );
    const confirmed = caseIdOf(
      await op('fileNomination', o.fileNomination)(
        partyCaller('amanat'),
        { electionId },
        aPartyFiling('amanat', 1),
      ),
    );
    await op('fileNomination', o.fileNomination)(
      partyCaller('auyl'),
      { electionId },
      aPartyFiling('auyl', 2),
    );
    const self = aSelfFiling(3);
    const selfCase = caseIdOf(
      await op('fileNomination', o.fileNomination)(candidateCaller(self.candidate.iin), { electionId }, self),
    );
    await op('submitSignatures', o.submitSignatures)(
      commission,
      { electionId, caseId: selfCase },
      {
        lines: linesFrom(voters.slice(0, 1)),
      },
    );
    await op('confirmPartyNomination', o.confirmPartyNomination)(
      partyCaller('amanat'),
      { electionId, caseId: confirmed },
      { decision: 'confirm' },
    );
    const leaving = aSelfFiling(4);
    const leavingCase = caseIdOf(
      await op('fileNomination', o.fileNomination)(
        candidateCaller(leaving.candidate.iin),
        { electionId },
        leaving,
      ),
    );
    await op('withdrawNomination', o.withdrawNomination)(candidateCaller(leaving.candidate.iin), {
      electionId,
      caseId: leavingCase,
    });
    await t.advanceTo(fixtureCalendar.extendedClose);
    const proposed = caseIdOf(
      await op('fileNomination', o.fileNomination)(akimat, { electionId }, anAkimatFiling(5)),
    );
    await op('recordCommunityConsent', o.recordCommunityConsent)(
      akimat,
      { electionId, caseId: proposed },
      agreedMeeting,
    );
    await op('decideRegistration', o.decideRegistration)(
      commission,
      { electionId, caseId: confirmed },
      { decision: 'register', checks: checksPassed },
    );
    // A registered candidate who withdraws leaves the published list.
    await op('withdrawNomination', o.withdrawNomination)(
      candidateCaller(aPartyFiling('amanat', 1).candidate.iin),
      { electionId, caseId: confirmed },
    );
    // What each audience reads.
    const reads: Record<string, (request: OperationRequest) => Promise<unknown>> = {
      getElection: getElection.createHandler(t.deps),
      listCases: listCases.createHandler(t.deps),
      getCase: getCase.createHandler(t.deps),
      getCaseTimeline: getCaseTimeline.createHandler(t.deps),
      getCaseEvidence: getCaseEvidence.createHandler(t.deps),
      listCandidates: listCandidates.createHandler(t.deps),
    };
    const reader = (name: string): Caller =>
      name === 'getElection' || name === 'listCandidates' ? { role: 'public' } : commission;
    for (const [name, read] of Object.entries(reads)) {
      await op(name, read)({ caller: reader(name), params: { electionId, caseId: confirmed }, body: {} });
    }
    // The reconciler at work: an execution gone (stopped), repaired under a new name.
    await t.engine.workflows.stop('nomination-case', proposed);
    await t.settled();
    const { repaired } = await running.run('Reconcile', () => t.engine.reconcile({ atStartUp: true }));
    expect(repaired.map((r) => r.id)).toEqual([proposed]);
    await t.settled();
    await t.advanceTo(fixtureCalendar.registrationClose);
    for (const [name, read] of Object.entries(reads)) {
      await op(name, read)({ caller: reader(name), params: { electionId, caseId: confirmed }, body: {} });
    }
    t.engine.stop();

    const catalogue = new Map(
      [...taskFunctions, ...apiFunctions, ...scheduledFunctions].map((f) => [f.name, f.needs]),
    );
    made.delete(SCHEDULER);
    const missing = [...made].flatMap(([name, needs]) =>
      [...needs].filter((need) => catalogue.get(name)?.[need] !== true).map((need) => `${name}: ${need}`),
    );
    expect(missing).toEqual([]);
    // The run reached the functions that matter here, so the comparison above is not empty by accident.
    expect([...made.keys()]).toEqual(
      expect.arrayContaining([
        'CloseNomination',
        'CloseRegistration',
        'WaitForNextDeadline',
        'decideRegistration',
      ]),
    );

    // The table: every partition a function read or wrote is in a family its entry declares for that access.
    const ungranted = storage.accesses.flatMap(({ by, family, access }) => {
      const needs = catalogue.get(by);
      if (needs === undefined) return []; // the engine's own work (wake-ups, resuming): no Lambda function's
      if (access === 'scan') return [`${by}: scans`];
      // Locally, wake-ups are items of the table; on AWS they are EventBridge Scheduler's (armsWakeUps).
      if (family === 'wakeUps') return needs.armsWakeUps === true ? [] : [`${by}: arms wake-ups`];
      const declared: readonly string[] = access === 'read' ? needs.reads : needs.writes;
      return family !== undefined && declared.includes(family) ? [] : [`${by}: ${access} ${family ?? '?'}`];
    });
    expect([...new Set(ungranted)]).toEqual([]);
    // Every function touched the table in the run, but those that only record a failure.
    const reached = new Set(storage.accesses.map((a) => a.by));
    expect([...catalogue.keys()].filter((name) => !reached.has(name))).toEqual([
      'RecordCaseFailure',
      'RecordCalendarFailure',
    ]);
  });
});
