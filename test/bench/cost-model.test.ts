import { beforeAll, describe, expect, it } from 'vitest';
import {
  costOf,
  type MeasuredCosts,
  measureCosts,
  workflowLogConfigurations,
} from '../../bench/cost-model.ts';
import { nationalCycleCost } from '../../bench/cost-report.ts';
import { lambdaPlatformBytesPerInvocation } from '../../bench/log-records.ts';
import { workflowLogging } from '../../infra/aws/observability.ts';

// Not a timing test: it checks that the cost model counts what the product really does, so its figures mean something.
let measured: MeasuredCosts;
beforeAll(async () => {
  measured = await measureCosts();
}, 60_000);

describe('the cost model', () => {
  it('counts each case’s transitions and invocations, and each election’s register and wake-ups', () => {
    const { cases, elections, perCase, perElection } = measured;
    expect(elections).toBe(5);
    expect(cases).toBe(10);
    // A case passes at least a load of its status, a route on it, a wait, and its close.
    expect(perCase.stateTransitions).toBeGreaterThanOrEqual(4);
    expect(perCase.lambdaInvocations).toBeGreaterThan(perCase.apiRequests);
    // Importing 1,660 voters writes their IINs packed five bytes each (8.3 KB: at least 9 one-KB write units),
    // far fewer than one unit per voter; the calendar sleeps on wake-ups between deadlines.
    expect(perElection.writeUnits).toBeGreaterThanOrEqual(9);
    expect(perElection.writeUnits).toBeLessThan(1_660);
    expect(perElection.wakeUps).toBeGreaterThanOrEqual(2);
    expect(costOf(perElection)).toBeGreaterThan(costOf(perCase));
  });

  it('counts the notice publisher: an invocation per change of a case, its notices on SNS, the marks it writes', () => {
    const { perCase } = measured;
    // A case is written at least when filed and when it ends: the stream hands each change to the publisher.
    expect(perCase.streamRecords).toBeGreaterThanOrEqual(2);
    expect(perCase.lambdaInvocations).toBeGreaterThanOrEqual(perCase.streamRecords);
    // Every case is told something (waiting for someone, decided); a PublishBatch carries up to ten.
    expect(perCase.notices).toBeGreaterThanOrEqual(1);
    expect(perCase.snsRequests).toBeGreaterThanOrEqual(perCase.notices / 10);
  });

  it('counts the log bytes of the executions’ real payloads: the data costs bytes, passing steps log nothing at ERROR', () => {
    const logs = measured.workflowLogBytesByConfiguration;
    const all = logs['ALL, with execution data'];
    const bare = logs['ALL, without execution data'];
    expect(bare.perCase).toBeGreaterThan(0);
    expect(all.perCase).toBeGreaterThan(bare.perCase);
    expect(all.perElection).toBeGreaterThan(bare.perElection);
    // Every path the model takes succeeds: at level ERROR nothing of it is logged.
    expect(logs['ERROR, with execution data']).toEqual({ perCase: 0, perElection: 0 });
    // The stack's configuration is the one priced.
    const deployed = Object.entries(workflowLogConfigurations).find(
      ([, c]) =>
        c.level === workflowLogging.level && c.includeExecutionData === workflowLogging.includeExecutionData,
    )?.[0] as keyof typeof logs;
    expect(measured.perCase.workflowLogBytes).toBeCloseTo(logs[deployed].perCase, 0);
    expect(measured.perElection.workflowLogBytes).toBeCloseTo(logs[deployed].perElection, 0);
    // Each invocation leaves Lambda's own records, whatever the handler logs.
    expect(measured.perCase.functionLogBytes).toBeGreaterThanOrEqual(
      measured.perCase.lambdaInvocations * lambdaPlatformBytesPerInvocation,
    );
  });

  it('reads, in each reconciler run, every election of the country and the cases it finds', () => {
    const { perElection, perCase } = measured.reconcilerRun;
    // The election itself, its jobs and its cases: at least half a read unit each (an eventual read's minimum:
    // the scheduled pass reads eventually).
    expect(perElection.readUnits).toBeGreaterThanOrEqual(1.5);
    expect(perElection.dynamoRequests).toBeGreaterThanOrEqual(2);
    // Each open case's execution is described.
    expect(perCase.stepFunctionsRequests).toBeGreaterThan(0);
  });

  it('prices a national cycle with its recurring functions, the bill by kind adding up to the whole', () => {
    const cost = nationalCycleCost(measured);
    const sum = Object.values(cost.byKind).reduce((a, b) => a + b, 0);
    expect(cost.usd).toBeCloseTo(sum, 6);
    const part = (name: keyof typeof cost.parts) =>
      Object.values(cost.parts[name]).reduce((a, b) => a + b, 0);
    expect(part('cases') + part('elections') + part('deadline sweep') + part('reconciler')).toBeCloseTo(
      cost.usd,
      6,
    );
    expect(cost.byKind['CloudWatch Logs']).toBeGreaterThan(0);
    expect(cost.byKind.SNS).toBeGreaterThan(0);
    // The sweep runs every 15 minutes over the cycle's 17 days and more.
    expect(cost.sweepRuns).toBeGreaterThan(1_600);
    const [first, second] = cost.dearest;
    expect(cost.byKind[first ?? 'Lambda']).toBeGreaterThanOrEqual(cost.byKind[second ?? 'Lambda']);
  });
});
