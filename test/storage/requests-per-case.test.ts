import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createApiDispatch } from '../../functions/support/api-dispatch.ts';
import { idempotencyStore } from '../../functions/support/idempotency.ts';
import { Engine } from '../../infra/local/engine.ts';
import type { LocalFunction } from '../../infra/local/local-workflows.ts';
import { ManualClock } from '../../infra/local/manual-clock.ts';
import { ensureTable } from '../../infra/local/table-setup.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import {
  createDocumentClient,
  createDynamoClient,
  type Table,
} from '../../shared/storage/document-client.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

/**
 * Storage requests a case costs (issue 14: at most 10 besides one per counted signature), counted as the engine
 * makes them: each API call through the real dispatch (its idempotency record included) and each workflow step it
 * sets off. The figures are held exactly, so a change that adds a request fails here and says where.
 */

const electionId = '195230100-2026-03-15';
const voters = voterRows(1660);

/** Who is making the request: an API operation (`api:<path's last segment>`) or a workflow step (`fn:<state>`). */
const who = new AsyncLocalStorage<string>();
let counts: Map<string, number>;
let counting: boolean;
let engine: Engine;
let call: (caller: Caller, path: string, body: unknown) => Promise<{ caseId?: string }>;

beforeEach(async () => {
  counts = new Map();
  counting = false;
  const endpoint = inject('dynamoEndpoint');
  const instrument = (client: ReturnType<typeof createDynamoClient>) =>
    client.middlewareStack.add(
      (next) => async (args) => {
        const by = who.getStore();
        if (counting && by !== undefined) counts.set(by, (counts.get(by) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
  const table: Table = { db: createDocumentClient({ endpoint, instrument }), name: `test-${randomUUID()}` };
  await ensureTable(table);
  const label =
    (state: string, fn: LocalFunction): LocalFunction =>
    (payload) =>
      who.run(`fn:${state}`, () => fn(payload));
  engine = new Engine({
    table,
    clock: new ManualClock(fixtureCalendar.nominationOpen),
    retryPauseMs: 5,
    logLevel: 'SILENT',
    wrapFunctions: (fns) => Object.fromEntries(Object.entries(fns).map(([n, f]) => [n, label(n, f)])),
  });
  const dispatch = createApiDispatch(
    engine.deps,
    idempotencyStore(createDynamoClient({ endpoint, instrument }), table.name),
  );
  call = async (caller, path, body) => {
    const answer = await who.run(`api:${path.split('/').at(-1)}`, () =>
      dispatch({
        method: 'POST',
        path,
        query: new URLSearchParams(),
        caller,
        body: Buffer.from(JSON.stringify(body)),
        idempotencyKey: randomUUID(),
      }),
    );
    await engine.workflows.settled();
    if (answer.status >= 400) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { caseId?: string };
  };
  await call(commission, '/elections', newElectionInput());
  await call(commission, `/elections/${electionId}/voter-register`, { source: 'list', voters });
  counting = true;
});

afterEach(() => engine.stop());

const total = (byWhom: Map<string, number>) => [...byWhom.values()].reduce((a, b) => a + b, 0);

describe('storage requests per case', () => {
  it('a party’s case, filed, confirmed and registered, costs 25 storage requests', async () => {
    const filed = await call(
      partyCaller('amanat'),
      `/elections/${electionId}/cases`,
      aPartyFiling('amanat', 1),
    );
    const cases = `/elections/${electionId}/cases/${String(filed.caseId)}`;
    await call(partyCaller('amanat'), `${cases}/party-confirmation`, { decision: 'confirm' });
    await call(commission, `${cases}/registration-decision`, { decision: 'register', checks: checksPassed });

    expect(Object.fromEntries(counts)).toEqual({
      'api:cases': 7,
      'api:party-confirmation': 6,
      'api:registration-decision': 7,
      'fn:AwaitPartyConfirmation': 1,
      'fn:CheckEligibility': 3,
      'fn:AwaitRegistrationDecision': 1,
    });
    expect(total(counts)).toBe(25);
  });

  it('a self-nominee’s case with 17 signature lines costs 37 storage requests besides two per signature', async () => {
    const filing = aSelfFiling(2);
    const filed = await call(candidateCaller(filing.candidate.iin), `/elections/${electionId}/cases`, filing);
    const cases = `/elections/${electionId}/cases/${String(filed.caseId)}`;
    await call(commission, `${cases}/signatures`, { lines: linesFrom(voters.slice(0, 17)) });
    await call(commission, `${cases}/registration-decision`, { decision: 'register', checks: checksPassed });

    // Each counted signature is two conditional writes: the voter held to this candidate, then the ledger entry.
    expect(Object.fromEntries(counts)).toEqual({
      'api:cases': 7,
      'api:signatures': 18 + 2 * 17,
      'api:registration-decision': 7,
      'fn:AwaitSignatures': 1,
      'fn:CheckEligibility': 3,
      'fn:AwaitRegistrationDecision': 1,
    });
    expect(total(counts) - 2 * 17).toBe(37);
  });
});
