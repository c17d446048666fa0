// Issue 10, item 3: the trail is one item per event, so a case stays writable however long its history, and no
// transition is stored without its entry, whatever fails between the two writes.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventHash, type TrailEvent } from '../../shared/domain/case-trail.ts';
import type { Election } from '../../shared/domain/election.ts';
import {
  applyCaseEvent,
  type EventMeta,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { keys } from '../../shared/storage/keys.ts';
import { queryCount } from '../../shared/storage/query-all.ts';
import { withPutAnswerLost } from '../support/answer-lost.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';
import { createTestTable } from '../support/test-table.ts';

const now = '2026-02-10T05:00:00.000Z';
const candidate: EventMeta = { at: now, actor: { role: 'candidate', id: 'user-1' } };

let table: Table;
let unitNumber = 300;

beforeAll(async () => {
  table = await createTestTable();
});

async function aFiledSelfCase(cases: CaseRepository, caseId: string): Promise<Election> {
  unitNumber += 1;
  const election = anElection({
    unit: { kato: `195230${unitNumber}`, kind: 'village', nameKk: 'Ауыл', nameRu: 'Аул' },
  });
  await new ElectionRepository(table).create(election);
  const filing = aSelfFiling(unitNumber);
  const draft = openCase(filing, { caseId, electionId: election.electionId }, candidate);
  await cases.file(draft, filing.candidate.iin, now);
  return election;
}

/** One short signature submission, as the trail records it (a note about the size of a real one). */
const shortSubmission = (n: number) => (current: NominationCase) =>
  applyCaseEvent(
    current,
    { type: 'SignaturesVerified', sufficient: false },
    {
      ...candidate,
      note: {
        submissionId: `0f0e0d0c-0b0a-4908-8706-${String(n).padStart(12, '0')}`,
        lineCount: 1,
        linesDigest: 'ab'.repeat(32),
        validCount: n,
        shortfall: 13 - Math.min(n, 12),
      },
    },
  );

const withdraw = (current: NominationCase) =>
  applyCaseEvent(current, { type: 'Withdrawn' }, { ...candidate, note: { reason: 'personal' } });

/** Every item stored under the case's trail partition, committed or not. */
function storedEventItems(caseId: string): Promise<number> {
  return queryCount(table, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.trailOf(caseId).pk },
  });
}

/** The chain holds: each event's hash is its content's, and each names the one before it. */
function expectWholeChain(events: readonly TrailEvent[]) {
  events.forEach((event, i) => {
    expect(event.seq).toBe(i + 1);
    expect(eventHash(event)).toBe(event.hash);
    const before = events[i - 1];
    expect(event.prev).toEqual(
      before === undefined ? null : { seq: before.seq, eventId: before.eventId, hash: before.hash },
    );
  });
}

describe('the case trail', () => {
  it('keeps a case writable after 2,200 submissions, where an embedded trail passed 400 KB at 2,139', async () => {
    const cases = new CaseRepository(table);
    const election = await aFiledSelfCase(cases, 'long-history');
    for (let n = 1; n <= 2_200; n += 1) {
      await cases.update(election.electionId, 'long-history', shortSubmission(n));
    }
    const withdrawn = await cases.update(election.electionId, 'long-history', withdraw);
    expect(withdrawn.status).toBe('Withdrawn');

    const { Item } = await table.db.send(
      new GetCommand({ TableName: table.name, Key: keys.case(election.electionId, 'long-history') }),
    );
    expect(Buffer.byteLength(JSON.stringify(Item))).toBeLessThan(10_000);
    const { events, missing } = await cases.withTrail(election.electionId, 'long-history');
    expect(missing).toBeNull();
    expect(events).toHaveLength(2_202);
    expect(events.at(-1)).toMatchObject({ event: 'Withdrawn', from: 'AwaitingSignatures', to: 'Withdrawn' });
    expectWholeChain(events);
  }, 120_000);

  it('stores no transition when the case write fails after its event was stored, and ignores that event', async () => {
    const healthy = new CaseRepository(table);
    const election = await aFiledSelfCase(healthy, 'case-write-fails');
    const caseKey = keys.case(election.electionId, 'case-write-fails');
    let failed = false;
    // Storage fails the case write once (a crash, a throttle the retries did not outlast): the event is stored.
    const failing: Table = {
      name: table.name,
      db: new Proxy(table.db, {
        get: (target, name) =>
          name === 'send'
            ? async (command: Parameters<Table['db']['send']>[0]) => {
                if (!failed && command instanceof PutCommand && command.input.Item?.sk === caseKey.sk) {
                  failed = true;
                  throw Object.assign(new Error('injected'), { name: 'InternalServerError' });
                }
                return target.send(command);
              }
            : Reflect.get(target, name),
      }),
    };
    await expect(
      new CaseRepository(failing).update(election.electionId, 'case-write-fails', withdraw),
    ).rejects.toThrow('injected');

    const afterCrash = await healthy.withTrail(election.electionId, 'case-write-fails');
    expect(afterCrash.nominationCase.status).toBe('AwaitingSignatures');
    expect(afterCrash.events.map((e) => e.event)).toEqual(['NominationFiled']);
    expect(await storedEventItems('case-write-fails')).toBe(2); // the uncommitted event is there, and ignored

    await healthy.update(election.electionId, 'case-write-fails', withdraw);
    const { nominationCase, events } = await healthy.withTrail(election.electionId, 'case-write-fails');
    expect(nominationCase.status).toBe('Withdrawn');
    expect(events.map((e) => e.event)).toEqual(['NominationFiled', 'Withdrawn']);
    expectWholeChain(events);
  });

  it('commits the event of a case write whose answer was lost, once', async () => {
    const healthy = new CaseRepository(table);
    const election = await aFiledSelfCase(healthy, 'answer-lost');
    const lossy = withPutAnswerLost(table, keys.case(election.electionId, 'answer-lost').sk);
    const stored = await new CaseRepository(lossy).update(election.electionId, 'answer-lost', withdraw);
    expect(stored.status).toBe('Withdrawn');
    const { events } = await healthy.withTrail(election.electionId, 'answer-lost');
    expect(events.map((e) => e.event)).toEqual(['NominationFiled', 'Withdrawn']);
    expect(await storedEventItems('answer-lost')).toBe(2);
    expectWholeChain(events);
  });

  it('keeps one event per stored change when 12 submissions race, and leaves no losing event behind', async () => {
    const cases = new CaseRepository(table);
    const election = await aFiledSelfCase(cases, 'racing');
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        cases.update(election.electionId, 'racing', shortSubmission(i + 1)),
      ),
    );
    const stored = results.filter((r) => r.status === 'fulfilled').length;
    expect(stored).toBeGreaterThan(0);
    const { nominationCase, events } = await cases.withTrail(election.electionId, 'racing');
    expect(events).toHaveLength(1 + stored);
    const {
      caseId: _c,
      electionId: _e,
      eventId: _i,
      recordDigest: _d,
      prev: _p,
      hash: _h,
      ...lastEvent
    } = events.at(-1) ?? {};
    expect(nominationCase.lastEntry).toEqual(lastEvent);
    expect(await storedEventItems('racing')).toBe(events.length);
    expectWholeChain(events);
  });
});
