import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { checksPassed } from '../../test/support/decisions.ts';
import { startEngineProcess } from '../../test/support/engine-process.ts';
import { CALLED_ON, ELECTION_DAY } from '../cycle-generator.ts';
import { httpClient, inPool } from '../http-client.ts';
import { engineStorageEndpoint, floorTable } from '../storage-floor.ts';
import type { LoopResult } from './closed-loop.ts';
import {
  eligibleCandidate,
  type LoadAnswer,
  LoadAnswerSchema,
  type LoadJob,
  type LoadOperation,
  loadOperations,
  selfFiling,
} from './load-job.ts';
import { mixPerCall, mixText, requestsIn, type StorageMix, seedFloorTable } from './storage-mix.ts';

/** Issue 14's figure: 32 clerks at once. */
export const LOAD_CLIENTS = 32;
const NOMINATION_OPENS = '2026-02-05T04:00:00.000Z';
const PARTIES = ['amanat', 'auyl', 'aq-jol'] as const;
/**
 * Two elections of district 1952, each with three registered party nominees: a published list of the usual size
 * (a national cycle registers about 2.4 candidates an election).
 */
const KATOS = ['195230100', '195232100'] as const;
/** Calls per operation whose storage requests are counted, one after another on a quiet engine. */
const MIX_SAMPLES = 3;

/** A caller with a token (the public has none). */
type SignedCaller = Exclude<Caller, { role: 'public' }>;
const commission: SignedCaller = { role: 'commission', subject: 'bench-clerk', district: '1952' };
const partyOf = (partyId: string): SignedCaller => ({
  role: 'party',
  subject: `${partyId}-secretary`,
  partyId,
});
const StatsSchema = z.object({
  storageRequests: z.number(),
  storageRequestsByKind: z.record(z.string(), z.number()),
});
const CaseSchema = z.object({ caseId: z.string(), status: z.string() });
export interface OperationUnderLoad {
  /** What one call asks of storage, by kind: the floor makes the same requests raw. */
  readonly storageMix: StorageMix;
  readonly api: LoopResult;
  readonly floor: LoopResult;
  /** The API's calls a second as a share of the floor's operations a second, in percent. */
  readonly shareOfFloorPercent: number;
}

export interface LoadFigures {
  readonly clients: number;
  readonly secondsPerOperation: number;
  readonly operations: Readonly<Record<LoadOperation, OperationUnderLoad>>;
}

export function shareOfFloor(api: LoopResult, floor: LoopResult): number {
  return floor.perSecond > 0 ? Math.round((api.perSecond / floor.perSecond) * 1000) / 10 : 0;
}

/**
 * `npm run bench -- --load`: an engine as `npm start` runs it, two elections with registered candidates, then
 * for getCase, listCandidates and fileNomination in turn: `clients` concurrent clients in a process of their own
 * for `seconds`, and the floor of each (its storage requests, of the same kinds and number, made raw to the same
 * storage process at the same concurrency).
 */
export async function runLoad(seconds: number, clients = LOAD_CLIENTS): Promise<LoadFigures> {
  const begun = performance.now();
  /** Seconds since the run began, to show where its time goes. */
  const at = () => `[${((performance.now() - begun) / 1000).toFixed(1)} s]`;
  const dataDir = mkdtempSync(join(tmpdir(), 'akim-load-'));
  const engine = await startEngineProcess(dataDir, { CLOCK_START: NOMINATION_OPENS });
  const leaveNothing = () => {
    engine.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', leaveNothing);
  const clientsProcess = fork(new URL('./load-clients.ts', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const tokens = LocalTokens.inDataDir(dataDir);
    const bearer = async (caller: SignedCaller) => `Bearer ${await tokens.issue(caller)}`;
    const operator = `Bearer ${await tokens.issueOperator('bench-operator')}`;
    const http = httpClient(engine.url, 8);
    const call = async (
      caller: SignedCaller | null,
      method: 'GET' | 'POST',
      path: string,
      body?: unknown,
    ) => {
      const authorization = caller === null ? null : await bearer(caller);
      const answer = await http(method, path, {
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headers: authorization === null ? {} : { authorization },
      });
      if (answer.status >= 400)
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      return answer.body;
    };

    console.log(
      `  ${at()} engine started; seeding: ${KATOS.length} elections, ${PARTIES.length} registered party nominees each`,
    );
    const casePaths: string[] = [];
    await inPool(KATOS, KATOS.length, async (kato) => {
      const election = `/elections/${kato}-${ELECTION_DAY}`;
      await call(commission, 'POST', '/elections', {
        unit: { kato, kind: 'village', nameKk: `Ауыл ${kato}`, nameRu: `Аул ${kato}` },
        electionDay: ELECTION_DAY,
        calledOn: CALLED_ON,
        regime: 'kz-2023',
      });
      await inPool(PARTIES, PARTIES.length, async (partyId) => {
        const party = partyOf(partyId);
        const filed = CaseSchema.parse(
          await call(party, 'POST', `${election}/cases`, {
            route: 'party',
            candidate: eligibleCandidate(KATOS.indexOf(kato) * PARTIES.length + PARTIES.indexOf(partyId) + 1),
            party: {
              partyId,
              candidateIsMember: true,
              decisionBody: 'Council',
              decisionDate: '2026-02-06',
              protocolNumber: '1',
            },
          }),
        );
        const path = `${election}/cases/${filed.caseId}`;
        await call(party, 'POST', `${path}/party-confirmation`, { decision: 'confirm' });
        for (let attempt = 0; ; attempt += 1) {
          const { status } = CaseSchema.parse(await call(commission, 'GET', path));
          if (status === 'AwaitingRegistrationDecision') break;
          if (attempt > 200) throw new Error(`case ${filed.caseId} stayed ${status}`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await call(commission, 'POST', `${path}/registration-decision`, {
          decision: 'register',
          checks: checksPassed,
        });
        casePaths.push(path);
      });
    });

    const storageCounts = async () =>
      StatsSchema.parse((await http('GET', '/admin/stats', { headers: { authorization: operator } })).body);
    /** Waits until the engine has stopped asking storage anything (the workflows a call set off are waiting). */
    const settled = async () => {
      let last = (await storageCounts()).storageRequests;
      for (let quiet = 0, polls = 0; quiet < 2 && polls < 200; polls += 1) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const now = (await storageCounts()).storageRequests;
        quiet = now === last ? quiet + 1 : 0;
        last = now;
      }
      return storageCounts();
    };

    const storage = engineStorageEndpoint(dataDir);
    const floor = await floorTable(storage, 'bench-load-floor');
    await seedFloorTable(floor);
    floor.db.destroy();

    const jobs: Record<LoadOperation, Omit<LoadJob, 'floor' | 'url' | 'clients' | 'seconds'>> = {
      getCase: {
        operation: 'getCase',
        authorization: await bearer(commission),
        paths: casePaths,
        firstCandidate: 0,
      },
      listCandidates: {
        operation: 'listCandidates',
        authorization: null,
        paths: KATOS.map((kato) => `/elections/${kato}-${ELECTION_DAY}/candidates`),
        firstCandidate: 0,
      },
      fileNomination: {
        operation: 'fileNomination',
        authorization: await bearer(commission),
        paths: KATOS.map((kato) => `/elections/${kato}-${ELECTION_DAY}/cases`),
        // Far from the seeded nominees and the samples below: every filing is a new candidate.
        firstCandidate: 100_000,
      },
    };
    const answers: Partial<Record<LoadOperation, OperationUnderLoad>> = {};
    for (const operation of loadOperations) {
      const job = jobs[operation];
      // What one call asks of storage, counted over a few calls made one at a time.
      const before = await settled();
      for (let n = 0; n < MIX_SAMPLES; n += 1) {
        const path = job.paths[n % job.paths.length] ?? '';
        const answer =
          operation === 'fileNomination'
            ? await http('POST', path, {
                body: JSON.stringify(selfFiling(50_000 + n)),
                headers: { authorization: job.authorization ?? '' },
              })
            : await http(
                'GET',
                path,
                job.authorization === null ? {} : { headers: { authorization: job.authorization } },
              );
        if (answer.status >= 400)
          throw new Error(`${operation}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      const after = await settled();
      const mix = mixPerCall(before.storageRequestsByKind, after.storageRequestsByKind, MIX_SAMPLES);
      console.log(
        `  ${at()} ${operation}: ${requestsIn(mix)} storage requests a call (${mixText(mix)}); ${clients} clients for ${seconds} s…`,
      );
      const full: LoadJob = {
        ...job,
        url: engine.url,
        clients,
        seconds,
        floor: { endpoint: storage, table: floor.name, mix },
      };
      const answer = await new Promise<LoadAnswer>((resolve, reject) => {
        clientsProcess.once('message', (message) => resolve(LoadAnswerSchema.parse(message)));
        clientsProcess.once('exit', (code) => reject(new Error(`the load clients ended (exit ${code})`)));
        clientsProcess.send(full);
      });
      clientsProcess.removeAllListeners('exit');
      const share = shareOfFloor(answer.api, answer.floor);
      answers[operation] = {
        storageMix: mix,
        api: answer.api,
        floor: answer.floor,
        shareOfFloorPercent: share,
      };
      const l = answer.api.latencyMs;
      console.log(
        `  ${at()} API ${answer.api.calls} calls, ${answer.api.errors} errors, ${answer.api.perSecond}/s, p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} ms; floor ${answer.floor.perSecond}/s (p95 ${answer.floor.latencyMs.p95} ms): ${share}% of the floor`,
      );
      for (const error of answer.api.sampleErrors) console.log(`    error: ${error}`);
      // The writes of one operation must not slow the next one's measurement (after the last, nothing is next).
      if (operation !== loadOperations.at(-1)) await settled();
    }
    const { getCase, listCandidates, fileNomination } = answers;
    if (!getCase || !listCandidates || !fileNomination) throw new Error('an operation was not measured');
    return { clients, secondsPerOperation: seconds, operations: { getCase, listCandidates, fileNomination } };
  } finally {
    clientsProcess.disconnect();
    await engine.kill('SIGTERM');
    process.off('exit', leaveNothing);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
