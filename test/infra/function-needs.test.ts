// The stack grants each function what its catalogue entry says (stack.test.ts); this proves the catalogue
// itself right: whatever a function does with Step Functions, the scheduler or the table in a real run, it is
// granted.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import * as cancelRegistration from '../../functions/cancel-registration.ts';
import * as createAccount from '../../functions/create-account.ts';
import * as createUpload from '../../functions/create-upload.ts';
import * as disableAccount from '../../functions/disable-account.ts';
import * as getCase from '../../functions/get-case.ts';
import * as getCaseEvidence from '../../functions/get-case-evidence.ts';
import * as getCaseTimeline from '../../functions/get-case-timeline.ts';
import * as getElection from '../../functions/get-election.ts';
import * as getJob from '../../functions/get-job.ts';
import * as importVoterRegister from '../../functions/import-voter-register.ts';
import * as listAccounts from '../../functions/list-accounts.ts';
import * as listCandidates from '../../functions/list-candidates.ts';
import * as listCases from '../../functions/list-cases.ts';
import * as listElections from '../../functions/list-elections.ts';
import * as listMyCases from '../../functions/list-my-cases.ts';
import * as listNotices from '../../functions/list-notices.ts';
import * as markNoticesRead from '../../functions/mark-notices-read.ts';
import * as reinstateCase from '../../functions/reinstate-case.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import {
  apiFunctions,
  type FunctionNeeds,
  type ObjectNeeds,
  objectPrefixes,
  scheduledFunctions,
  taskFunctions,
} from '../../infra/aws/function-catalogue.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { CognitoAccountDirectory } from '../../shared/aws/cognito-account-directory.ts';
import { objectKeys, SYNCHRONOUS_ROWS } from '../../shared/domain/bulk-job.ts';
import type { WorkflowName } from '../../shared/ports/workflows.ts';
import type { Table } from '../../shared/storage/document-client.ts';
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

/**
 * An administrator creates, lists and disables an account through the directory the AWS functions use: Cognito
 * mocked, its records in the table whose accesses are recorded.
 */
async function runAccountOperations(
  table: Table,
  op: <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) => (...args: A) => Promise<R>,
) {
  const sub = '0f0e0d0c-0b0a-4908-8706-050403020100';
  const cognito = mockClient(CognitoIdentityProviderClient);
  cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: sub }] } });
  cognito.on(AdminGetUserCommand).resolves({
    Enabled: true,
    UserAttributes: [{ Name: 'custom:managed_by', Value: '1952' }],
  });
  const deps = {
    accounts: new CognitoAccountDirectory(new CognitoIdentityProviderClient({}), 'pool', table),
    clock: { now: () => '2026-02-10T00:00:00.000Z' },
    newId: () => 'a1b2c3d4-0000-4000-8000-000000000000',
  };
  const admin: Caller = { role: 'commission', subject: 'tec-admin', district: '1952', admin: true };
  const body = { role: 'akimat', scope: '1952', name: 'Ақтоғай әкімдігі', username: 'akimat.aktogai' };
  await op('createAccount', createAccount.createHandler(deps))({ caller: admin, params: {}, body });
  await op('listAccounts', listAccounts.createHandler(deps))({ caller: admin, params: {}, body: {} });
  await op(
    'disableAccount',
    disableAccount.createHandler(deps),
  )({
    caller: admin,
    params: { accountId: sub },
    body: {},
  });
  cognito.restore();
}

type ObjectAccess = keyof ObjectNeeds;
/**
 * A call that needs a grant: one of the flags of FunctionNeeds, starting one state machine, or one kind of access
 * to one folder of the object store.
 */
type Need =
  | 'signalsTasks'
  | 'armsWakeUps'
  | 'inspectsExecutions'
  | `startsWorkflows:${WorkflowName}`
  | `objects:${ObjectAccess}:${string}`;
const SCHEDULER = '(scheduler)';
/** A client's PUT to an upload URL: on AWS, S3's own check of the URL the function signed. */
const CLIENT = '(client)';

function isGranted(needs: FunctionNeeds | undefined, need: Need): boolean {
  switch (need) {
    case 'signalsTasks':
    case 'armsWakeUps':
    case 'inspectsExecutions':
      return needs?.[need] === true;
    default: {
      if (need.startsWith('startsWorkflows:')) {
        return needs?.startsWorkflows?.some((workflow) => need === `startsWorkflows:${workflow}`) === true;
      }
      const access = needs?.objects ?? {};
      return objectAccesses.some((kind) =>
        (access[kind] ?? []).some((folder) => need === `objects:${kind}:${folder}`),
      );
    }
  }
}
const objectAccesses = ['reads', 'writes', 'presigns', 'removes'] as const satisfies readonly ObjectAccess[];

describe('the function catalogue', () => {
  it('grants every function the Step Functions, scheduler, table and object calls it makes in a whole election', async () => {
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
    const fire = wakeUps.fire.bind(wakeUps);
    wakeUps.fire = (...args) => running.run(SCHEDULER, () => fire(...args));
    const noting =
      <A extends unknown[], R>(need: Need, call: (...args: A) => R) =>
      (...args: A): R => {
        note(need);
        return call(...args);
      };
    workflows.start = (workflow, ...rest) => noting(`startsWorkflows:${workflow}`, start)(workflow, ...rest);
    // The object store: each access, by the folder of the key.
    const { objects } = t.engine;
    const folderOf = (key: string) =>
      objectPrefixes.find((folder) => key.startsWith(folder)) ?? '(no folder)';
    // Every method of the store takes its key, or its keys, first.
    const touching =
      <A extends [string | readonly string[], ...unknown[]], R>(
        access: ObjectAccess,
        call: (...args: A) => R,
      ) =>
      (...args: A): R => {
        const [keys] = args;
        for (const key of typeof keys === 'string' ? [keys] : keys)
          note(`objects:${access}:${folderOf(key)}`);
        return call(...args);
      };
    objects.get = touching('reads', objects.get.bind(objects));
    objects.head = touching('reads', objects.head.bind(objects));
    objects.put = touching('writes', objects.put.bind(objects));
    objects.remove = touching('removes', objects.remove.bind(objects));
    objects.uploadUrl = touching('presigns', objects.uploadUrl.bind(objects));
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
    // The register is a file too large for a request: its upload URL, the client's PUT, the job that reads it.
    const voters = voterRows(SYNCHRONOUS_ROWS['voter-register'] + 1);
    const file = new TextEncoder().encode(JSON.stringify({ source: 'list', voters }));
    const { uploadId } = z.object({ uploadId: z.string() }).parse(
      await op(
        'createUpload',
        createUpload.createHandler(t.deps),
      )({
        caller: commission,
        params: { electionId },
        body: { for: 'voter-register', contentType: 'application/json', bytes: file.byteLength },
      }),
    );
    await running.run(CLIENT, () =>
      objects.put(
        objectKeys.upload(electionId, 'voter-register', undefined, uploadId),
        file,
        'application/json',
      ),
    );
    const { job } = z.object({ job: z.object({ jobId: z.string() }) }).parse(
      await op(
        'importVoterRegister',
        importVoterRegister.createHandler(t.deps),
      )({
        caller: commission,
        params: { electionId },
        body: { upload: uploadId, source: 'list' },
      }),
    );
    await t.settled();
    expect(
      await op(
        'getJob',
        getJob.createHandler(t.deps),
      )({
        caller: commission,
        params: { electionId, jobId: job.jobId },
        body: {},
      }),
    ).toMatchObject({ state: 'succeeded', progress: { rowsDone: voters.length } });
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
    // A registration cancelled, then sent back to the commission by a higher commission: a new execution waits.
    await op(
      'cancelRegistration',
      cancelRegistration.createHandler(t.deps),
    )({
      caller: commission,
      params: { electionId, caseId: confirmed },
      body: { grounds: ['false-information'], reasons: 'The declaration omitted a flat.' },
    });
    await op(
      'reinstateCase',
      reinstateCase.createHandler(t.deps),
    )({
      caller: commission,
      params: { electionId, caseId: confirmed },
      body: {
        decision: {
          body: 'higher-commission',
          bodyName: 'Regional commission',
          date: '2026-02-20',
          number: '7',
        },
        to: 'registration-decision',
      },
    });
    await t.settled();
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
    // A district's elections, and an inbox read and marked.
    const district = { caller: commission, params: {}, query: { district: '1952' }, body: {} };
    await op('listElections', listElections.createHandler(t.deps))(district);
    await op('listNotices', listNotices.createHandler(t.deps))(district);
    await op(
      'markNoticesRead',
      markNoticesRead.createHandler(t.deps),
    )({
      ...district,
      body: { upTo: '2026-02-10T00:00:00Z' },
    });
    // A party's secretary and a candidate find their own cases across elections (the nominee index).
    await op(
      'listMyCases',
      listMyCases.createHandler(t.deps),
    )({
      caller: partyCaller('amanat'),
      params: {},
      body: {},
    });
    // Accounts as on AWS: the Cognito directory (Cognito mocked) keeping its records in the table.
    await runAccountOperations(storage.table, op);
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
    made.delete(CLIENT);
    const missing = [...made].flatMap(([name, needs]) =>
      [...needs].filter((need) => !isGranted(catalogue.get(name), need)).map((need) => `${name}: ${need}`),
    );
    expect(missing).toEqual([]);
    // The run reached the functions that matter here, so the comparison above is not empty by accident.
    expect([...made.keys()]).toEqual(
      expect.arrayContaining([
        'CloseNomination',
        'CloseRegistration',
        'WaitForNextDeadline',
        'decideRegistration',
        'createUpload',
        'importVoterRegister',
        'RunJobStep',
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
    // Every function touched the table in the run, but those that only record a failure, the clock's, and
    // LoadCase, which runs only where a wait ends without the case's status (timed out, or signalled by an
    // earlier version).
    const reached = new Set(storage.accesses.map((a) => a.by));
    expect([...catalogue.keys()].filter((name) => !reached.has(name))).toEqual([
      'LoadCase',
      'RecordCaseFailure',
      'RecordCalendarFailure',
      'RecordJobFailure',
      'getTime',
    ]);
  });
});
