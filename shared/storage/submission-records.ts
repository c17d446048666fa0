import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CountedSubmission,
  CountedSubmissionSchema,
  type CountingSubmission,
  CountingSubmissionSchema,
  type SubmissionRecord,
  SubmissionRecordSchema,
} from '../domain/signature-record.ts';
import type { Table } from './document-client.ts';
import { fromItem, isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-all.ts';

/**
 * Each submission as received, then with its verdict, kept beside its lines (`LINES#<caseId>` /
 * `SUBMISSION#<id>`): a retry is known as one (and takes no new place in the day's bound), the time the sheets
 * were handed in is on record, and the same sheets sent again get the first verdict back, whatever has happened
 * to the case since.
 */
export class SubmissionRecords {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  async find(caseId: string, submissionId: string): Promise<SubmissionRecord | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.submissionRecord(caseId, submissionId),
        ConsistentRead: true,
      }),
    );
    return Item === undefined ? null : fromItem(SubmissionRecordSchema, Item);
  }

  /**
   * Marks a submission received, before any of its lines is kept or counted. The first mark stays: a submission
   * received twice at once (a double click) answers the one that came first.
   */
  async receive(caseId: string, record: CountingSubmission): Promise<SubmissionRecord> {
    try {
      await this.#table.db.send(
        new PutCommand({
          TableName: this.#table.name,
          Item: {
            ...keys.submissionRecord(caseId, record.submissionId),
            ...CountingSubmissionSchema.parse(record),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return record;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const found = await this.find(caseId, record.submissionId);
      if (found === null) throw new Error('A submission record refused as present is found');
      return found;
    }
  }

  /** Kept before the case records the submission, so that a case naming it always finds its verdict. */
  async save(caseId: string, record: CountedSubmission): Promise<void> {
    await this.#table.db.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: {
          ...keys.submissionRecord(caseId, record.submissionId),
          ...CountedSubmissionSchema.parse(record),
        },
      }),
    );
  }

  /** Every submission the case has received, counted or not (a few a day: small records, no lines). */
  async received(caseId: string): Promise<SubmissionRecord[]> {
    const { pk, skPrefix: prefix } = keys.submissionRecordsOf(caseId);
    return queryAll(this.#table, SubmissionRecordSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    });
  }
}
