import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { withoutIds } from '../support/without-ids.ts';

const electionId = '195230100-2026-03-15';
const FiledSchema = z.object({ caseId: z.string() });
const CandidatesSchema = z.object({
  final: z.boolean(),
  candidates: z.array(z.object({ caseId: z.string() })),
});
const TimelineSchema = z.object({
  timeline: z.array(z.object({ version: z.int(), event: z.string(), to: z.string() })),
});
const voters = voterRows(500);

let running: EngineProcess | undefined;
afterEach(async () => {
  await running?.kill('SIGTERM');
});

describe('the engine process survives SIGKILL', () => {
  it('continues every waiting case after a kill and a restart on the same data, losing and repeating nothing', async () => {
    const dataDir = newDataDir();
    running = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
    let api = apiClient(running.url, dataDir);

    expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
    await api(commission, 'POST', `/elections/${electionId}/voter-register`, { source: 'list', voters });
    const party = FiledSchema.parse(
      (await api(partyCaller('amanat'), 'POST', `/elections/${electionId}/cases`, aPartyFiling('amanat', 1)))
        .body,
    ).caseId;
    const selfFiling = aSelfFiling(2);
    const filedSelf = await api(
      candidateCaller(selfFiling.candidate.iin),
      'POST',
      `/elections/${electionId}/cases`,
      selfFiling,
    );
    const self = FiledSchema.parse(filedSelf.body).caseId;

    // Both cases wait for people; the engine dies without warning.
    await running.kill('SIGKILL');
    running = await startEngineProcess(dataDir);
    api = apiClient(running.url, dataDir);

    expect(
      (
        await api(
          partyCaller('amanat'),
          'POST',
          `/elections/${electionId}/cases/${party}/party-confirmation`,
          { decision: 'confirm' },
        )
      ).status,
    ).toBe(200);
    const verdict = await api(commission, 'POST', `/elections/${electionId}/cases/${self}/signatures`, {
      lines: linesFrom(voters.slice(0, 5)),
    });
    expect(verdict.body).toMatchObject({ validCount: 5, required: 5, sufficient: true });

    await running.kill('SIGKILL');
    running = await startEngineProcess(dataDir);
    api = apiClient(running.url, dataDir);

    for (const caseId of [party, self]) {
      await waitForStatus(api, commission, electionId, caseId, 'AwaitingRegistrationDecision');
      const decided = await api(
        commission,
        'POST',
        `/elections/${electionId}/cases/${caseId}/registration-decision`,
        {
          decision: 'register',
          checks: checksPassed,
        },
      );
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    }
    expect(
      (await api({ role: 'public' }, 'POST', '/admin/clock', { to: fixtureCalendar.registrationClose }))
        .status,
    ).toBe(200);

    const published = await api({ role: 'public' }, 'GET', `/elections/${electionId}/candidates`);
    const candidates = CandidatesSchema.parse(published.body);
    // Not final yet: cancellations and a court's registrations may still change it after registration close.
    expect(candidates.final).toBe(false);
    expect(candidates.candidates.map((c) => c.caseId).sort()).toEqual([party, self].sort());
    expect(withoutIds(JSON.stringify(published.body))).not.toMatch(/\d{12}/);

    // After the restart the case runs under a new, recorded name: `<caseId>--<attempt>`.
    const all = z
      .array(z.object({ name: z.string() }).loose())
      .parse((await api({ role: 'public' }, 'GET', '/admin/executions')).body);
    const ofParty = all.filter((e) => e.name.startsWith(`${party}--`));
    expect(ofParty, JSON.stringify(all)).toEqual([
      expect.objectContaining({
        workflow: 'nomination-case',
        status: 'SUCCEEDED',
        currentState: 'CaseClosed',
      }),
    ]);

    for (const caseId of [party, self]) {
      const { timeline } = TimelineSchema.parse(
        (await api(commission, 'GET', `/elections/${electionId}/cases/${caseId}/timeline`)).body,
      );
      const versions = timeline.map((e) => e.version);
      expect(new Set(versions).size).toBe(versions.length);
      expect(timeline.at(-1)).toMatchObject({ event: 'RegistrationDecided', to: 'Registered' });
    }
  });
});

describe('one engine per data folder', () => {
  it('refuses a second engine on a folder in use, with a clear message', async () => {
    const dataDir = newDataDir();
    running = await startEngineProcess(dataDir);
    await expect(startEngineProcess(dataDir)).rejects.toThrow(/another engine \(pid \d+\) is using/);
  });
});
