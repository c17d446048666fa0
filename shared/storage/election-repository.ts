import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Election, ElectionSchema } from '../domain/election.ts';
import { ElectionAlreadyCalledError, NotFoundError, RecordUnreadableError } from '../domain/errors.ts';
import { createOnce, putIfAbsent, putIfVersion, storedWriteId, WRITE_ID } from './conditional-put.ts';
import type { Table } from './document-client.ts';
import { readItem } from './item-codec.ts';
import { keys } from './keys.ts';
import { emptyRoll } from './nomination-roll.ts';
import { updateOptimistically } from './optimistic-update.ts';
import { queryAll } from './query-all.ts';
import { tableKeys } from './table.ts';

/** Elections: called once per unit and day, read by id or by district, moved along their calendar. */
export class ElectionRepository {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** Stores a newly called election and its empty nomination roll; a second call of the same election conflicts. */
  async create(election: Election): Promise<void> {
    // The roll goes first: a crash between the two writes leaves a harmless empty roll, never an election without one.
    await putIfAbsent(this.#table, { ...keys.roll(election.electionId), ...emptyRoll() });
    if (!(await createOnce(this.#table, keys.election(election.electionId), this.#item(election)))) {
      throw new ElectionAlreadyCalledError(election.electionId);
    }
  }

  async get(electionId: string): Promise<Election> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.election(electionId), ConsistentRead: true }),
    );
    if (Item === undefined) throw new NotFoundError('election');
    const read = readItem(ElectionSchema, Item);
    if (!read.ok) throw new RecordUnreadableError('election', electionId, read.unreadable.fields);
    return read.value;
  }

  /** Elections of a district, by election day. Read from the index, so a just-called election may lag a moment. */
  async listByDistrict(district: string): Promise<Election[]> {
    return queryAll(this.#table, ElectionSchema, {
      IndexName: tableKeys.byDistrictIndex,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': tableKeys.byDistrictPartitionKey },
      ExpressionAttributeValues: { ':pk': keys.electionsOfDistrict(district) },
    });
  }

  /**
   * Every election, by a full scan: for the local engine's restart, never for a request path. One that no
   * longer reads is named (by id), not fatal: the others still resume.
   */
  async listAll(): Promise<{ elections: Election[]; unreadable: string[] }> {
    const elections: Election[] = [];
    const unreadable: string[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.#table.db.send(
        new ScanCommand({
          TableName: this.#table.name,
          FilterExpression: 'sk = :sk',
          ExpressionAttributeValues: { ':sk': keys.election('').sk },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) {
        const read = readItem(ElectionSchema, item);
        if (read.ok) elections.push(read.value);
        else unreadable.push(keys.electionIdOf(String(item.pk)));
      }
      cursor = page.LastEvaluatedKey;
    } while (cursor !== undefined);
    return { elections, unreadable };
  }

  /** Changes an election under optimistic locking (see updateOptimistically). */
  async update(electionId: string, change: (current: Election) => Election): Promise<Election> {
    return updateOptimistically({
      load: () => this.get(electionId),
      change,
      save: (next, expectedVersion, writeId) =>
        putIfVersion(this.#table, { ...this.#item(next), [WRITE_ID]: writeId }, expectedVersion),
      storedWriteId: () => storedWriteId(this.#table, keys.election(electionId)),
    });
  }

  /** The stored form, written only as reads will take it. */
  #item(election: Election) {
    ElectionSchema.parse(election);
    return {
      ...keys.election(election.electionId),
      [tableKeys.byDistrictPartitionKey]: keys.electionsOfDistrict(election.district),
      [tableKeys.byDistrictSortKey]: keys.electionInDistrict(election.electionDay, election.electionId),
      ...election,
    };
  }
}
