// Issue 11, item 1: a register is an immutable, compact snapshot named by its content.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordUnreadableError } from '../../shared/domain/errors.ts';
import { packIins, registerDigest } from '../../shared/domain/register-snapshot.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { keys } from '../../shared/storage/keys.ts';
import { VoterRegisterRepository } from '../../shared/storage/voter-register-repository.ts';
import { makeIin } from '../support/iins.ts';
import { createTestTable } from '../support/test-table.ts';

let table: Table;
let register: VoterRegisterRepository;

beforeAll(async () => {
  table = await createTestTable();
  register = new VoterRegisterRepository(table);
});

/** `count` distinct voters born in `year`, a few thousand a day (an IIN holds 10,000 serials a birth date). */
const voters = (count: number, year: string) =>
  Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(Number(year), 0, 1 + Math.floor(i / 4_000))).toISOString().slice(0, 10);
    return makeIin(day, 'female', (i % 4_000) * 2);
  });

async function itemsOf(electionId: string): Promise<{ sk: string; bytes: number }[]> {
  const { Items } = await table.db.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.registerChunksOf(electionId).pk },
    }),
  );
  return (Items ?? []).map((item) => ({ sk: String(item.sk), bytes: JSON.stringify(item).length }));
}

describe('voter register storage', () => {
  it('keeps 150,000 voters in a few items under 400 KB, and finds exactly its voters', async () => {
    const listed = voters(150_000, '1960');
    const manifest = await register.saveSnapshot('e-1', packIins(listed));
    expect(manifest).toMatchObject({ voters: 150_000, chunks: 3 });

    const items = await itemsOf('e-1');
    expect(items.map((i) => i.sk)).toEqual([
      `CHUNK#${manifest.snapshotId}#0000`,
      `CHUNK#${manifest.snapshotId}#0001`,
      `CHUNK#${manifest.snapshotId}#0002`,
      `SNAPSHOT#${manifest.snapshotId}`,
    ]);
    const strangers = voters(150, '1961');
    const asked = [...listed.slice(0, 150), ...strangers, ...listed.slice(-100)];
    const found = await new VoterRegisterRepository(table).registeredAmong('e-1', manifest.snapshotId, asked);
    expect(found.size).toBe(250);
    expect(strangers.some((iin) => found.has(iin))).toBe(false);
  });

  it('names a snapshot by its content: the same list in another order is the same snapshot, stored once', async () => {
    const listed = voters(500, '1962');
    const first = await register.saveSnapshot('e-2', packIins(listed));
    const again = await register.saveSnapshot('e-2', packIins([...listed].reverse()));
    expect(again).toEqual(first);
    // A register of one chunk is one item, its manifest holding its bytes: nothing of it without the manifest.
    expect((await itemsOf('e-2')).map((i) => i.sk)).toEqual([`SNAPSHOT#${first.snapshotId}`]);
    const other = await register.saveSnapshot('e-2', packIins(listed.slice(1)));
    expect(other.snapshotId).not.toBe(first.snapshotId);
    expect((await register.registeredAmong('e-2', other.snapshotId, listed.slice(0, 1))).size).toBe(0);
    expect(
      await register.registeredAmong('e-3', first.snapshotId, listed).catch((e: unknown) => e),
    ).toBeInstanceOf(RecordUnreadableError);
  });

  it('refuses a snapshot whose bytes were changed in storage, rather than check signatures against it', async () => {
    const small = voters(40, '1963');
    const large = voters(60_001, '1967');
    for (const [electionId, listed, key] of [
      ['e-4', small, (id: string) => keys.registerManifest('e-4', id)],
      ['e-7', large, (id: string) => keys.registerChunk('e-7', id, 1)],
    ] as const) {
      const { snapshotId } = await register.saveSnapshot(electionId, packIins(listed));
      const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: key(snapshotId) }));
      const bytes = Buffer.from(Item?.bytes as Uint8Array);
      bytes[3] = (bytes[3] ?? 0) ^ 1;
      await table.db.send(new PutCommand({ TableName: table.name, Item: { ...Item, bytes } }));
      const fresh = new VoterRegisterRepository(table);
      await expect(fresh.registeredAmong(electionId, snapshotId, listed)).rejects.toBeInstanceOf(
        RecordUnreadableError,
      );
    }
  });

  it('refuses a snapshot whose content no longer has the digest its id is made of', async () => {
    const listed = voters(100, '1965');
    const manifest = await register.saveSnapshot('e-6', packIins(listed));
    // Someone with write access adds a voter and writes the new bytes' digest into the manifest to match.
    const [stranger = ''] = voters(1, '1966');
    const packed = packIins([...listed, stranger]);
    await table.db.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...keys.registerManifest('e-6', manifest.snapshotId),
          ...manifest,
          bytes: packed,
          digest: registerDigest(packed),
          voters: manifest.voters + 1,
        },
      }),
    );
    await expect(
      new VoterRegisterRepository(table).registeredAmong('e-6', manifest.snapshotId, [stranger]),
    ).rejects.toBeInstanceOf(RecordUnreadableError);
  });

  it('removes the chunks of an import abandoned before its manifest, once it is surely not running', async () => {
    let now = Date.parse('2026-02-06T05:00:00.000Z');
    const clocked = new VoterRegisterRepository(table, () => new Date(now).toISOString());
    // An import that wrote its chunks and died: no manifest names them.
    const abandoned = keys.registerChunk('e-5', 'abandoned-snapshot', 0);
    await table.db.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...abandoned,
          snapshotId: 'abandoned-snapshot',
          n: 0,
          bytes: new Uint8Array(5),
          writtenAt: new Date(now).toISOString(),
        },
      }),
    );
    // Only an import of chunks can leave chunks behind, and only one of chunks looks for them.
    await clocked.saveSnapshot('e-5', packIins(voters(60_001, '1964')));
    expect((await itemsOf('e-5')).map((i) => i.sk)).toContain(abandoned.sk); // it may still be running

    now += 16 * 60_000;
    const listed = voters(60_002, '1964');
    const kept = await clocked.saveSnapshot('e-5', packIins(listed));
    const left = (await itemsOf('e-5')).map((i) => i.sk);
    expect(left).not.toContain(abandoned.sk);
    expect(left.filter((sk) => sk.startsWith('SNAPSHOT#'))).toHaveLength(2);
    expect(
      (await new VoterRegisterRepository(table).registeredAmong('e-5', kept.snapshotId, listed.slice(-11)))
        .size,
    ).toBe(11);
  });
});
