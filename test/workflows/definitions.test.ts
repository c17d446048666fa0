import { existsSync } from 'node:fs';
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Engine } from '../../infra/local/engine.ts';
import { ManualClock } from '../../infra/local/manual-clock.ts';
import { workflowNames } from '../../shared/ports/workflows.ts';
import { loadWorkflow, taskStates } from '../../shared/workflow-definitions.ts';
import { createTestTable } from '../support/test-table.ts';

const kebab = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
const NODE_TIMER_LIMIT_S = (2 ** 31 - 1) / 1000;

describe.each(workflowNames)('the %s definition', (workflow) => {
  const definition = loadWorkflow(workflow);

  it('passes asl-validator', () => {
    const result = validator(structuredClone(definition), { checkPaths: true, checkArn: true });
    expect(result.errorsText()).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('has a handler file named after each Task state', () => {
    for (const task of taskStates(definition)) {
      expect(task.functionName).toBe(task.stateName);
      expect(
        existsSync(new URL(`../../functions/${kebab(task.stateName)}.ts`, import.meta.url)),
        task.stateName,
      ).toBe(true);
    }
  });

  it('bounds every wait below Node’s timer limit and re-arms it on timeout', () => {
    for (const task of taskStates(definition).filter((t) => t.waitsForToken)) {
      const state = definition.States[task.stateName] as {
        TimeoutSeconds?: number;
        Catch?: { ErrorEquals: string[] }[];
      };
      expect(state.TimeoutSeconds, task.stateName).toBeLessThan(NODE_TIMER_LIMIT_S);
      expect(state.Catch?.[0]?.ErrorEquals).toEqual(['States.Timeout']);
    }
  });

  it('catches every failure of a Task into a state that records it', () => {
    for (const task of taskStates(definition).filter((t) => !t.stateName.startsWith('Record'))) {
      const state = definition.States[task.stateName] as {
        Catch?: { ErrorEquals: string[]; Next: string }[];
      };
      expect(state.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'))?.Next, task.stateName).toMatch(
        /^Record\w+Failure$/,
      );
    }
  });
});

it('maps every Task state of both workflows to a local handler', async () => {
  // The engine refuses to start if any function is missing; building it is the check.
  const engine = new Engine({
    table: await createTestTable(),
    clock: new ManualClock('2026-01-01T00:00:00.000Z'),
    logLevel: 'SILENT',
  });
  expect(engine.workflows.executions()).toEqual([]);
});

it('has each close of nomination wait for the election’s jobs: JobsRunningError retried every 10 s for 10 minutes, before any other retrier', () => {
  const { States } = loadWorkflow('election-calendar');
  for (const name of ['CloseNomination', 'CloseExtendedNomination']) {
    const retry = z
      .object({ Retry: z.array(z.looseObject({ ErrorEquals: z.array(z.string()) })) })
      .parse(States[name]).Retry;
    const at = retry.findIndex((r) => r.ErrorEquals.includes('JobsRunningError'));
    expect(at, name).toBeGreaterThanOrEqual(0);
    expect(
      retry.findIndex((r) => r.ErrorEquals.includes('States.ALL')),
      name,
    ).toBeGreaterThan(at);
    expect(retry[at], name).toMatchObject({ IntervalSeconds: 10, BackoffRate: 1, MaxAttempts: 60 });
  }
});
