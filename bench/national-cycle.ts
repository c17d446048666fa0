import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { LocalTokens } from '../infra/local/local-tokens.ts';
import type { Caller } from '../shared/auth/caller.ts';
import { documentKinds } from '../shared/domain/election-rules.ts';
import { checksPassed } from '../test/support/decisions.ts';
import { startEngineProcess } from '../test/support/engine-process.ts';
import {
  CALLED_ON,
  candidateOf,
  ELECTION_DAY,
  type ElectionPlan,
  generateCycle,
  type NominationPlan,
  registerFile,
  signatureSheets,
  votersOf,
} from './cycle-generator.ts';
import { httpClient, inPool } from './http-client.ts';
import { latencySummary } from './percentile.ts';
import { childRunning, cpuSecondsOf, rssSampler } from './process-usage.ts';
import { progress } from './progress.ts';
import { engineStorageEndpoint, floorTable, ratioToFloor, writeFloor } from './storage-floor.ts';

const CONCURRENCY = 8;
/**
 * Registers in flight at once. The engine reads and checks a register on its one thread: more in flight only wait
 * in line (2, 4 and 8 took the same time; the latency of each grew with them).
 */
const REGISTER_CONCURRENCY = 2;
const calendar = {
  open: '2026-02-05T04:00:00.000Z',
  nominationClose: '2026-02-17T13:00:00.000Z',
  extendedClose: '2026-02-20T13:00:00.000Z',
  registrationClose: '2026-02-22T13:00:00.000Z',
};
const consent = (agreed: boolean) => ({
  meetingDate: '2026-02-20',
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
/** A register above the synchronous limit is answered 202 with a job, polled until it ends. */
const JobAcceptedSchema = z.object({ job: z.object({ jobId: z.string() }) });
const JobSchema = z.object({ state: z.string() });
const StatsSchema = z.object({
  storageRequests: z.number(),
  storageRequestsByKind: z.record(z.string(), z.number()).optional(),
  noticeStorageRequests: z.number().optional(),
  peakRssBytes: z.number(),
  storagePeakRssBytes: z.number(),
});

/**
 * Drives a whole cycle through the engine process over HTTP only, with its manual clock: calling, registers,
 * filings, confirmations, signatures, the calendar's deadlines, the akimats' candidates, decisions, the lists.
 */
export async function runNationalCycle(
  elections: number,
  options: { readonly registersOnly?: boolean; readonly floor?: boolean } = {},
) {
  const plans = generateCycle(elections);
  const registers = await writeRegisterFiles(plans);
  const dataDir = mkdtempSync(join(tmpdir(), 'akim-cycle-'));
  // BENCH_PROFILE_DIR=<folder>: CPU profiles of the engine and its storage process, written as they stop.
  const profiles = process.env.BENCH_PROFILE_DIR;
  const engine = await startEngineProcess(dataDir, {
    CLOCK_START: calendar.open,
    ...(profiles ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profiles}` } : {}),
  });
  // A run that fails leaves no engine behind to go on working (its reconciler wakes every minute) and no files.
  const leaveNothing = () => {
    engine.child.kill('SIGKILL');
    registers.remove();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', leaveNothing);
  const enginePid = engine.child.pid ?? 0;
  const storagePid = childRunning(enginePid, 'storage-process') ?? 0;
  const memory = rssSampler({ engine: enginePid, storage: storagePid });
  /** CPU seconds used so far by each process: a phase's share of the two cores, whatever else runs beside it. */
  const cpuSoFar = () => {
    const driver = process.cpuUsage();
    return {
      engine: cpuSecondsOf(enginePid),
      storage: cpuSecondsOf(storagePid),
      driver: (driver.user + driver.system) / 1e6,
    };
  };
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
      ...(body === undefined
        ? {}
        : {
            body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
          }),
      headers: {
        ...(authorization ? { authorization: `Bearer ${authorization}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
    });
    if (response.status >= 500)
      throw new Error(`${operation}: ${response.status} ${JSON.stringify(response.body)}`);
    const seen = latencies.get(operation) ?? [];
    seen.push(response.ms);
    latencies.set(operation, seen);
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
  const storageRequestsSoFar = async () =>
    StatsSchema.parse((await http('GET', '/admin/stats', { headers: { authorization: operator } })).body)
      .storageRequests;
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  /** Moves the clock: one call that runs every deadline of the country, minutes long, so it shows it is moving. */
  const moveClock = async (to: string) => {
    const started = performance.now();
    const before = await storageRequestsSoFar();
    const heartbeat = setInterval(() => {
      storageRequestsSoFar().then(
        (now) => {
          const seconds = (performance.now() - started) / 1000;
          console.log(
            `      clock to ${to}: ${Math.round(seconds)} s, ${(now - before).toLocaleString('en')} storage requests (${Math.round((now - before) / seconds)}/s); RSS engine ${mib(memory.now('engine'))}, storage ${mib(memory.now('storage'))}`,
          );
        },
        () => {},
      );
    }, 5_000);
    try {
      const moved = await http('POST', '/admin/clock', {
        body: JSON.stringify({ to }),
        headers: { authorization: operator },
      });
      if (moved.status !== 200) throw new Error(`moveClock: ${moved.status} ${JSON.stringify(moved.body)}`);
      return moved;
    } finally {
      clearInterval(heartbeat);
    }
  };

  /** Polls a register's job until it ends; anything but success stops the run. */
  const jobDone = async (caller: Caller, electionPath: string, jobId: string) => {
    for (;;) {
      const polled = await call('getJob', caller, 'GET', `${electionPath}/jobs/${jobId}`);
      const { state } = JobSchema.parse(polled.body);
      if (state === 'succeeded') return;
      if (state !== 'queued' && state !== 'running')
        throw new Error(`job ${jobId}: ${state} ${JSON.stringify(polled.body).slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const started = performance.now();
  const phases: Record<string, number> = {};
  const requestsByPhase: Record<string, number> = {};
  const cpuByPhase: Record<string, ReturnType<typeof cpuSoFar>> = {};
  const phase = async (name: string, work: () => Promise<void>) => {
    const before = await storageRequestsSoFar();
    const cpuBefore = cpuSoFar();
    const t = performance.now();
    memory.enter(name);
    await work();
    phases[name] = Math.round(performance.now() - t) / 1000;
    requestsByPhase[name] = (await storageRequestsSoFar()) - before;
    const cpuAfter = cpuSoFar();
    const used = (p: keyof typeof cpuAfter) => Math.round((cpuAfter[p] - cpuBefore[p]) * 10) / 10;
    cpuByPhase[name] = { engine: used('engine'), storage: used('storage'), driver: used('driver') };
    console.log(
      `    ${name}: ${phases[name]} s, ${requestsByPhase[name].toLocaleString('en')} storage requests; CPU s: engine ${cpuByPhase[name].engine}, storage ${cpuByPhase[name].storage}, driver ${cpuByPhase[name].driver}`,
    );
  };
  /** A phase over every election, `concurrency` at a time, its progress shown in `unit` (elections by default). */
  const overElections = (
    name: string,
    concurrency: number,
    work: (plan: ElectionPlan) => Promise<void>,
    unit: { readonly name: string; readonly of: (plan: ElectionPlan) => number } = {
      name: 'elections',
      of: () => 1,
    },
  ) =>
    phase(name, async () => {
      const shown = progress(
        name,
        plans.reduce((sum, plan) => sum + unit.of(plan), 0),
        unit.name,
      );
      shown.also(() => `; RSS engine ${mib(memory.now('engine'))}, storage ${mib(memory.now('storage'))}`);
      try {
        await inPool(plans, concurrency, async (plan) => {
          await work(plan);
          shown.add(unit.of(plan));
        });
      } finally {
        shown.stop();
      }
    });

  let cases = 0;
  let signatureLines = 0;
  let nextCandidate = 1_000_000;
  await overElections('call elections', CONCURRENCY, async (plan) => {
    const unit = {
      kato: plan.kato,
      kind: 'village',
      nameKk: `Ауыл ${plan.index}`,
      nameRu: `Аул ${plan.index}`,
    };
    const called = await call('createElection', commissionOf(plan), 'POST', '/elections', {
      unit,
      electionDay: ELECTION_DAY,
      calledOn: CALLED_ON,
      regime: 'kz-2023',
    });
    if (called.status !== 201)
      throw new Error(`createElection: ${called.status} ${JSON.stringify(called.body)}`);
  });
  await overElections(
    'import voter registers (CSV)',
    REGISTER_CONCURRENCY,
    async (plan) => {
      const path = `/elections/${idOf(plan)}`;
      const imported = await call(
        'importVoterRegister',
        commissionOf(plan),
        'POST',
        `${path}/voter-register?source=bench`,
        readFileSync(registers.file(plan)),
        'text/csv',
      );
      if (imported.status === 202) {
        await jobDone(commissionOf(plan), path, JobAcceptedSchema.parse(imported.body).job.jobId);
      } else if (imported.status !== 201) {
        throw new Error(
          `importVoterRegister: ${imported.status} ${JSON.stringify(imported.body).slice(0, 500)}`,
        );
      }
    },
    { name: 'voters', of: (plan) => plan.voters },
  );
  registers.remove();
  // Calling and registers only (`--registers`): what iterating on the import needs, in a minute or two.
  const later = options.registersOnly ? async () => {} : phase;
  const laterOverElections = options.registersOnly ? async () => {} : overElections;
  const stranger = { ...candidateOf(999_999), address: 'another district' };
  await laterOverElections('file, confirm, sign, withdraw', CONCURRENCY, async (plan) => {
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
        const lines = signatureSheets(plan, nomination, voters, stranger);
        signatureLines += lines.length;
        await call('submitSignatures', caller, 'POST', `${path}/signatures`, { lines });
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
  });
  await later('close nomination (clock)', async () => {
    await moveClock(calendar.nominationClose);
    await moveClock(calendar.extendedClose);
  });
  await laterOverElections('akimats’ additional candidates', CONCURRENCY, async (plan) => {
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
      const recorded = await call(
        'recordCommunityConsent',
        akimatOf(plan),
        'POST',
        `/elections/${idOf(plan)}/cases/${caseId}/community-consent`,
        consent(agreed),
      );
      if (recorded.status !== 200) {
        throw new Error(`recordCommunityConsent: ${recorded.status} ${JSON.stringify(recorded.body)}`);
      }
    }
  });
  await laterOverElections('registration decisions', CONCURRENCY, async (plan) => {
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
  });
  await later('close registration (clock)', async () => {
    await moveClock(calendar.registrationClose);
  });
  let registered = 0;
  await laterOverElections('publish lists', CONCURRENCY, async (plan) => {
    const list = CandidatesSchema.parse(
      (await call('listCandidates', { role: 'public' }, 'GET', `/elections/${idOf(plan)}/candidates`)).body,
    );
    registered += list.candidates.length;
  });
  const wallSeconds = Math.round(performance.now() - started) / 1000;
  const stats = StatsSchema.parse(
    (await http('GET', '/admin/stats', { headers: { authorization: operator } })).body,
  );
  const peakRssByPhaseMiB = memory.stop();
  // The floor: the cycle's items written raw, in batches, to the storage process the cycle used, once the cycle
  // is done (the engine idles, its data stays). A run of the registers only has no cases to compare.
  let floor: Awaited<ReturnType<typeof writeFloor>> | null = null;
  if (!options.registersOnly && options.floor !== false) {
    console.log(
      `    floor: one item per election, case and signature line (${plans.length.toLocaleString('en')} + ${cases.toLocaleString('en')} + ${signatureLines.toLocaleString('en')}), raw BatchWriteItem, ${CONCURRENCY} at a time`,
    );
    const table = await floorTable(engineStorageEndpoint(dataDir), 'bench-floor');
    floor = await writeFloor(table, { elections: plans.length, cases, signatureLines }, CONCURRENCY);
    table.db.destroy();
  }
  await engine.kill('SIGTERM');
  process.off('exit', leaveNothing);
  rmSync(dataDir, { recursive: true, force: true });

  const latency = Object.fromEntries(
    [...latencies].map(([operation, ms]) => [operation, latencySummary(ms)]),
  );
  // Calling and the registers are the elections' work, not the cases'; a signature line may cost a request.
  const electionsWork =
    (requestsByPhase['call elections'] ?? 0) + (requestsByPhase['import voter registers (CSV)'] ?? 0);
  return {
    elections: plans.length,
    voters: plans.reduce((sum, p) => sum + p.voters, 0),
    cases,
    registered,
    wallSeconds,
    casesPerSecond: Math.round((cases / wallSeconds) * 10) / 10,
    registerFiles: { bytes: registers.bytes, seconds: registers.seconds },
    phases,
    latencyMs: latency,
    storageRequests: stats.storageRequests,
    storageRequestsByPhase: requestsByPhase,
    // By kind (GetItem, PutItem…), and the notice publishers' own (not in storageRequests, as on AWS).
    storageRequestsByKind: stats.storageRequestsByKind ?? {},
    noticeStorageRequests: stats.noticeStorageRequests ?? 0,
    cpuSecondsByPhase: cpuByPhase,
    peakRssByPhaseMiB,
    peakRssMiB: {
      engine: Math.round(stats.peakRssBytes / 2 ** 20),
      storage: Math.round(stats.storagePeakRssBytes / 2 ** 20),
      driver: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    },
    signatureLines,
    storageRequestsPerCase:
      cases === 0
        ? null
        : Math.round(((stats.storageRequests - electionsWork - signatureLines) / cases) * 10) / 10,
    storageFloor: floor === null ? null : { ...floor, ratio: ratioToFloor(wallSeconds, floor.seconds) },
  };
}

/**
 * Every election's register as a file on disk, written before the engine starts: a commission has its file
 * before it uploads it, and making 3.8 M rows while importing would take this driver's share of the two cores
 * from the engine and its storage.
 */
async function writeRegisterFiles(plans: readonly ElectionPlan[]) {
  const dir = mkdtempSync(join(tmpdir(), 'akim-registers-'));
  const file = (plan: ElectionPlan) => join(dir, `${plan.index}.csv`);
  const started = performance.now();
  const shown = progress(
    'register files',
    plans.reduce((sum, plan) => sum + plan.voters, 0),
    'voters',
  );
  let bytes = 0;
  for (const plan of plans) {
    const csv = registerFile(plan);
    writeFileSync(file(plan), csv);
    bytes += csv.length;
    shown.add(plan.voters);
    // Lets the progress line print between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  shown.stop();
  const seconds = Math.round(performance.now() - started) / 1000;
  console.log(
    `    register files (CSV UTF-8, as Excel exports it): ${(bytes / 2 ** 20).toFixed(0)} MiB in ${seconds} s`,
  );
  return { file, bytes, seconds, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
