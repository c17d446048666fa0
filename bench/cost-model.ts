import { AsyncLocalStorage } from 'node:async_hooks';
import { StateMachine } from 'aws-local-stepfunctions';
import { createApiDispatch } from '../functions/support/api-dispatch.ts';
import { idempotencyStore } from '../functions/support/idempotency.ts';
import {
  functionLogLevel,
  tracesNoticeStream,
  type WorkflowLogLevel,
  workflowLogging,
} from '../infra/aws/observability.ts';
import { Engine } from '../infra/local/engine.ts';
import type { LocalFunction } from '../infra/local/local-workflows.ts';
import { ManualClock } from '../infra/local/manual-clock.ts';
import { startStorageServer } from '../infra/local/storage-server.ts';
import { ensureTable } from '../infra/local/table-setup.ts';
import type { Caller } from '../shared/auth/caller.ts';
import { RECONCILE_EVERY_MINUTES } from '../shared/domain/execution-repair.ts';
import { DEADLINE_SWEEP_EVERY_MINUTES } from '../shared/domain/inbox.ts';
import type { NoticePublication } from '../shared/domain/notice-publication.ts';
import type { NoticePublisher, PublishOutcome } from '../shared/ports/notice-publisher.ts';
import { workflowNames } from '../shared/ports/workflows.ts';
import { createDocumentClient, createDynamoClient, type Table } from '../shared/storage/document-client.ts';
import { loadWorkflow, taskStates } from '../shared/workflow-definitions.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../test/support/candidates.ts';
import { agreedMeeting, checksPassed } from '../test/support/decisions.ts';
import { newElectionInput } from '../test/support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../test/support/engine.ts';
import { linesFrom, voterRows } from '../test/support/signers.ts';
import {
  accessLogBytes,
  executionEvent,
  type HistoryEvent,
  historyEventBytes,
  lambdaContextBytesPerLine,
  lambdaPlatformBytesPerInvocation,
  stateEvent,
  taskEvents,
} from './log-records.ts';
import { prices } from './prices.ts';

/**
 * Who a piece of work is for: one election's calendar, register and notices; one nomination case; or a run of a
 * recurring function (the deadline sweep, the reconciler), whatever the country holds.
 */
type Payer = 'election' | 'case' | 'sweep' | 'reconciler';
export interface Usage {
  stateTransitions: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  apiRequests: number;
  readUnits: number;
  writeUnits: number;
  dynamoRequests: number;
  /** DescribeExecution and the like: free, but a function waits for each. */
  stepFunctionsRequests: number;
  wakeUps: number;
  /** The deadline sweep's schedule (an EventBridge rule) and the reconciler's (EventBridge Scheduler). */
  scheduledRuns: number;
  /** Changes of an election or a case: each a record of the table's stream for the notice publisher. */
  streamRecords: number;
  notices: number;
  snsRequests: number;
  traces: number;
  /** CloudWatch Logs, bytes ingested: the state machines' at the stack's logging level, the functions', the API's. */
  workflowLogBytes: number;
  functionLogBytes: number;
  apiLogBytes: number;
}
const empty = (): Usage => ({
  stateTransitions: 0,
  lambdaInvocations: 0,
  lambdaGbSeconds: 0,
  apiRequests: 0,
  readUnits: 0,
  writeUnits: 0,
  dynamoRequests: 0,
  stepFunctionsRequests: 0,
  wakeUps: 0,
  scheduledRuns: 0,
  streamRecords: 0,
  notices: 0,
  snsRequests: 0,
  traces: 0,
  workflowLogBytes: 0,
  functionLogBytes: 0,
  apiLogBytes: 0,
});

/** The state machines' logging configurations the model prices side by side: the stack's, and the others. */
export const workflowLogConfigurations = {
  'ALL, with execution data': { level: 'ALL', includeExecutionData: true },
  'ALL, without execution data': { level: 'ALL', includeExecutionData: false },
  'ERROR, with execution data': { level: 'ERROR', includeExecutionData: true },
} as const satisfies Record<string, { level: WorkflowLogLevel; includeExecutionData: boolean }>;
type WorkflowLogConfiguration = keyof typeof workflowLogConfigurations;

const calendarFunctions = new Set([
  'LoadElection',
  'CloseNomination',
  'CloseExtendedNomination',
  'CloseRegistration',
  'EndOverdueWaits',
  'WaitForNextDeadline',
  'RecordCalendarFailure',
]);
const electionOperations = new Set(['/elections', 'voter-register', 'candidates']);
/** The Task functions that hand their state a token and wait for its signal. */
const waitingFunctions = new Set(
  workflowNames.flatMap((w) =>
    taskStates(loadWorkflow(w)).flatMap((t) => (t.waitsForToken ? [t.functionName] : [])),
  ),
);
const keyOf = (value: unknown) => {
  const k = value as { pk?: unknown; sk?: unknown } | undefined;
  return { pk: typeof k?.pk === 'string' ? k.pk : '', sk: typeof k?.sk === 'string' ? k.sk : '' };
};
/** The items the notice publisher's stream filter lets through (NoticeTopic): elections and cases. */
const streamed = ({ pk, sk }: { pk: string; sk: string }) =>
  (pk.startsWith('ELECTION#') && sk === 'ELECTION') || (pk.startsWith('CASES#') && sk.startsWith('CASE#'));

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/**
 * Runs every path of the product on the local engine, with each piece of work labelled by whom it is for, and
 * counts what AWS would bill: state transitions, Lambda invocations (the notice publisher's stream batches among
 * them), API requests, DynamoDB capacity units (dynalite reports them like DynamoDB), wake-ups, SNS requests,
 * X-Ray traces, and the bytes CloudWatch Logs would ingest: each execution history event built around its real
 * payload as Step Functions logs it, each function's platform records and what its handler logs at the stack's
 * level, each API access log line. Returns usage per election, per case, per run of the deadline sweep, and per
 * election and per case in a run of the reconciler.
 */
export async function measureCosts() {
  const payer = new AsyncLocalStorage<Payer>();
  const usage: Record<Payer, Usage> = {
    election: empty(),
    case: empty(),
    sweep: empty(),
    reconciler: empty(),
  };
  const history: Record<Payer, HistoryEvent[]> = { election: [], case: [], sweep: [], reconciler: [] };
  const book = (fn: (u: Usage) => void) => fn(usage[payer.getStore() ?? 'election']);
  const invoked = (u: Usage, seconds: number = prices.lambdaSecondsPerInvocation) => {
    u.lambdaInvocations += 1;
    u.lambdaGbSeconds += seconds * prices.lambdaMemoryGb;
    // A function's X-Ray segment joins the trace of the request or execution that invoked it: no trace of its own.
    u.functionLogBytes += lambdaPlatformBytesPerInvocation;
  };

  const storage = await startStorageServer(null);
  const instrument = (client: ReturnType<typeof createDynamoClient>) =>
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as {
          ReturnConsumedCapacity?: string;
          ConsistentRead?: boolean;
          Item?: unknown;
          Key?: unknown;
        };
        const command = context.commandName ?? '';
        const data = !/Table/.test(command);
        if (data) input.ReturnConsumedCapacity ??= 'TOTAL';
        const result = await next(args);
        if (data) {
          const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
          const all = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
          const write = /Put|Update|Delete|BatchWrite/.test(command);
          // DynamoDB bills a read that finds nothing its minimum (Amazon DynamoDB Developer Guide, "Read
          // consumption"); dynalite reports none.
          const minimum = /^(Get|Query|Scan)/.test(command) ? (input.ConsistentRead ? 1 : 0.5) : 0;
          const changed = /Put|Update/.test(command) && streamed(keyOf(input.Item ?? input.Key));
          book((u) => {
            u.dynamoRequests += 1;
            for (const c of all) {
              const units = Math.max(
                minimum,
                c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0),
              );
              if (write) u.writeUnits += units;
              else u.readUnits += units;
            }
            // A change the stream hands to the notice publisher: its invocation, and the trace it may start.
            if (changed) {
              u.streamRecords += 1;
              if (u.streamRecords % prices.streamRecordsPerInvocation === 0) {
                invoked(u);
                if (tracesNoticeStream) u.traces += 1;
              }
            }
          });
        }
        return result;
      },
      { step: 'initialize', name: 'costModel' },
    );
  const table: Table = {
    db: createDocumentClient({ endpoint: storage.endpoint, instrument }),
    name: 'cost-model',
  };
  await ensureTable(table);
  /** The notice publishers' own client, as their functions have on AWS: counted, and its writes not streamed. */
  const noticesTable: Table = {
    db: createDocumentClient({ endpoint: storage.endpoint, instrument }),
    name: table.name,
  };

  /** The SNS topic: each PublishBatch of up to ten notices, billed by the 64 KB chunk. */
  const topic: NoticePublisher = {
    async publish(notices: readonly NoticePublication[]): Promise<PublishOutcome> {
      for (let i = 0; i < notices.length; i += 10) {
        const batch = notices.slice(i, i + 10);
        const bytes = batch.reduce(
          (sum, n) => sum + Buffer.byteLength(n.subject + n.message + JSON.stringify(n.attributes), 'utf8'),
          0,
        );
        book((u) => {
          u.snsRequests += Math.ceil(bytes / prices.snsRequestChunkBytes);
          u.notices += batch.length;
        });
      }
      return { published: notices.map((n) => n.noticeId), refused: [], failed: [] };
    },
  };

  // What Step Functions would log: the local library's events of each execution, with their inputs and outputs.
  // The engine keeps only each event's type, so its run is wrapped for the length of the measurement.
  const run = StateMachine.prototype.run;
  async function* logged<E extends { type: string }>(events: AsyncGenerator<E>) {
    for await (const event of events) {
      const into = history[payer.getStore() ?? 'election'];
      const e = event as E & { state?: { name: string; type: string; input: unknown; output?: unknown } };
      const x = event as E & { input?: unknown; output?: unknown; Error?: string; Cause?: unknown };
      if (e.type === 'StateEntered' && e.state)
        into.push(stateEvent(e.state.type, 'Entered', e.state.name, e.state.input));
      if (e.type === 'StateExited' && e.state)
        into.push(stateEvent(e.state.type, 'Exited', e.state.name, e.state.output));
      if (e.type === 'ExecutionStarted') into.push(executionEvent('ExecutionStarted', x.input));
      if (e.type === 'ExecutionSucceeded') into.push(executionEvent('ExecutionSucceeded', x.output));
      if (e.type === 'ExecutionFailed')
        into.push(
          executionEvent('ExecutionFailed', Object.assign(new Error(String(x.Cause)), { name: x.Error })),
        );
      if (e.type === 'ExecutionTerminated') into.push(executionEvent('ExecutionAborted', null));
      yield event;
    }
  }
  StateMachine.prototype.run = function (this: StateMachine, ...args: Parameters<StateMachine['run']>) {
    const execution = run.apply(this, args);
    return { ...execution, eventLogs: logged(execution.eventLogs) };
  };
  // What the handlers log at the stack's level: the Powertools logger writes its JSON lines to stdout and stderr.
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture =
    (original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      const who = payer.getStore();
      if (who === undefined) return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      // The engine's own progress line is the local clock's, not a function's.
      if (String(chunk).includes('"wake-ups fired"')) return true;
      const lines = String(chunk).split('\n').filter(Boolean).length;
      usage[who].functionLogBytes += Buffer.byteLength(chunk) + lines * lambdaContextBytesPerLine;
      return true;
    };
  process.stdout.write = capture(writes.out, process.stdout) as typeof process.stdout.write;
  process.stderr.write = capture(writes.err, process.stderr) as typeof process.stderr.write;

  try {
    const clock = new ManualClock(fixtureCalendar.nominationOpen);
    const label =
      (name: string, fn: LocalFunction | undefined): LocalFunction =>
      async (payload) => {
        const who: Payer = calendarFunctions.has(name) ? 'election' : 'case';
        return payer.run(who, async () => {
          book((u) => {
            invoked(u);
            if (name === 'WaitForNextDeadline') u.wakeUps += 1;
          });
          if (fn === undefined) throw new Error(name);
          try {
            const result = await fn(payload);
            history[who].push(...taskEvents(name, waitingFunctions.has(name), payload, { result }));
            return result;
          } catch (error) {
            history[who].push(...taskEvents(name, waitingFunctions.has(name), payload, { error }));
            throw error;
          }
        });
      };
    const engine = new Engine({
      table,
      clock,
      retryPauseMs: 5,
      logLevel: functionLogLevel,
      notices: { sink: topic, table: noticesTable },
      wrapFunctions: (fns) =>
        Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, label(name, fn)])),
    });
    const describe = engine.workflows.describe.bind(engine.workflows);
    engine.workflows.describe = (workflow, name) => {
      book((u) => {
        u.stepFunctionsRequests += 1;
      });
      return describe(workflow, name);
    };
    const dispatch = createApiDispatch(
      engine.deps,
      idempotencyStore(createDynamoClient({ endpoint: storage.endpoint, instrument }), table.name),
    );
    const settled = async () => {
      await engine.workflows.settled();
      await engine.notices?.settled();
    };
    const api = async (caller: Caller, method: 'GET' | 'POST', path: string, body: unknown = {}) => {
      const who: Payer = [...electionOperations].some((p) => path.endsWith(p)) ? 'election' : 'case';
      const answer = await payer.run(who, async () => {
        const answer = await dispatch({
          method,
          path,
          query: new URLSearchParams(),
          caller,
          body: Buffer.from(JSON.stringify(body)),
        });
        book((u) => {
          u.apiRequests += 1;
          u.traces += 1;
          invoked(u);
          u.apiLogBytes += accessLogBytes(method, path, answer.status, JSON.stringify(answer.body).length);
        });
        return answer;
      });
      await settled();
      if (answer.status >= 400) throw new Error(`${method} ${path}: ${JSON.stringify(answer.body)}`);
      return answer.body as { caseId?: string };
    };
    /**
     * One run of a recurring function, booked to it: what it read and asked (its part that grows with the
     * country), and apart from that its invocation, schedule and trace. Answers the run's own usage.
     */
    const recurring = async (who: 'sweep' | 'reconciler', work: () => Promise<unknown>): Promise<Usage> => {
      const before = { ...usage[who] };
      await payer.run(who, work);
      await settled();
      return minus(usage[who], before);
    };

    // Five elections that between them take every path of both workflows.
    const voters = voterRows(1_660); // the 2021 average district
    let cases = 0;
    const units = ['195230101', '195230102', '195230103', '195230104', '195230105'];
    const ids = units.map((kato) => `${kato}-2026-03-15`);
    for (const kato of units) {
      await api(commission, 'POST', '/elections', {
        ...newElectionInput(),
        unit: { kato, kind: 'village', nameKk: 'Ауыл', nameRu: 'Аул' },
      });
      await api(commission, 'POST', `/elections/${kato}-2026-03-15/voter-register`, {
        source: 'list',
        voters,
      });
    }
    const reconcilerWithoutCases = await recurring('reconciler', () => engine.reconcile());
    const file = async (e: string, caller: Caller, filing: unknown) => {
      cases += 1;
      return String((await api(caller, 'POST', `/elections/${e}/cases`, filing)).caseId);
    };
    const decide = (e: string, c: string) =>
      api(commission, 'POST', `/elections/${e}/cases/${c}/registration-decision`, {
        decision: 'register',
        checks: checksPassed,
      });
    const [e1 = '', e2 = '', e3 = '', e4 = '', e5 = ''] = ids;
    // E1: a party nominee and a self-nominee with 17 signatures, both registered; a party that declines.
    const p1 = await file(e1, partyCaller('amanat'), aPartyFiling('amanat', 1));
    await api(partyCaller('amanat'), 'POST', `/elections/${e1}/cases/${p1}/party-confirmation`, {
      decision: 'confirm',
    });
    await decide(e1, p1);
    const self1 = aSelfFiling(2);
    const s1 = await file(e1, candidateCaller(self1.candidate.iin), self1);
    await api(commission, 'POST', `/elections/${e1}/cases/${s1}/signatures`, {
      lines: linesFrom(voters.slice(0, 17)),
    });
    await decide(e1, s1);
    const d1 = await file(e1, partyCaller('auyl'), aPartyFiling('auyl', 3));
    await api(partyCaller('auyl'), 'POST', `/elections/${e1}/cases/${d1}/party-confirmation`, {
      decision: 'decline',
    });
    // E2: a self-nominee short of signatures; a party that stays silent; both lapse.
    const self2 = aSelfFiling(4);
    const s2 = await file(e2, candidateCaller(self2.candidate.iin), self2);
    await api(commission, 'POST', `/elections/${e2}/cases/${s2}/signatures`, {
      lines: linesFrom(voters.slice(0, 6)),
    });
    await file(e2, partyCaller('nur'), aPartyFiling('nur', 5));
    // E4: one party nominee, to be joined by the akim's candidate; E5: a withdrawal.
    const p4 = await file(e4, partyCaller('amanat'), aPartyFiling('amanat', 6));
    await api(partyCaller('amanat'), 'POST', `/elections/${e4}/cases/${p4}/party-confirmation`, {
      decision: 'confirm',
    });
    await decide(e4, p4);
    const w5 = await file(e5, partyCaller('amanat'), aPartyFiling('amanat', 7));
    await api(partyCaller('amanat'), 'POST', `/elections/${e5}/cases/${w5}/withdrawal`, {});
    // The recurring functions while every election is open and cases wait: what a run reads then, per election
    // (the reconciler before any case was filed) and per case.
    const sweepRun = await recurring('sweep', () => engine.notices?.sweep() ?? Promise.resolve());
    const reconcilerWithCases = await recurring('reconciler', () => engine.reconcile());
    const casesAtReconcile = cases;
    // The calendar: E3, E4, E5 extend and open the akimat's window. Moving the clock sweeps for deadline warnings:
    // those the elections owe are theirs.
    await payer.run('election', () => engine.advanceTo(clock, fixtureCalendar.extendedClose));
    await settled();
    const refused = await file(e3, akimat, anAkimatFiling(8));
    await api(akimat, 'POST', `/elections/${e3}/cases/${refused}/community-consent`, {
      ...agreedMeeting,
      votesFor: 5,
      votesAgainst: 15,
    });
    for (const e of [e3, e4]) {
      const a = await file(e, akimat, anAkimatFiling(e === e3 ? 9 : 10));
      await api(akimat, 'POST', `/elections/${e}/cases/${a}/community-consent`, agreedMeeting);
      await decide(e, a);
    }
    await payer.run('election', () => engine.advanceTo(clock, fixtureCalendar.registrationClose));
    await settled();
    for (const e of ids) await api({ role: 'public' }, 'GET', `/elections/${e}/candidates`);

    for (const execution of engine.workflows.executions()) {
      const who: Payer = execution.workflow === 'election-calendar' ? 'election' : 'case';
      usage[who].stateTransitions += execution.history.filter((h) => h.type === 'StateEntered').length;
      // An execution is a trace of its own (the state machines have X-Ray on).
      usage[who].traces += 1;
    }
    engine.stop();

    const workflowLogBytesAt = (
      who: Payer,
      logging: { level: WorkflowLogLevel; includeExecutionData: boolean },
    ) => history[who].reduce((sum, event) => sum + historyEventBytes(event, logging), 0);
    for (const who of Object.keys(usage) as Payer[]) {
      usage[who].workflowLogBytes = workflowLogBytesAt(who, workflowLogging);
    }
    const per = (u: Usage, n: number): Usage =>
      Object.fromEntries(
        Object.entries(u).map(([k, v]) => [k, Math.round((v / n) * 10_000) / 10_000]),
      ) as unknown as Usage;
    const elections = ids.length;
    const logBytesByConfiguration = Object.fromEntries(
      Object.entries(workflowLogConfigurations).map(([name, logging]) => [
        name,
        {
          perCase: Math.round(workflowLogBytesAt('case', logging) / cases),
          perElection: Math.round(workflowLogBytesAt('election', logging) / elections),
        },
      ]),
    ) as Record<WorkflowLogConfiguration, { perCase: number; perElection: number }>;
    return {
      elections,
      cases,
      perElection: per(usage.election, elections),
      perCase: per(usage.case, cases),
      /** What a run of the deadline sweep reads when nothing is due (what is due is its elections'). */
      perSweepRun: sweepRun,
      /** What a run of the reconciler reads and asks, per election and per case it finds. */
      reconcilerRun: {
        perElection: per(reconcilerWithoutCases, elections),
        perCase: per(minus(reconcilerWithCases, reconcilerWithoutCases), casesAtReconcile),
      },
      workflowLogBytesByConfiguration: logBytesByConfiguration,
    };
  } finally {
    StateMachine.prototype.run = run;
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await storage.stop();
  }
}

export type MeasuredCosts = Awaited<ReturnType<typeof measureCosts>>;

/** What AWS bills, by kind: the line of the bill each part of the usage lands on. */
export const costKinds = [
  'Step Functions',
  'Lambda',
  'API Gateway',
  'DynamoDB',
  'CloudWatch Logs',
  'SNS',
  'X-Ray',
  'EventBridge',
] as const;
export type CostKind = (typeof costKinds)[number];

/** What a unit of usage costs at the list prices, by kind. */
export function costByKind(u: Usage): Record<CostKind, number> {
  const logBytes = u.workflowLogBytes + u.functionLogBytes + u.apiLogBytes;
  return {
    'Step Functions': u.stateTransitions * prices.stepFunctionsPerStateTransition,
    Lambda: u.lambdaInvocations * prices.lambdaPerRequest + u.lambdaGbSeconds * prices.lambdaPerGbSecond,
    'API Gateway': u.apiRequests * prices.apiGatewayHttpPerRequest,
    DynamoDB:
      u.readUnits * prices.dynamoDbPerReadRequestUnit +
      u.writeUnits * prices.dynamoDbPerWriteRequestUnit +
      u.streamRecords * prices.dynamoDbStreamReadByLambdaTrigger,
    'CloudWatch Logs':
      (logBytes / 1e9) *
      (prices.cloudWatchLogsPerGbIngested +
        prices.cloudWatchLogsPerGbMonthStored * prices.logRetentionMonths),
    SNS:
      u.snsRequests * prices.snsPerRequest +
      u.notices * prices.emailDeliveriesPerNotice * prices.snsPerEmailDelivery,
    'X-Ray': u.traces * prices.xRayPerTraceRecorded,
    EventBridge:
      u.wakeUps * prices.eventBridgeSchedulerPerInvocation +
      u.scheduledRuns * prices.eventBridgeSchedulerPerInvocation,
  };
}

/** What a unit of usage costs at the list prices. */
export function costOf(u: Usage): number {
  return Object.values(costByKind(u)).reduce((a, b) => a + b, 0);
}

function minus(a: Usage, b: Usage): Usage {
  return plus(a, b, -1);
}

const plus = (a: Usage, b: Usage, times = 1): Usage =>
  Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, v + (b[k as keyof Usage] ?? 0) * times]),
  ) as unknown as Usage;

/**
 * A run of a recurring function over the whole country: one invocation, one schedule, one trace, the function's
 * own records, and what it reads and asks for each election and case, one request after another (its time).
 */
function recurringRun(variable: Usage): Usage {
  const requests = variable.dynamoRequests + variable.stepFunctionsRequests;
  const seconds = Math.max(prices.lambdaSecondsPerInvocation, requests * prices.awsRequestSeconds);
  return {
    ...variable,
    lambdaInvocations: 1,
    lambdaGbSeconds: seconds * prices.lambdaMemoryGb,
    scheduledRuns: 1,
    traces: 1,
    functionLogBytes: variable.functionLogBytes + lambdaPlatformBytesPerInvocation,
  };
}

/** A national cycle: 2,345 elections, 8,000 cases, from the calling to registration close (the bench's calendar). */
export const nationalCycle = {
  elections: 2_345,
  cases: 8_000,
  days:
    (Date.parse(fixtureCalendar.registrationClose) - Date.parse(fixtureCalendar.nominationOpen)) / 86_400_000,
} as const;

/**
 * The usage of a national cycle: its cases and elections, and the recurring functions as often as their schedules
 * run over its days (the deadline sweep every DEADLINE_SWEEP_EVERY_MINUTES, the reconciler every
 * RECONCILE_EVERY_MINUTES over the whole country: every election, and every case as if all were filed on the
 * first day, a little more than the country holds early on).
 */
export function nationalCycleUsage(
  measured: MeasuredCosts,
  cycle = nationalCycle,
  reconcileEveryMinutes: number = RECONCILE_EVERY_MINUTES,
) {
  const minutes = cycle.days * 24 * 60;
  const sweepRuns = Math.floor(minutes / DEADLINE_SWEEP_EVERY_MINUTES);
  const reconcilerRuns = Math.floor(minutes / reconcileEveryMinutes);
  const parts = {
    cases: plus(empty(), measured.perCase, cycle.cases),
    elections: plus(empty(), measured.perElection, cycle.elections),
    'deadline sweep': plus(empty(), recurringRun(measured.perSweepRun), sweepRuns),
    reconciler: plus(
      empty(),
      recurringRun(
        plus(
          plus(empty(), measured.reconcilerRun.perElection, cycle.elections),
          measured.reconcilerRun.perCase,
          cycle.cases,
        ),
      ),
      reconcilerRuns,
    ),
  };
  const total = Object.values(parts).reduce((sum, part) => plus(sum, part), empty());
  return { parts, total, sweepRuns, reconcilerRuns };
}
