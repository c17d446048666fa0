import { describe, expect, it } from 'vitest';
import { executionEvent, historyEventBytes, stateEvent, taskEvents } from '../../bench/log-records.ts';

const all = { level: 'ALL', includeExecutionData: true } as const;
const bare = { level: 'ALL', includeExecutionData: false } as const;
const errors = { level: 'ERROR', includeExecutionData: true } as const;
const fatal = { level: 'FATAL', includeExecutionData: true } as const;
const payload = { electionId: '195230101-2026-03-15', caseId: 'c'.repeat(36), note: 'x'.repeat(2_000) };

describe('the log records the cost model prices', () => {
  it('grow with the payload at level ALL with execution data, and not without it', () => {
    const entered = stateEvent('Task', 'Entered', 'LoadCase', payload);
    const small = stateEvent('Task', 'Entered', 'LoadCase', {});
    expect(historyEventBytes(entered, all) - historyEventBytes(small, all)).toBeGreaterThan(2_000);
    expect(historyEventBytes(entered, bare)).toBe(historyEventBytes(small, bare));
  });

  it('log a passing step only at level ALL, a failure at ERROR, and only the execution’s end at FATAL', () => {
    const passed = taskEvents('LoadCase', false, payload, { result: { status: 'Registered' } });
    const failed = taskEvents('LoadCase', false, payload, { error: new Error('storage down') });
    const sum = (events: typeof passed, logging: Parameters<typeof historyEventBytes>[1]) =>
      events.reduce((s, e) => s + historyEventBytes(e, logging), 0);
    expect(sum(passed, all)).toBeGreaterThan(0);
    expect(sum(passed, errors)).toBe(0);
    expect(sum(failed, errors)).toBeGreaterThan(0);
    expect(sum(failed, fatal)).toBe(0);
    expect(historyEventBytes(executionEvent('ExecutionFailed', new Error('gone')), fatal)).toBeGreaterThan(0);
    expect(historyEventBytes(stateEvent('Fail', 'Entered', 'Failed', payload), errors)).toBeGreaterThan(
      2_000,
    );
  });

  it('carry the function’s result among the invoke response’s headers when a task succeeds', () => {
    const [, , succeeded] = taskEvents('LoadCase', false, {}, { result: payload });
    const [, , submitted] = taskEvents('AwaitSignatures', true, {}, { result: payload });
    expect(succeeded?.type).toBe('TaskSucceeded');
    // A waiting task is submitted first; what its signal carries is its exit's.
    expect(submitted?.type).toBe('TaskSubmitted');
    expect(String(succeeded?.details.output)).toContain('X-Amz-Executed-Version');
    expect(String(succeeded?.details.output).length).toBeGreaterThan(
      String(submitted?.details.output).length,
    );
  });
});
