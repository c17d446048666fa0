import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ElectionAlreadyCalledError, NotFoundError } from '../../shared/domain/errors.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { keys } from '../../shared/storage/keys.ts';
import { withPutAnswerLost } from '../support/answer-lost.ts';
import { anElection } from '../support/elections.ts';
import { tableAccessRecorder } from '../support/table-access.ts';
import { createTestTable } from '../support/test-table.ts';

let elections: ElectionRepository;

beforeAll(async () => {
  elections = new ElectionRepository(await createTestTable());
});

describe('election storage', () => {
  it('stores a called election and reads it back as it was', async () => {
    const election = anElection({
      unit: { kato: '195230200', kind: 'village', nameKk: 'Ақжар', nameRu: 'Акжар' },
    });
    await elections.create(election);
    expect(await elections.get(election.electionId)).toEqual(election);
  });

  it('refuses to call the same unit’s election on the same day twice, even in parallel', async () => {
    const election = anElection({
      unit: { kato: '195230300', kind: 'village', nameKk: 'Қызылжар', nameRu: 'Кызылжар' },
    });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => elections.create(election)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(ElectionAlreadyCalledError);
    }
  });

  it('takes its own write for the success it was when the answer to it was lost', async () => {
    const table = await createTestTable();
    const election = anElection();
    await new ElectionRepository(withPutAnswerLost(table, 'ELECTION')).create(election);
    expect(await new ElectionRepository(table).get(election.electionId)).toEqual(election);
  });

  it('lists a district’s elections by election day', async () => {
    const district = { kind: 'village' as const, nameKk: 'Ауыл', nameRu: 'Аул' };
    await elections.create(
      anElection({
        unit: { ...district, kato: '271010100' },
        electionDay: '2026-03-22',
        calledOn: '2026-02-11',
      }),
    );
    await elections.create(anElection({ unit: { ...district, kato: '271020100' } }));
    await elections.create(anElection({ unit: { ...district, kato: '311020100' } }));
    const listed = await elections.listByDistrict('2710');
    expect(listed.map((e) => e.electionId)).toEqual(['271020100-2026-03-15', '271010100-2026-03-22']);
  });

  it('answers NotFound for an election never called', async () => {
    await expect(elections.get('000000000-2026-01-01')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('applies parallel changes one after another, losing none', async () => {
    const election = anElection({
      unit: { kato: '195230400', kind: 'village', nameKk: 'Бірлік', nameRu: 'Бирлик' },
    });
    await elections.create(election);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        elections.update(election.electionId, (current) => ({
          ...current,
          additionalProposals: current.additionalProposals + 1,
        })),
      ),
    );
    const stored = await elections.get(election.electionId);
    expect(stored.additionalProposals).toBe(8);
    expect(stored.version).toBe(9);
  });

  it('refuses a change of the calendar or rules, which its cases’ executions carry, and writes nothing', async () => {
    const election = anElection({
      unit: { kato: '195230800', kind: 'village', nameKk: 'Тұрақ', nameRu: 'Турак' },
    });
    await elections.create(election);
    const { calendar, rules } = election;
    await expect(
      elections.update(election.electionId, (current) => ({
        ...current,
        calendar: { ...calendar, registrationClosesAt: calendar.nominationClosesAt },
      })),
    ).rejects.toThrow(/calendar never change/);
    await expect(
      elections.update(election.electionId, (current) => ({
        ...current,
        rules: { ...rules, multipleSupportAllowed: !rules.multipleSupportAllowed },
      })),
    ).rejects.toThrow(/rules never change/);
    expect(await elections.get(election.electionId)).toEqual(election);
  });

  it('judges a change on the stored election when the one the caller read is stale, losing no change', async () => {
    const election = anElection({
      unit: { kato: '195230700', kind: 'village', nameKk: 'Жаңалық', nameRu: 'Жаналык' },
    });
    await elections.create(election);
    const seen = await elections.get(election.electionId);
    // Parallel changes, each from the same read: every one but the first meets a newer election and reads it.
    await Promise.all(
      Array.from({ length: 4 }, () =>
        elections.update(
          election.electionId,
          (current) => ({ ...current, additionalProposals: current.additionalProposals + 1 }),
          seen,
        ),
      ),
    );
    const stored = await elections.get(election.electionId);
    expect(stored.additionalProposals).toBe(4);
    expect(stored.version).toBe(seen.version + 4);
  });

  it('lists every election without scanning the table: from the directory, naming one that does not read', async () => {
    const { table, accesses } = await tableAccessRecorder(() => 'listAll');
    const repository = new ElectionRepository(table);
    const village = { kind: 'village' as const, nameKk: 'Ауыл', nameRu: 'Аул' };
    const called = ['195230500', '195230600', '271010100'].map((kato) =>
      anElection({ unit: { ...village, kato } }),
    );
    for (const election of called) await repository.create(election);
    // A crash after the directory entry, before the election: an entry that names nothing is passed over.
    await table.db.send(
      new PutCommand({
        TableName: table.name,
        Item: { ...keys.electionDirectoryEntry('311020100-2026-03-15'), electionId: '311020100-2026-03-15' },
      }),
    );
    const damaged = called[2]?.electionId ?? '';
    await table.db.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.election(damaged),
        UpdateExpression: 'SET phase = :bad',
        ExpressionAttributeValues: { ':bad': 'NoSuchPhase' },
      }),
    );
    accesses.length = 0;
    const { elections: listed, unreadable } = await repository.listAll();
    expect(listed.map((e) => e.electionId).sort()).toEqual(called.slice(0, 2).map((e) => e.electionId));
    expect(unreadable).toEqual([damaged]);
    expect(accesses.filter((a) => a.access !== 'read')).toEqual([]);
    expect([...new Set(accesses.map((a) => a.family))].sort()).toEqual(['election', 'electionDirectory']);
  });
});
