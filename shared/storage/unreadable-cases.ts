import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Table } from './document-client.ts';
import { keys } from './keys.ts';

const CountSchema = z.object({ unreadableCases: z.int().min(0) });

/**
 * How many of an election's stored cases could not be read when they were last listed: the one thing the public
 * may learn of them (the published list may then be missing someone). Kept in a family of its own, so that what
 * lists cases may say so without being able to write the published list, and the public reads it without
 * reaching any case.
 */
export class UnreadableCases {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /**
   * Records the count a listing found, writing only when it changed. Listings that race may leave either's
   * count; the next listing sets it right.
   */
  async record(electionId: string, count: number): Promise<void> {
    if ((await this.count(electionId)) === count) return;
    await this.#table.db.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: { ...keys.unreadableCases(electionId), ...CountSchema.parse({ unreadableCases: count }) },
      }),
    );
  }

  /** The count last recorded; 0 when no listing ever found a case it could not read. */
  async count(electionId: string): Promise<number> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.unreadableCases(electionId),
        ConsistentRead: true,
        ProjectionExpression: 'unreadableCases',
      }),
    );
    return Item === undefined ? 0 : CountSchema.parse(Item).unreadableCases;
  }
}
