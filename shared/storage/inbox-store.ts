import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type Instant, InstantSchema } from '../domain/local-date.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';

const ReadMarkSchema = z.object({ readUpTo: InstantSchema });

/**
 * How far each account has read its inbox: one small item per account, which only moves forward, so that two
 * desks marking at once, or a retried request, never make read notices unread again.
 */
export class InboxStore {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** The instant up to which the account has read; null when it never marked anything read. */
  async readUpTo(subject: string): Promise<Instant | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.inboxRead(subject), ConsistentRead: true }),
    );
    const read = ReadMarkSchema.safeParse(Item);
    return read.success ? read.data.readUpTo : null;
  }

  /** Moves the mark to `upTo` unless it is already there or later; answers the mark now stored. */
  async markRead(subject: string, upTo: Instant): Promise<Instant> {
    // One format, so that the condition's string comparison is the order of the instants.
    const mark = new Date(upTo).toISOString();
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.inboxRead(subject),
          UpdateExpression: 'SET readUpTo = :mark',
          ConditionExpression: 'attribute_not_exists(readUpTo) OR readUpTo < :mark',
          ExpressionAttributeValues: { ':mark': mark },
        }),
      );
      return mark;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.readUpTo(subject)) ?? mark;
    }
  }
}
