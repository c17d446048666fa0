import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Instant, InstantSchema } from '../domain/local-date.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';

const StoredMarkSchema = z.object({
  readUpTo: InstantSchema,
  // A string set, as DynamoDB keeps it (the document client reads it as a Set).
  seenAtMark: z.set(z.string()).optional(),
});

/**
 * How far an account has read: every notice before `readUpTo`, and at it either every one (no `seenAtMark`) or
 * those named.
 */
export interface ReadMark {
  readonly readUpTo: Instant;
  readonly seenAtMark?: ReadonlySet<string>;
}

/**
 * How far each account has read its inbox: one small item per account, which only moves forward, so that two
 * desks marking at once, or a retried request, never make read notices unread again.
 */
export class InboxStore {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** How far the account has read; null when it never marked anything read. */
  async readMark(subject: string): Promise<ReadMark | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.inboxRead(subject), ConsistentRead: true }),
    );
    const read = StoredMarkSchema.safeParse(Item);
    return read.success ? read.data : null;
  }

  /**
   * Moves the mark to `upTo` unless it is already later; at the same instant, adds what was seen at it (or, with no
   * `seen`, reads every notice of that instant). Answers the instant now stored.
   */
  async markRead(subject: string, upTo: Instant, seen?: readonly string[]): Promise<Instant> {
    // One format, so that the condition's string comparison is the order of the instants.
    const mark = new Date(upTo).toISOString();
    const update = (expression: string, condition: string, values: Record<string, unknown>) =>
      this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.inboxRead(subject),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeValues: { ':mark': mark, ...values },
        }),
      );
    try {
      await (seen === undefined
        ? update(
            'SET readUpTo = :mark REMOVE seenAtMark',
            'attribute_not_exists(readUpTo) OR readUpTo < :mark',
            {},
          )
        : update(
            'SET readUpTo = :mark, seenAtMark = :seen',
            'attribute_not_exists(readUpTo) OR readUpTo < :mark',
            {
              ':seen': new Set(seen),
            },
          ));
      return mark;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Already there or later. At the same instant, what was seen adds to what was (two desks, a retry).
    try {
      await (seen === undefined
        ? update('REMOVE seenAtMark', 'readUpTo = :mark', {})
        : update('ADD seenAtMark :seen', 'readUpTo = :mark AND attribute_exists(seenAtMark)', {
            ':seen': new Set(seen),
          }));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return (await this.readMark(subject))?.readUpTo ?? mark;
  }
}
