import { describe, expect, it } from 'vitest';
import { costOf, measureCosts } from '../../bench/cost-model.ts';

// Not a timing test: it checks that the cost model counts what the product really does, so its figures mean something.
describe('the cost model', () => {
  it('counts each case’s transitions and invocations, and each election’s register and wake-ups', async () => {
    const { cases, elections, perCase, perElection } = await measureCosts();
    expect(elections).toBe(5);
    expect(cases).toBe(10);
    // A case passes at least LoadCase → RouteByStatus → a wait → LoadCase → RouteByStatus → CaseClosed.
    expect(perCase.stateTransitions).toBeGreaterThanOrEqual(6);
    expect(perCase.lambdaInvocations).toBeGreaterThan(perCase.apiRequests);
    // Importing 1,660 voters writes their IINs packed five bytes each (8.3 KB: at least 9 one-KB write units),
    // far fewer than one unit per voter; the calendar sleeps on wake-ups between deadlines.
    expect(perElection.writeUnits).toBeGreaterThanOrEqual(9);
    expect(perElection.writeUnits).toBeLessThan(1_660);
    expect(perElection.wakeUps).toBeGreaterThanOrEqual(2);
    expect(costOf(perElection)).toBeGreaterThan(costOf(perCase));
  }, 60_000);
});
