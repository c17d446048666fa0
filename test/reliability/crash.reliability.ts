import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { aCandidate, anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { rounds } from '../support/reliability.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const A = '195230100-2026-03-15';
const B = '195240100-2026-03-15';
const voters = voterRows(400);
const ErrorSchema = z.object({ error: z.object({ code: z.string() }) });
const CasesSchema = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      status: z.string(),
      candidate: z.object({ fullName: z.string() }),
      findings: z.record(z.string(), z.unknown()),
    }),
  ),
});
/** What the reconciler writes when it repairs an execution: present after a crash, absent without one. */
const repairEvents = new Set(['ExecutionRestarted', 'SignalRepeated']);
const TimelineSchema = z.object({
  timeline: z.array(z.object({ version: z.int(), event: z.string(), to: z.string() })),
});

type Step =
  | {
      readonly kind: 'call';
      readonly caller: Caller;
      readonly path: string;
      readonly body: unknown;
      readonly key: string;
    }
  | { readonly kind: 'clock'; readonly to: string }
  | { readonly kind: 'decide'; readonly electionId: string; readonly name: string };

const named = (filing: ReturnType<typeof aPartyFiling>, fullName: string) => ({
  ...filing,
  candidate: aCandidate({ fullName }, Number.parseInt(fullName.replace(/\D/g, ''), 10)),
});

/** A small cycle with every kind of step; cases are named so that they can be found again after a crash. */
function cycle(): Step[] {
  const call = (caller: Caller, path: string, body: unknown): Step => ({
    kind: 'call',
    caller,
    path,
    body,
    key: randomUUID(),
  });
  return [
    call(commission, '/elections', newElectionInput()),
    call(commission, '/elections', {
      ...newElectionInput(),
      unit: { kato: '195240100', kind: 'village', nameKk: 'Б', nameRu: 'Б' },
    }),
    call(commission, `/elections/${A}/voter-register`, { source: 'list', voters }),
    call(partyCaller('amanat'), `/elections/${A}/cases`, named(aPartyFiling('amanat', 1), 'Party One 1')),
    call(commission, `/elections/${A}/cases`, named(aSelfFiling(2), 'Self Two 2')),
    call(partyCaller('auyl'), `/elections/${A}/cases`, named(aPartyFiling('auyl', 3), 'Silent Three 3')),
    call(partyCaller('amanat'), 'confirm:Party One 1', { decision: 'confirm' }),
    call(commission, 'signatures:Self Two 2', { lines: linesFrom(voters.slice(0, 4)) }),
    { kind: 'clock', to: fixtureCalendar.nominationClose },
    { kind: 'clock', to: fixtureCalendar.extendedClose },
    call(akimat, `/elections/${B}/cases`, {
      ...anAkimatFiling(4),
      candidate: aCandidate({ fullName: 'Akim Four 4' }, 4),
    }),
    call(akimat, 'consent:Akim Four 4', {
      meetingDate: '2026-02-21',
      protocolNumber: '1',
      members: 20,
      membersNotifiedOn: '2026-02-17',
      attendance: 15,
      votesFor: 12,
      votesAgainst: 3,
      abstained: 0,
    }),
    { kind: 'decide', electionId: A, name: 'Party One 1' },
    { kind: 'decide', electionId: A, name: 'Self Two 2' },
    { kind: 'decide', electionId: B, name: 'Akim Four 4' },
    { kind: 'clock', to: fixtureCalendar.registrationClose },
  ];
}

let running: EngineProcess | undefined;
afterEach(async () => {
  await running?.kill('SIGKILL');
});

/** Runs the cycle; at the steps in `killAt` the engine is killed (SIGKILL) while the step is in flight. */
async function run(steps: Step[], killAt: ReadonlySet<number>, seed: number) {
  const dataDir = newDataDir();
  running = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  let api = apiClient(running.url, dataDir);
  let random = seed;
  const nextDelay = () => {
    random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
    return random % 40;
  };
  const restart = async () => {
    await running?.kill('SIGKILL');
    running = await startEngineProcess(dataDir);
    api = apiClient(running.url, dataDir);
  };
  const caseNamed = async (electionId: string, name: string) => {
    const { cases } = CasesSchema.parse(
      (await api(commission, 'GET', `/elections/${electionId}/cases`)).body,
    );
    const found = cases.find((c) => c.candidate.fullName === name);
    if (found === undefined) throw new Error(`no case of ${name}`);
    return found;
  };
  const pathOf = async (step: Extract<Step, { kind: 'call' }>) => {
    const [action, name] = step.path.split(':');
    if (name === undefined) return step.path;
    const electionId = name.startsWith('Akim') ? B : A;
    const { caseId } = await caseNamed(electionId, name);
    const suffix = { confirm: 'party-confirmation', signatures: 'signatures', consent: 'community-consent' }[
      action ?? ''
    ];
    return `/elections/${electionId}/cases/${caseId}/${suffix}`;
  };
  /** One attempt at a step; false when the engine was not there to answer it. */
  const attempt = async (step: Step): Promise<boolean> => {
    try {
      if (step.kind === 'clock')
        return (await api({ role: 'public' }, 'POST', '/admin/clock', { to: step.to })).status === 200;
      if (step.kind === 'decide') {
        const c = await caseNamed(step.electionId, step.name);
        if (c.status === 'CheckingEligibility') return false;
        if (c.status !== 'AwaitingRegistrationDecision') return true;
        const answer = await api(
          commission,
          'POST',
          `/elections/${step.electionId}/cases/${c.caseId}/registration-decision`,
          { decision: 'register', checks: checksPassed },
        );
        return answer.status < 500;
      }
      const answer = await api(step.caller, 'POST', await pathOf(step), step.body, {
        'idempotency-key': step.key,
      });
      return (
        answer.status < 500 && ErrorSchema.safeParse(answer.body).data?.error.code !== 'REQUEST_IN_PROGRESS'
      );
    } catch {
      return false;
    }
  };

  for (const [i, step] of steps.entries()) {
    if (killAt.has(i)) {
      // The kill lands while the step is in flight, at a point that varies from run to run.
      const killed = new Promise((resolve) => setTimeout(resolve, nextDelay())).then(() =>
        running?.kill('SIGKILL'),
      );
      await attempt(step);
      await killed;
      await restart();
    }
    for (let tries = 0; !(await attempt(step)); tries += 1) {
      if (tries > 150) throw new Error(`step ${i} never went through`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const outcome: Record<string, unknown> = {};
  for (const electionId of [A, B]) {
    const { cases } = CasesSchema.parse(
      (await api(commission, 'GET', `/elections/${electionId}/cases`)).body,
    );
    for (const c of cases) {
      const { timeline } = TimelineSchema.parse(
        (await api(commission, 'GET', `/elections/${electionId}/cases/${c.caseId}/timeline`)).body,
      );
      outcome[c.candidate.fullName] = {
        status: c.status,
        // A restart's repairs are on the trail too; beside them, the trail is the uninterrupted run's.
        events: timeline.filter((e) => !repairEvents.has(e.event)).map((e) => `${e.event}:${e.to}`),
        validSignatures:
          z.object({ validCount: z.number() }).optional().parse(c.findings.signatures)?.validCount ?? null,
      };
    }
  }
  const elections = await Promise.all(
    [A, B].map(async (e) =>
      z
        .object({ phase: z.string(), notices: z.array(z.object({ code: z.string(), to: z.string() })) })
        .parse((await api({ role: 'public' }, 'GET', `/elections/${e}`)).body),
    ),
  );
  return {
    outcome,
    elections: elections.map((e) => ({
      phase: e.phase,
      notices: e.notices.filter((n) => n.to !== 'operator').map((n) => n.code),
    })),
  };
}

describe('crashes: SIGKILL at random points of a cycle, restart on the same data', () => {
  it('ends every case as an uninterrupted run does: nothing lost, nothing done twice', async () => {
    const steps = cycle();
    const uninterrupted = await run(steps, new Set(), 1);
    await running?.kill('SIGKILL');
    expect(Object.keys(uninterrupted.outcome)).toHaveLength(4);
    expect(uninterrupted.elections.map((e) => e.phase)).toEqual(['RegistrationClosed', 'RegistrationClosed']);

    const kills = rounds(steps.length, 4);
    let seed = 17;
    const points = new Set<number>();
    while (points.size < kills) {
      seed = (seed * 48_271) % 2_147_483_647;
      points.add(seed % steps.length);
    }
    const crashed = await run(steps, points, seed);
    expect(crashed).toEqual(uninterrupted);
  });
});
