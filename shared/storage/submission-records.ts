import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { InstantSchema } from '../domain/local-date.ts';
import { SubmissionVerdictSchema } from '../domain/signature-record.ts';
import type { Table } from './document-client.ts';
import { fromItem } from './item-codec.ts';
import { keys } from './keys.ts';

/** A counted submission: when it came, how many lines, and the verdict it got. */
export const SubmissionRecordSchema = z.strictObject({
  submissionId: z.string(),
  receivedAt: InstantSchema,
  lineCount: z.int().min(1),
  verdict: SubmissionVerdictSchema,
});
export type SubmissionRecord = z.infer<typeof SubmissionRecordSchema>;

/**
 * Each submission's verdict, kept beside its lines (`LINES#<caseId>` / `SUBMISSION#<id>`) so that the same
 * sheets sent again get the first verdict back, whatever has happened to the case since.
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

  /** Kept before the case records the submission, so that a case naming it always finds its verdict. */
  async save(caseId: string, record: SubmissionRecord): Promise<void> {
    await this.#table.db.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: {
          ...keys.submissionRecord(caseId, record.submissionId),
          ...SubmissionRecordSchema.parse(record),
        },
      }),
    );
  }
}
