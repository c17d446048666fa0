import { describe, expect, it } from 'vitest';
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
  type TestEngine,
} from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';
const voters = voterRows(800);

/**
 * One election with every kind of case, driven in steps. Between any two steps the engine may be replaced
 * by a new one on the same data, as after a crash; the outcome must not change.
 */
const steps: ((t: TestEngine, ids: Map<string, string>) => Promise<void>)[] = [
  async (t) => {
    await t.operations.createElection(commission, {}, newElectionInput());
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'list', voters });
  },
  async (t, ids) => {
    ids.set(
      'party',
      (await t.operations.fileNomination(partyCaller('amanat'), { electionId }, aPartyFiling('amanat', 1)))
        .caseId,
    );
    const self = aSelfFiling(2);
    ids.set(
      'self',
      (await t.operations.fileNomination(candidateCaller(self.candidate.iin), { electionId }, self)).caseId,
    );
  },
  async (t, ids) => {
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId: ids.get('party') ?? '' },
      { decision: 'decline' },
    );
  },
  async (t, ids) => {
    await t.operations.submitSignatures(
      commission,
      { electionId, caseId: ids.get('self') ?? '' },
      { lines: linesFrom(voters.slice(0, 5)) },
    );
  },
  async (t) => {
    await t.advanceTo(fixtureCalendar.nominationClose);
  },
  async (t) => {
    await t.advanceTo(fixtureCalendar.extendedClose);
  },
  async (t, ids) => {
    ids.set('akimat', (await t.operations.fileNomination(akimat, { electionId }, anAkimatFiling(4))).caseId);
  },
  async (t, ids) => {
    await t.operations.recordCommunityConsent(
      akimat,
      { electionId, caseId: ids.get('akimat') ?? '' },
      agreedMeeting,
    );
  },
  async (t, ids) => {
    await t.operations.decideRegistration(
      commission,
      { electionId, caseId: ids.get('akimat') ?? '' },
      { decision: 'register', checks: checksPassed },
    );
  },
  async (t) => {
    await t.advanceTo(fixtureCalendar.registrationClose);
  },
];

const repairEvents = new Set(['ExecutionRestarted', 'SignalRepeated']);

async function outcome(t: TestEngine, ids: Map<string, string>) {
  const cases = Object.fromEntries(
    await Promise.all(
      [...ids].map(async ([name, caseId]) => {
        const { nominationCase: c, events: trail } = await t.deps.cases.withTrail(electionId, caseId);
        // A restart's repairs are on the trail too; beside them, the trail is the uninterrupted run's.
        const events = trail.filter((e) => !repairEvents.has(e.event)).map((e) => `${e.event}:${e.to}`);
        return [name, { status: c.status, events }] as const;
      }),
    ),
  );
  const election = await t.deps.elections.get(electionId);
  const notices = election.notices.filter((n) => n.to !== 'operator').map((n) => n.code);
  return { cases, phase: election.phase, notices };
}

async function run(restartAfter: ReadonlySet<number>) {
  let t = await startTestEngine();
  const ids = new Map<string, string>();
  for (const [i, step] of steps.entries()) {
    await step(t, ids);
    if (restartAfter.has(i)) {
      t.engine.stop();
      const resumed = await startTestEngine({ table: t.table, start: t.clock.now() });
      const { repaired } = await resumed.engine.reconcile({ atStartUp: true });
      // Nothing of the earlier process runs on: every open record got a new execution, on its trail.
      expect(repaired.every((r) => r.repair === 'start')).toBe(true);
      await resumed.settled();
      t = resumed;
    }
  }
  return outcome(t, ids);
}

describe('restart safety', () => {
  it('finishes every case as an uninterrupted run does, whatever step the engine restarts after', async () => {
    const uninterrupted = await run(new Set());
    expect(uninterrupted.phase).toBe('RegistrationClosed');
    expect(uninterrupted.cases).toMatchObject({
      party: { status: 'PartyDeclined' },
      self: { status: 'SignaturesInsufficient' },
      akimat: { status: 'Registered' },
    });
    expect(uninterrupted.notices).toEqual([
      'NOMINATION_EXTENDED',
      'ADDITIONAL_CANDIDATE_WINDOW_OPEN',
      'REGISTERED_LIST_PUBLISHED',
    ]);
    for (let i = 0; i < steps.length - 1; i += 1) {
      expect(await run(new Set([i])), `restart after step ${i}`).toEqual(uninterrupted);
    }
    expect(await run(new Set(steps.keys()))).toEqual(uninterrupted);
  });
});
