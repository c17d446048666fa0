import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LocalTokens } from '../infra/local/local-tokens.ts';
import { startStorageServer } from '../infra/local/storage-server.ts';
import { ensureTable } from '../infra/local/table-setup.ts';
import type { Caller } from '../shared/auth/caller.ts';
import { documentKinds } from '../shared/domain/election-rules.ts';
import { createDocumentClient } from '../shared/storage/document-client.ts';
import { checksPassed } from '../test/support/decisions.ts';
import { startEngineProcess } from '../test/support/engine-process.ts';
import {
  CALLED_ON,
  candidateOf,
  ELECTION_DAY,
  type ElectionPlan,
  generateCycle,
  type NominationPlan,
  signatureSheets,
  votersOf,
} from './cycle-generator.ts';
import { httpClient, inPool } from './http-client.ts';

const CONCURRENCY = 8;
const calendar = {
  open: '2026-02-05T04:00:00.000Z',
  nominationClose: '2026-02-17T13:00:00.000Z',
  extendedClose: '2026-02-20T13:00:00.000Z',
  registrationClose: '2026-02-22T13:00:00.000Z',
};
const consent = (agreed: boolean) => ({
  meetingDate: '2026-02-21',
  protocolNumber: '1',
  members: 40,
  membersNotifiedOn: '2026-02-17',
  attendance: 30,
  votesFor: agreed ? 24 : 9,
  votesAgainst: agreed ? 6 : 21,
  abstained: 0,
});
const CaseSchema = z.object({ caseId: z.string() });
const CasesSchema = z.object({ cases: z.array(z.object({ caseId: z.string(), status: z.string() })) });
const ElectionSchema = z.object({ phase: z.string() });
const CandidatesSchema = z.object({ candidates: z.array(z.unknown()) });
const StatsSchema = z.object({
  storageRequests: z.number(),
  peakRssBytes: z.number(),
  storagePeakRssBytes: z.number(),
});

function percentile(sorted: readonly number[], p: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;
}

/**
 * Drives a whole cycle through the engine process over HTTP only, with its manual clock: calling, registers,
 * filings, confirmations, signatures, the calendar's deadlines, the akimats' candidates, decisions, the lists.
 */
export async function runNationalCycle(elections: number) {
  const plans = generateCycle(elections);
  const dataDir = mkdtempSync(join(tmpdir(), 'akim-cycle-'));
  const engine = await startEngineProcess(dataDir, { CLOCK_START: calendar.open });
  const tokens = LocalTokens.inDataDir(dataDir);
  const http = httpClient(engine.url, CONCURRENCY * 2);
  const tokenCache = new Map<string, string>();
  const latencies = new Map<string, number[]>();

  const call = async (
    operation: string,
    caller: Caller,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    contentType?: string,
  ) => {
    let authorization = '';
    if (caller.role !== 'public') {
      const key = JSON.stringify(caller);
      authorization = tokenCache.get(key) ?? (await tokens.issue(caller));
      tokenCache.set(key, authorization);
    }
    const response = await http(method, path, {
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      headers: {
        ...(authorization ? { authorization: `Bearer ${authorization}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
    });
    if (response.status >= 500)
      throw new Error(`${operation}: ${response.status} ${JSON.stringify(response.body)}`);
    latencies.set(operation, [...(latencies.get(operation) ?? []), response.ms]);
    return response;
  };
  const commissionOf = (plan: ElectionPlan): Caller => ({
    role: 'commission',
    subject: 'tec',
    district: plan.kato.slice(0, 4),
  });
  const akimatOf = (plan: ElectionPlan): Caller => ({
    role: 'akimat',
    subject: 'akimat',
    district: plan.kato.slice(0, 4),
  });
  const idOf = (plan: ElectionPlan) => `${plan.kato}-${ELECTION_DAY}`;
  const filingOf = (n: NominationPlan | { route: 'akimat'; candidate: number }, plan: ElectionPlan) => {
    const person = candidateOf(n.candidate);
    const candidate = {
      ...person,
      citizen: true,
      consecutiveTermsInUnit: 0,
      education: 'higher',
      documents: [...documentKinds],
    };
    if (n.route === 'party') {
      return {
        route: 'party',
        candidate,
        party: {
          partyId: n.partyId,
          candidateIsMember: true,
          decisionBody: 'Council',
          decisionDate: '2026-02-06',
          protocolNumber: '1',
        },
      };
    }
    if (n.route === 'akimat') {
      return {
        route: 'akimat',
        candidate,
        akimat: {
          district: plan.kato.slice(0, 4),
          proposalNumber: `P-${n.candidate}`,
          proposedOn: '2026-02-20',
        },
      };
    }
    return { route: 'self', candidate };
  };
  const operator = `Bearer ${await tokens.issueOperator('bench-operator')}`;
  const moveClock = async (to: string) => {
    const moved = await http('POST', '/admin/clock', {
      body: JSON.stringify({ to }),
      headers: { authorization: operator },
    });
    if (moved.status !== 200) throw new Error(`moveClock: ${moved.status} ${JSON.stringify(moved.body)}`);
    return moved;
  };

  const started = performance.now();
  const phases: Record<string, number> = {};
  const phase = async (name: string, work: () => Promise<void>) => {
    const t = performance.now();
    await work();
    phases[name] = Math.round(performance.now() - t) / 1000;
  };

  let cases = 0;
  let nextCandidate = 1_000_000;
  await phase('call elections', () =>
    inPool(plans, CONCURRENCY, async (plan) => {
      const unit = {
        kato: plan.kato,
        kind: 'village',
        nameKk: `Ауыл ${plan.index}`,
        nameRu: `Аул ${plan.index}`,
      };
      await call('createElection', commissionOf(plan), 'POST', '/elections', {
        unit,
        electionDay: ELECTION_DAY,
        calledOn: CALLED_ON,
        regime: 'kz-2023',
      });
    }),
  );
  await phase('import voter registers (CSV)', () =>
    inPool(plans, CONCURRENCY / 2, async (plan) => {
      const csv = [
        'iin,fullName,birthDate,address',
        ...votersOf(plan).map((v) => `${v.iin},${v.fullName},${v.birthDate},"${v.address}"`),
      ].join('\n');
      await call(
        'importVoterRegister',
        commissionOf(plan),
        'POST',
        `/elections/${idOf(plan)}/voter-register?source=bench`,
        csv,
        'text/csv',
      );
    }),
  );
  const stranger = { ...candidateOf(999_999), address: 'another district' };
  await phase('file, confirm, sign, withdraw', () =>
    inPool(plans, CONCURRENCY, async (plan) => {
      const voters = plan.nominations.some((n) => n.route === 'self') ? votersOf(plan) : [];
      for (const nomination of plan.nominations) {
        const caller: Caller =
          nomination.route === 'party'
            ? { role: 'party', subject: 'secretary', partyId: nomination.partyId }
            : commissionOf(plan);
        const filed = await call(
          'fileNomination',
          caller,
          'POST',
          `/elections/${idOf(plan)}/cases`,
          filingOf(nomination, plan),
        );
        const { caseId } = CaseSchema.parse(filed.body);
        cases += 1;
        const path = `/elections/${idOf(plan)}/cases/${caseId}`;
        if (nomination.route === 'party' && nomination.answer !== 'silent') {
          await call('confirmPartyNomination', caller, 'POST', `${path}/party-confirmation`, {
            decision: nomination.answer,
          });
        }
        if (nomination.route === 'self') {
          await call('submitSignatures', caller, 'POST', `${path}/signatures`, {
            lines: signatureSheets(plan, nomination, voters, stranger),
          });
          if (nomination.withdraws) {
            const self = candidateOf(nomination.candidate);
            await call(
              'withdrawNomination',
              { role: 'candidate', subject: `c${nomination.candidate}`, iin: self.iin },
              'POST',
              `${path}/withdrawal`,
              {},
            );
          }
        }
      }
    }),
  );
  await phase('close nomination (clock)', async () => {
    await moveClock(calendar.nominationClose);
    await moveClock(calendar.extendedClose);
  });
  await phase('akimats’ additional candidates', () =>
    inPool(plans, CONCURRENCY, async (plan) => {
      const election = ElectionSchema.parse(
        (await call('getElection', { role: 'public' }, 'GET', `/elections/${idOf(plan)}`)).body,
      );
      if (election.phase !== 'AdditionalCandidateWindow') return;
      for (const agreed of nextCandidate % 7 === 0 ? [false, true] : [true]) {
        nextCandidate += 1;
        const filed = await call(
          'fileNomination',
          akimatOf(plan),
          'POST',
          `/elections/${idOf(plan)}/cases`,
          filingOf({ route: 'akimat', candidate: nextCandidate }, plan),
        );
        cases += 1;
        const { caseId } = CaseSchema.parse(filed.body);
        await call(
          'recordCommunityConsent',
          akimatOf(plan),
          'POST',
          `/elections/${idOf(plan)}/cases/${caseId}/community-consent`,
          consent(agreed),
        );
      }
    }),
  );
  await phase('registration decisions', () =>
    inPool(plans, CONCURRENCY, async (plan) => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const { cases: list } = CasesSchema.parse(
          (await call('listCases', commissionOf(plan), 'GET', `/elections/${idOf(plan)}/cases`)).body,
        );
        if (list.some((c) => c.status === 'CheckingEligibility')) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        for (const c of list.filter((x) => x.status === 'AwaitingRegistrationDecision')) {
          const refuse = c.caseId.charCodeAt(0) % 20 === 0;
          const body = refuse
            ? {
                decision: 'refuse',
                grounds: ['documents-incomplete'],
                reasons: 'Service record missing',
                checks: checksPassed,
              }
            : { decision: 'register', checks: checksPassed };
          await call(
            'decideRegistration',
            commissionOf(plan),
            'POST',
            `/elections/${idOf(plan)}/cases/${c.caseId}/registration-decision`,
            body,
          );
        }
        return;
      }
    }),
  );
  await phase('close registration (clock)', async () => {
    await moveClock(calendar.registrationClose);
  });
  let registered = 0;
  await phase('publish lists', () =>
    inPool(plans, CONCURRENCY, async (plan) => {
      const list = CandidatesSchema.parse(
        (await call('listCandidates', { role: 'public' }, 'GET', `/elections/${idOf(plan)}/candidates`)).body,
      );
      registered += list.candidates.length;
    }),
  );
  const wallSeconds = Math.round(performance.now() - started) / 1000;
  const stats = StatsSchema.parse(
    (await http('GET', '/admin/stats', { headers: { authorization: operator } })).body,
  );
  await engine.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });

  const floorSeconds = await storageFloor(stats.storageRequests);
  const latency = Object.fromEntries(
    [...latencies].map(([operation, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return [
        operation,
        {
          count: sorted.length,
          p50: percentile(sorted, 0.5),
          p95: percentile(sorted, 0.95),
          p99: percentile(sorted, 0.99),
        },
      ];
    }),
  );
  return {
    elections: plans.length,
    voters: plans.reduce((sum, p) => sum + p.voters, 0),
    cases,
    registered,
    wallSeconds,
    casesPerSecond: Math.round((cases / wallSeconds) * 10) / 10,
    phases,
    latencyMs: latency,
    storageRequests: stats.storageRequests,
    peakRssMiB: {
      engine: Math.round(stats.peakRssBytes / 2 ** 20),
      storage: Math.round(stats.storagePeakRssBytes / 2 ** 20),
      driver: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    },
    storageFloor: {
      writes: stats.storageRequests,
      seconds: floorSeconds,
      ratio: Math.round((wallSeconds / floorSeconds) * 10) / 10,
    },
  };
}

/** The floor: as many raw single-item writes to a fresh, persisted dynalite as the cycle made requests. */
async function storageFloor(writes: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'akim-floor-'));
  const storage = await startStorageServer(join(dir, 'dynamodb'));
  const table = { db: createDocumentClient({ endpoint: storage.endpoint }), name: 'floor' };
  await ensureTable(table);
  const items = Array.from({ length: writes }, (_, i) => i);
  const started = performance.now();
  await inPool(items, CONCURRENCY, async (i) => {
    await table.db.send(
      new PutCommand({
        TableName: table.name,
        Item: { pk: `P#${i % 997}`, sk: `S#${i}`, payload: 'x'.repeat(200) },
      }),
    );
  });
  const seconds = Math.round(performance.now() - started) / 1000;
  await storage.stop();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}
