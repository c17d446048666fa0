import { isDeepStrictEqual } from 'node:util';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Election, ElectionSchema, electionFactFields } from '../domain/election.ts';
import { ElectionAlreadyCalledError, NotFoundError, RecordUnreadableError } from '../domain/errors.ts';
import { getAll } from './batch.ts';
import { createOnce, putIfAbsent, putIfVersion, storedWriteId, WRITE_ID } from './conditional-put.ts';
import type { Table } from './document-client.ts';
import { readItem } from './item-codec.ts';
import { keys } from './keys.ts';
import { emptyRoll } from './nomination-roll.ts';
import { updateOptimistically } from './optimistic-update.ts';
import { queryAll, type ReadConsistency } from './query-all.ts';
import { tableKeys } from './table.ts';

const DirectoryEntrySchema = z.object({ electionId: z.string() });

/**
 * What never changes once an election is called: its cases' executions carry it (`ElectionFacts`) instead of
 * reading the election at each step, so an update that changed it would leave them judging by the old one.
 */
const fixedOnceCalled = electionFactFields;

/** Elections: called once per unit and day, read by id or by district, moved along their calendar. */
export class ElectionRepository {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /**
   * Stores a newly called election, its entry in the directory of elections and its empty nomination roll; a
   * second call of the same election conflicts.
   */
  async create(election: Election): Promise<void> {
    const { electionId } = election;
    // The election goes last: a crash in between leaves a harmless directory entry or empty roll, never an
    // election without its roll, or one that listAll cannot find.
    await this.#table.db.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: { ...keys.electionDirectoryEntry(electionId), ...DirectoryEntrySchema.parse({ electionId }) },
      }),
    );
    await putIfAbsent(this.#table, { ...keys.roll(electionId), ...emptyRoll() });
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
   * Every election: the directory's entries, then their elections, 100 a request. No scan: IAM can limit a
   * query and a get to the partitions a function may read, never a scan. For the engine's restart and the
   * reconciler, never for a request path. One that no longer reads is named (by id), not fatal: the others
   * still resume; an entry whose election was never written (a crash while calling it) is passed over.
   */
  async listAll(consistency: ReadConsistency = {}): Promise<{ elections: Election[]; unreadable: string[] }> {
    const entries = await queryAll(this.#table, DirectoryEntrySchema, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.electionDirectory },
      ConsistentRead: consistency.consistent ?? true,
    });
    const items = await getAll(
      this.#table,
      entries.map((entry) => keys.election(entry.electionId)),
      undefined,
      consistency,
    );
    const elections: Election[] = [];
    const unreadable: string[] = [];
    for (const item of items) {
      const read = readItem(ElectionSchema, item);
      if (read.ok) elections.push(read.value);
      else unreadable.push(keys.electionIdOf(String(item.pk)));
    }
    // In the directory's order (by id): a batch answers in any order.
    elections.sort((a, b) => (a.electionId < b.electionId ? -1 : 1));
    return { elections, unreadable: unreadable.sort() };
  }

  /**
   * Changes an election under optimistic locking (see updateOptimistically); `seen`, the election as just read,
   * saves reading it again when no one has changed it since.
   */
  async update(
    electionId: string,
    change: (current: Election) => Election,
    seen?: Election,
  ): Promise<Election> {
    return updateOptimistically({
      seen,
      load: () => this.get(electionId),
      change: (current) => {
        const next = change(current);
        const changed = fixedOnceCalled.filter((field) => !isDeepStrictEqual(next[field], current[field]));
        if (changed.length > 0)
          throw new Error(`An election's ${changed.join(', ')} never change once it is called`);
        return next;
      },
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
