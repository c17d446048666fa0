import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { createApiDispatch } from '../../functions/support/api-dispatch.ts';
import { idempotencyStore } from '../../functions/support/idempotency.ts';
import { Engine } from '../../infra/local/engine.ts';
import { ManualClock } from '../../infra/local/manual-clock.ts';
import { ensureTable } from '../../infra/local/table-setup.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { createDocumentClient, createDynamoClient } from '../../shared/storage/document-client.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { rounds } from '../support/reliability.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const E = '195230100-2026-03-15';
const CaseSchema = z.object({ caseId: z.string() });
const CasesSchema = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      status: z.string(),
      route: z.string(),
      nominator: z.unknown(),
      findings: z.record(z.string(), z.unknown()),
    }),
  ),
});
const TimelineSchema = z.object({
  timeline: z.array(z.object({ version: z.int(), event: z.string(), to: z.string() })),
});
const voters = voterRows(300);

/**
 * One election with every kind of step, driven like a client that retries failed requests with the same
 * Idempotency-Key, over storage reached at `endpoint` (dynalite itself, or the fault proxy in front of it).
 */
async function runScenario(endpoint: string, dynalite: string) {
  const name = `faults-${randomUUID()}`;
  await ensureTable({ db: createDocumentClient({ endpoint: dynalite }), name });
  const table = { db: createDocumentClient({ endpoint }), name };
  const clock = new ManualClock(fixtureCalendar.nominationOpen);
  const engine = new Engine({ table, clock, retryPauseMs: 20, logLevel: 'SILENT' });
  const dispatch = createApiDispatch(engine.deps, idempotencyStore(createDynamoClient({ endpoint }), name));

  let serverErrors = 0;
  const answers: string[] = [];
  const api = async (caller: Caller, method: 'GET' | 'POST', path: string, body: unknown = {}) => {
    const key = randomUUID();
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const answer = await dispatch({
        method,
        path,
        query: new URLSearchParams(),
        caller,
        idempotencyKey: key,
        remainingTimeMs: 500,
        body: Buffer.from(JSON.stringify(body)),
      });
      const code = z.object({ error: z.object({ code: z.string() }) }).safeParse(answer.body).data
        ?.error.code;
      if (answer.status < 500 && code !== 'REQUEST_IN_PROGRESS') {
        answers.push(`${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${answer.status}`);
        await engine.workflows.settled();
        return answer;
      }
      serverErrors += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${method} ${path} kept failing`);
  };
  const moveClock = async (to: string) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await engine.advanceTo(clock, to);
      } catch (error) {
        if (attempt > 20) throw error;
      }
    }
  };

  await api(commission, 'POST', '/elections', newElectionInput());
  await api(commission, 'POST', `/elections/${E}/voter-register`, { source: 'list', voters });
  const file = async (caller: Caller, filing: unknown) =>
    CaseSchema.parse((await api(caller, 'POST', `/elections/${E}/cases`, filing)).body).caseId;
  const party = await file(partyCaller('amanat'), aPartyFiling('amanat', 1));
  const silent = await file(partyCaller('auyl'), aPartyFiling('auyl', 2));
  const self = aSelfFiling(3);
  const selfCase = await file(candidateCaller(self.candidate.iin), self);
  await api(partyCaller('amanat'), 'POST', `/elections/${E}/cases/${party}/party-confirmation`, {
    decision: 'confirm',
  });
  await api(commission, 'POST', `/elections/${E}/cases/${selfCase}/signatures`, {
    lines: linesFrom(voters.slice(0, 4)),
  });
  await moveClock(fixtureCalendar.nominationClose);
  for (const caseId of [party, selfCase, silent]) {
    await api(commission, 'POST', `/elections/${E}/cases/${caseId}/registration-decision`, {
      decision: 'register',
      checks: checksPassed,
    });
  }
  await moveClock(fixtureCalendar.registrationClose);

  const { cases } = CasesSchema.parse((await api(commission, 'GET', `/elections/${E}/cases`)).body);
  const outcome: Record<string, unknown> = {};
  for (const c of cases) {
    const { timeline } = TimelineSchema.parse(
      (await api(commission, 'GET', `/elections/${E}/cases/${c.caseId}/timeline`)).body,
    );
    // Versions are the case's: they rise with every write (a stored task token too), never repeat or fall back.
    const versions = timeline.map((e) => e.version);
    expect(
      versions.every((v, i) => i === 0 || v > (versions[i - 1] ?? v)),
      'audit trail in order, no repeats',
    ).toBe(true);
    outcome[`${c.route}:${JSON.stringify(c.nominator)}`] = {
      status: c.status,
      events: timeline.map((e) => `${e.event}:${e.to}`),
      signatures:
        z.object({ validCount: z.number() }).optional().parse(c.findings.signatures)?.validCount ?? null,
      failure: c.findings.workflowFailure ?? null,
    };
  }
  const failed = engine.workflows
    .executions()
    .filter((x) => x.status === 'FAILED')
    .map((x) => `${x.workflow}:${x.error}`);
  engine.stop();
  return { outcome, failed, serverErrors, answers, cases: cases.length };
}

describe('storage faults: errors and slowness between the engine and storage', () => {
  it('retries or fails cleanly, and ends exactly as a run without faults, nothing half-written', async () => {
    const dynalite = inject('dynamoEndpoint');
    const clean = await runScenario(dynalite, dynalite);
    expect(clean.failed).toEqual([]);

    for (let round = 0; round < rounds(8, 4); round += 1) {
      const proxy = await startFaultProxy(
        dynalite,
        { before: 0.08, after: 0.08, maxDelayMs: 25 },
        11 + round,
      );
      try {
        const faulty = await runScenario(proxy.endpoint, dynalite);
        expect(proxy.injected(), 'faults were injected').toBeGreaterThan(20);
        expect(faulty.failed).toEqual([]);
        expect(faulty.cases).toBe(clean.cases);
        expect(faulty.outcome).toEqual(clean.outcome);
        // Every request got the answer it would have got without faults: no success reported as a conflict.
        expect(faulty.answers).toEqual(clean.answers);
      } finally {
        await proxy.close();
      }
    }
  });
});
