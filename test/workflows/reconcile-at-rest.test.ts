import { describe, expect, it } from 'vitest';
import { executionStatusChange } from '../../infra/local/execution-status-events.ts';
import { RECENT_CHANGE_MS } from '../../shared/domain/drift-suspects.ts';
import type { WorkflowName } from '../../shared/ports/workflows.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, partyCaller, startTestEngine, type TestEngine } from '../support/engine.ts';

const electionId = '195230100-2026-03-15';
const later = (t: TestEngine, ms: number) =>
  t.clock.set(new Date(Date.parse(t.clock.now()) + ms).toISOString());

/** Counts what the reconciler asks the engine about its executions. */
function countDescribes(t: TestEngine): { readonly asked: string[] } {
  const asked: string[] = [];
  const describe = t.engine.workflows.describe.bind(t.engine.workflows);
  t.engine.workflows.describe = async (workflow: WorkflowName, name: string) => {
    asked.push(`${workflow}:${name}`);
    return describe(workflow, name);
  };
  return { asked };
}

async function electionWithPartyCases(t: TestEngine, parties: readonly string[]): Promise<string[]> {
  await t.operations.createElection(commission, {}, newElectionInput());
  const caseIds: string[] = [];
  for (const [serial, partyId] of parties.entries()) {
    const filed = await t.operations.fileNomination(
      partyCaller(partyId),
      { electionId },
      aPartyFiling(partyId, serial + 1),
    );
    caseIds.push(filed.caseId);
  }
  return caseIds;
}

/**
 * The scheduled pass at national scale: thousands of open cases rest on a wait for a person, each a
 * DescribeExecution a pass if asked about, past what the API's quota refills and what one run can make.
 */
describe('the reconciler’s scheduled pass', () => {
  it('asks about no record at rest on the wait its execution stored, and about every open one when thorough', async () => {
    const t = await startTestEngine();
    const caseIds = await electionWithPartyCases(t, ['amanat', 'auyl', 'respublica']);
    const { asked } = countDescribes(t);

    expect((await t.engine.reconcile()).repaired).toEqual([]);
    expect(asked.sort(), 'just filed: each case may still be on its way to its execution').toEqual(
      caseIds.map((id) => `nomination-case:${id}`).sort(),
    );

    asked.length = 0;
    later(t, RECENT_CHANGE_MS);
    expect((await t.engine.reconcile()).repaired).toEqual([]);
    expect(asked, 'the calendar sleeps on its deadline, every case waits for its party').toEqual([]);

    expect((await t.engine.reconcile({ thorough: true })).repaired).toEqual([]);
    expect(asked.sort()).toEqual(
      [`election-calendar:${electionId}`, ...caseIds.map((id) => `nomination-case:${id}`)].sort(),
    );
  });

  it('still asks about a case whose decision is recorded but whose execution has not moved on', async () => {
    const t = await startTestEngine();
    const [caseId = ''] = await electionWithPartyCases(t, ['amanat']);
    later(t, RECENT_CHANGE_MS);
    // The party's confirmation is written, its signal lost on the way.
    t.engine.workflows.sendTaskSuccess = async () => {};
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    later(t, RECENT_CHANGE_MS);
    const { asked } = countDescribes(t);
    const { repaired } = await t.engine.reconcile();
    expect(asked).toEqual([`nomination-case:${caseId}`]);
    expect(repaired.map((r) => r.repair)).toEqual(['resignal']);
  });
  it('reads eventually, at half the read units, and a thorough pass consistently', async () => {
    const t = await startTestEngine();
    await electionWithPartyCases(t, ['amanat']);
    const reads: { command: string; consistent: unknown }[] = [];
    let watching = false;
    t.table.db.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as {
          ConsistentRead?: unknown;
          RequestItems?: Record<string, { ConsistentRead?: unknown }>;
        };
        if (
          watching &&
          (context.commandName === 'QueryCommand' || context.commandName === 'BatchGetCommand')
        ) {
          const consistent =
            input.ConsistentRead ?? Object.values(input.RequestItems ?? {})[0]?.ConsistentRead;
          reads.push({ command: context.commandName, consistent });
        }
        return next(args);
      },
      { step: 'initialize', name: 'watchReads' },
    );
    watching = true;
    await t.engine.reconcile();
    watching = false;
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((read) => read.consistent === false)).toBe(true);

    reads.length = 0;
    watching = true;
    await t.engine.reconcile({ thorough: true });
    watching = false;
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((read) => read.consistent === true)).toBe(true);
  });
});

describe('an execution that ends badly', () => {
  it('is passed over at rest by the schedule, and repaired from Step Functions’ own event', async () => {
    const t = await startTestEngine();
    const [caseId = ''] = await electionWithPartyCases(t, ['amanat']);
    later(t, RECENT_CHANGE_MS);
    await t.engine.workflows.stop('nomination-case', caseId);
    await t.settled();

    expect((await t.engine.reconcile()).repaired, 'the schedule does not look at a case at rest').toEqual([]);

    const event = executionStatusChange(
      {
        workflow: 'nomination-case',
        name: caseId,
        status: 'ABORTED',
        input: { electionId, caseId, case: { status: 'AwaitingPartyConfirmation' } },
      },
      t.clock.now(),
    );
    const { repaired } = await t.engine.reconcile(event as never);
    await t.settled();
    expect(repaired).toEqual([
      { workflow: 'nomination-case', id: caseId, repair: 'start', execution: `${caseId}--2` },
    ]);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
  });

  it('is repaired at once by an engine that reconciles ended executions, as the stack’s rule does on AWS', async () => {
    const t = await startTestEngine({ reconcileEndedExecutions: true });
    const [caseId = ''] = await electionWithPartyCases(t, ['amanat']);
    later(t, RECENT_CHANGE_MS);
    await t.engine.workflows.stop('nomination-case', caseId);
    await t.settled();
    await t.engine.endedExecutionsReconciled();
    await t.settled();

    expect(t.engine.workflows.execution('nomination-case', `${caseId}--2`)?.status).toBe('RUNNING');
    // The replaced execution's own stop is reported too, and finds the new one running: nothing more.
    await t.engine.endedExecutionsReconciled();
    expect(t.engine.workflows.execution('nomination-case', `${caseId}--3`)).toBeUndefined();
    const stored = await t.deps.cases.get(electionId, caseId);
    expect(stored.executionAttempt).toBe(2);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
  });

  it('restarts a step that fails every time once a scheduled pass, never in a loop of reports and restarts', async () => {
    const t = await startTestEngine({
      reconcileEndedExecutions: true,
      wrapFunctions: (fns) => ({
        ...fns,
        CheckEligibility: async () => {
          throw Object.assign(new Error('injected'), { name: 'ValidationError' });
        },
      }),
    });
    const [caseId = ''] = await electionWithPartyCases(t, ['amanat']);
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );
    const settle = async () => {
      for (let round = 0; round < 5; round += 1) {
        await t.engine.endedExecutionsReconciled();
        await t.settled();
      }
    };
    await settle();
    expect(t.engine.workflows.execution('nomination-case', caseId)?.status).toBe('FAILED');
    expect((await t.deps.cases.get(electionId, caseId)).executionAttempt, 'its failure just recorded').toBe(
      1,
    );

    later(t, RECENT_CHANGE_MS);
    expect((await t.engine.reconcile()).repaired.map((r) => r.repair)).toEqual(['start']);
    await settle();
    expect(t.engine.workflows.execution('nomination-case', `${caseId}--2`)?.status).toBe('FAILED');
    expect((await t.deps.cases.get(electionId, caseId)).executionAttempt).toBe(2);
  });

  it('repairs the other elections when one fails, says what it repaired, and fails the run to be tried again', async () => {
    const t = await startTestEngine();
    const [caseId = ''] = await electionWithPartyCases(t, ['amanat']);
    const other = { kato: '195230101', kind: 'village' as const, nameKk: 'Аса', nameRu: 'Аса' };
    await t.operations.createElection(commission, {}, newElectionInput({ unit: other }));
    const brokenId = '195230101-2026-03-15';
    later(t, RECENT_CHANGE_MS);
    await t.engine.workflows.stop('nomination-case', caseId);
    await t.settled();
    const list = t.deps.cases.listByElection.bind(t.deps.cases);
    t.deps.cases.listByElection = async (id, consistency) => {
      if (id === brokenId) throw Object.assign(new Error('storage fault'), { name: 'InternalServerError' });
      return list(id, consistency);
    };

    const warned: unknown[] = [];
    t.deps.logger.warn = (message: unknown, ...extra: unknown[]) => {
      warned.push({ message, extra });
    };

    await expect(t.engine.reconcile({ thorough: true })).rejects.toMatchObject({
      name: 'InternalServerError',
    });
    await t.settled();
    expect(warned).toEqual([
      {
        message: 'executions repaired',
        extra: [{ repairs: [expect.objectContaining({ id: caseId, repair: 'start' })] }],
      },
    ]);
    expect(t.engine.workflows.execution('nomination-case', `${caseId}--2`)?.status).toBe('RUNNING');
    expect((await t.deps.cases.get(electionId, caseId)).executionAttempt).toBe(2);
  });

  it('falls back to the scheduled pass on an event whose input is missing, not JSON, or names no record', async () => {
    const t = await startTestEngine();
    const [caseId = ''] = await electionWithPartyCases(t, ['amanat']);
    later(t, RECENT_CHANGE_MS);
    const { asked } = countDescribes(t);
    for (const input of [undefined, '{not json', JSON.stringify({ jobId: 'x' }), JSON.stringify('a')]) {
      const event = {
        source: 'aws.states',
        'detail-type': 'Step Functions Execution Status Change',
        detail: { name: caseId, status: 'FAILED', ...(input === undefined ? {} : { input }) },
      };
      expect((await t.engine.reconcile(event as never)).repaired).toEqual([]);
    }
    expect(asked, 'each a scheduled pass, over records at rest').toEqual([]);
    await expect(t.engine.reconcile({ everything: true } as never)).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});
