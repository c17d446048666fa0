import { describe, expect, it } from 'vitest';
import { phaseDeadline } from '../../shared/domain/deadlines.ts';
import {
  calendarMayHaveDrifted,
  caseMayHaveDrifted,
  RECENT_CHANGE_MS,
} from '../../shared/domain/drift-suspects.ts';
import { callElection, type Election } from '../../shared/domain/election.ts';
import { REPAIR_GRACE_MS } from '../../shared/domain/execution-repair.ts';
import {
  type NominationCase,
  openCase,
  recordWithoutTransition,
} from '../../shared/domain/nomination-case.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';

const FILED = '2026-02-06T05:00:00.000Z';
const plus = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
const signal = (at: string) => ({ taskToken: 'token', output: {}, at, repeated: false });

/** A party's case whose execution stored its wait for the party right after the filing. */
function atRest(): NominationCase {
  const opened = openCase(
    aPartyFiling('amanat'),
    { caseId: '0f0e0d0c-0b0a-4908-8706-000000000001', electionId: '195230100-2026-03-15' },
    { at: FILED, actor: { role: 'party', id: 'amanat' } },
  );
  return { ...opened, waitingFor: { step: 'party-confirmation', taskToken: 'token', since: FILED } };
}

describe('which case the scheduled pass asks about', () => {
  const quietAt = plus(FILED, RECENT_CHANGE_MS);

  it('not one at rest on the wait its execution stored after its last change, once that change is not recent', () => {
    expect(caseMayHaveDrifted(atRest(), quietAt)).toBe(false);
    expect(caseMayHaveDrifted(atRest(), plus(FILED, RECENT_CHANGE_MS - 1))).toBe(true);
  });

  it('one whose last change came after its stored wait: a restart or a signal its execution may not have had', () => {
    const restarted = recordWithoutTransition(
      atRest(),
      'ExecutionRestarted',
      { executionAttempt: 2 },
      { at: plus(FILED, 1), actor: { role: 'engine', id: 'reconciler' } },
    );
    expect(caseMayHaveDrifted(restarted, plus(restarted.lastEntry.at, 10 * RECENT_CHANGE_MS))).toBe(true);
  });

  it('one with a signal sent and not yet answered, one with no stored wait, one waiting on another step', () => {
    expect(caseMayHaveDrifted({ ...atRest(), sentSignal: signal(FILED) }, quietAt)).toBe(true);
    expect(caseMayHaveDrifted({ ...atRest(), waitingFor: null }, quietAt)).toBe(true);
    const other = {
      ...atRest(),
      waitingFor: { step: 'registration-decision' as const, taskToken: 't', since: FILED },
    };
    expect(caseMayHaveDrifted(other, quietAt)).toBe(true);
    expect(caseMayHaveDrifted({ ...atRest(), status: 'CheckingEligibility' }, quietAt)).toBe(true);
  });
});

describe('which calendar the scheduled pass asks about', () => {
  const called = callElection(newElectionInput(), FILED);
  const due = phaseDeadline(called) ?? '';
  const sleeping: Election = { ...called, wakeUp: { ...signal(due), output: { reason: 'deadline' } } };

  it('not one asleep on the wake-up of its phase’s deadline, until that deadline is past by the grace', () => {
    expect(calendarMayHaveDrifted(sleeping, FILED)).toBe(false);
    expect(calendarMayHaveDrifted(sleeping, plus(due, REPAIR_GRACE_MS - 1))).toBe(false);
    expect(calendarMayHaveDrifted(sleeping, plus(due, REPAIR_GRACE_MS))).toBe(true);
  });

  it('one with no wake-up, one armed for another instant, one whose wake-up was already sent again', () => {
    expect(calendarMayHaveDrifted(called, FILED)).toBe(true);
    expect(calendarMayHaveDrifted({ ...sleeping, wakeUp: signal(plus(due, -1)) }, FILED)).toBe(true);
    expect(calendarMayHaveDrifted({ ...sleeping, wakeUp: { ...signal(due), repeated: true } }, FILED)).toBe(
      true,
    );
  });
});
