import { AsyncLocalStorage } from 'node:async_hooks';
import { createApiDispatch } from '../functions/support/api-dispatch.ts';
import { idempotencyStore } from '../functions/support/idempotency.ts';
import { Engine } from '../infra/local/engine.ts';
import type { LocalFunction } from '../infra/local/local-workflows.ts';
import { ManualClock } from '../infra/local/manual-clock.ts';
import { startStorageServer } from '../infra/local/storage-server.ts';
import { ensureTable } from '../infra/local/table-setup.ts';
import type { Caller } from '../shared/auth/caller.ts';
import { createDocumentClient, createDynamoClient, type Table } from '../shared/storage/document-client.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../test/support/candidates.ts';
import { agreedMeeting, checksPassed } from '../test/support/decisions.ts';
import { newElectionInput } from '../test/support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../test/support/engine.ts';
import { linesFrom, voterRows } from '../test/support/signers.ts';
import { prices } from './prices.ts';

/** Who a piece of work is for: one election's calendar and register, or one nomination case. */
type Payer = 'election' | 'case';
interface Usage {
  stateTransitions: number;
  lambdaInvocations: number;
  apiRequests: number;
  readUnits: number;
  writeUnits: number;
  dynamoRequests: number;
  wakeUps: number;
}
const empty = (): Usage => ({
  stateTransitions: 0,
  lambdaInvocations: 0,
  apiRequests: 0,
  readUnits: 0,
  writeUnits: 0,
  dynamoRequests: 0,
  wakeUps: 0,
});

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

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

/**
 * Runs every path of the product on the local engine, with each piece of work labelled election or case, and
 * counts what AWS would bill: state transitions, Lambda invocations, API requests, DynamoDB capacity units
 * (dynalite reports them like DynamoDB) and wake-ups. Returns usage per election and per case.
 */
export async function measureCosts() {
  const payer = new AsyncLocalStorage<Payer>();
  const usage: Record<Payer, Usage> = { election: empty(), case: empty() };
  const book = (fn: (u: Usage) => void) => fn(usage[payer.getStore() ?? 'election']);

  const storage = await startStorageServer(null);
  const instrument = (client: ReturnType<typeof createDynamoClient>) =>
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { ReturnConsumedCapacity?: string };
        const data = !/Table/.test(context.commandName ?? '');
        if (data) input.ReturnConsumedCapacity ??= 'TOTAL';
        const result = await next(args);
        if (data) {
          const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
          const all = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
          const write = /Put|Update|Delete|BatchWrite/.test(context.commandName ?? '');
          book((u) => {
            u.dynamoRequests += 1;
            for (const c of all) {
              const units = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
              if (write) u.writeUnits += units;
              else u.readUnits += units;
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

  const clock = new ManualClock(fixtureCalendar.nominationOpen);
  const label =
    (name: string, fn: LocalFunction | undefined): LocalFunction =>
    async (payload) => {
      const who: Payer = calendarFunctions.has(name) ? 'election' : 'case';
      return payer.run(who, async () => {
        book((u) => {
          u.lambdaInvocations += 1;
          if (name === 'WaitForNextDeadline') u.wakeUps += 1;
        });
        if (fn === undefined) throw new Error(name);
        return fn(payload);
      });
    };
  const engine = new Engine({
    table,
    clock,
    retryPauseMs: 5,
    logLevel: 'SILENT',
    wrapFunctions: (fns) =>
      Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, label(name, fn)])),
  });
  const dispatch = createApiDispatch(
    engine.deps,
    idempotencyStore(createDynamoClient({ endpoint: storage.endpoint, instrument }), table.name),
  );
  const api = async (caller: Caller, method: 'GET' | 'POST', path: string, body: unknown = {}) => {
    const who: Payer = [...electionOperations].some((p) => path.endsWith(p)) ? 'election' : 'case';
    const answer = await payer.run(who, () => {
      book((u) => {
        u.apiRequests += 1;
        u.lambdaInvocations += 1;
      });
      return dispatch({
        method,
        path,
        query: new URLSearchParams(),
        caller,
        body: Buffer.from(JSON.stringify(body)),
      });
    });
    await engine.workflows.settled();
    if (answer.status >= 400) throw new Error(`${method} ${path}: ${JSON.stringify(answer.body)}`);
    return answer.body as { caseId?: string };
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
    await api(commission, 'POST', `/elections/${kato}-2026-03-15/voter-register`, { source: 'list', voters });
  }
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
  // The calendar: E3, E4, E5 extend and open the akimat's window.
  await engine.advanceTo(clock, fixtureCalendar.extendedClose);
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
  await engine.advanceTo(clock, fixtureCalendar.registrationClose);
  for (const e of ids) await api({ role: 'public' }, 'GET', `/elections/${e}/candidates`);

  for (const execution of engine.workflows.executions()) {
    const transitions = execution.history.filter((h) => h.type === 'StateEntered').length;
    usage[execution.workflow === 'election-calendar' ? 'election' : 'case'].stateTransitions += transitions;
  }
  engine.stop();
  await storage.stop();

  const per = (u: Usage, n: number): Usage =>
    Object.fromEntries(
      Object.entries(u).map(([k, v]) => [k, Math.round((v / n) * 100) / 100]),
    ) as unknown as Usage;
  return {
    elections: ids.length,
    cases,
    perElection: per(usage.election, ids.length),
    perCase: per(usage.case, cases),
  };
}

/** What a unit of usage costs at the list prices. */
export function costOf(u: Usage): number {
  return (
    u.stateTransitions * prices.stepFunctionsPerStateTransition +
    u.lambdaInvocations *
      (prices.lambdaPerRequest + prices.lambdaGbSecondsPerInvocation * prices.lambdaPerGbSecond) +
    u.apiRequests * prices.apiGatewayHttpPerRequest +
    u.readUnits * prices.dynamoDbPerReadRequestUnit +
    u.writeUnits * prices.dynamoDbPerWriteRequestUnit +
    u.wakeUps * prices.eventBridgeSchedulerPerInvocation
  );
}
