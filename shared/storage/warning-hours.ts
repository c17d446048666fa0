import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Instant, InstantSchema } from '../domain/local-date.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryItems } from './query-all.ts';

const WarningHoursSchema = z.object({ electionId: z.string(), hours: z.array(InstantSchema) });
const SweptSchema = z.object({ sweptTo: InstantSchema });

/**
 * When each election's waits enter their last 48 hours, in one small partition, so that the deadline sweep
 * learns which elections owe warnings from one query instead of reading every election; and up to when the
 * sweep has published them, so that a run that failed leaves its hours to the next.
 */
export class WarningHours {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** Records an election's warning hours (none: it owes no more warnings, and leaves the index). */
  async record(electionId: string, hours: readonly Instant[]): Promise<void> {
    const key = keys.warningHours(electionId);
    if (hours.length === 0) {
      await this.#table.db.send(new DeleteCommand({ TableName: this.#table.name, Key: key }));
      return;
    }
    await this.#table.db.send(
      new PutCommand({ TableName: this.#table.name, Item: { ...key, electionId, hours: [...hours] } }),
    );
  }

  /** The elections with a warning hour in (after, upTo]. */
  async electionsDue(after: Instant, upTo: Instant): Promise<string[]> {
    // Read consistently: an election's hours missed here would be swept past, and their warnings lost.
    const items = await queryItems(this.#table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.noticeHours },
      ConsistentRead: true,
    });
    return items.flatMap((item) => {
      const read = WarningHoursSchema.safeParse(item);
      if (!read.success) return [];
      return read.data.hours.some((hour) => after < hour && hour <= upTo) ? [read.data.electionId] : [];
    });
  }

  /** Up to when the sweep has published; null before its first run. */
  async sweptTo(): Promise<Instant | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.warningsSwept, ConsistentRead: true }),
    );
    const swept = SweptSchema.safeParse(Item);
    return swept.success ? swept.data.sweptTo : null;
  }

  /** Moves the sweep's mark forward to `upTo` (never back). */
  async markSwept(upTo: Instant): Promise<void> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.warningsSwept,
          UpdateExpression: 'SET sweptTo = :upTo',
          ConditionExpression: 'attribute_not_exists(sweptTo) OR sweptTo < :upTo',
          ExpressionAttributeValues: { ':upTo': upTo },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
