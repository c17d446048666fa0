import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { LinePlace } from '../domain/signatures.ts';
import { getAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryCount, queryItems } from './query-all.ts';

/** One counted signature: the submission and the line that counted it. */
const LedgerEntrySchema = z.object({
  sk: z.string(),
  submissionId: z.string(),
  sheet: z.int(),
  line: z.int(),
});

/** Where a signature was counted, always with the submission that counted it. */
export type CountedAt = Required<LinePlace>;

/**
 * The signature ledger: one entry per voter counted for a case (`LEDGER#<caseId>` / `VOTER#<iin>`), written
 * once by a conditional put, naming the submission and line that counted it. A candidate's valid count is the
 * number of entries, so it can always be recomputed; a retried submission finds its own entries and counts
 * them as its own, never as duplicates.
 */
export class SignatureLedger {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** Where each of `iins` was counted for the case, for those that were. */
  async entriesFor(caseId: string, iins: readonly string[]): Promise<Map<string, CountedAt>> {
    const found = await getAll(
      this.#table,
      [...new Set(iins)].map((iin) => keys.ledgerEntry(caseId, iin)),
    );
    return new Map(
      found.map((item) => {
        const { sk, submissionId, sheet, line } = LedgerEntrySchema.parse(item);
        return [keys.iinOf(sk), { submissionId, sheet, line }];
      }),
    );
  }

  /**
   * Counts `iin` for the case at `at`; answers where it is counted now: `at` itself when this write counted it
   * (or an earlier attempt of the same submission did), another place when someone else counted it first.
   */
  async count(caseId: string, iin: string, at: CountedAt): Promise<CountedAt> {
    const key = keys.ledgerEntry(caseId, iin);
    try {
      await this.#table.db.send(
        new PutCommand({
          TableName: this.#table.name,
          Item: { ...key, ...at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return at;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: key, ConsistentRead: true }),
    );
    const { submissionId, sheet, line } = LedgerEntrySchema.parse(Item);
    return { submissionId, sheet, line };
  }

  /** The signers counted for the case. */
  async signersOf(caseId: string): Promise<string[]> {
    const items = await queryItems(this.#table, { ...this.#wholeLedger(caseId), ProjectionExpression: 'sk' });
    return items.map((item) => keys.iinOf(String(item.sk)));
  }

  /**
   * Takes a signature off the case's count (its signer is no longer on the register); with `countedBy`, only
   * if that submission counted it (a submission taking back its own count leaves another's alone).
   */
  async remove(caseId: string, iin: string, countedBy?: string): Promise<void> {
    try {
      await this.#table.db.send(
        new DeleteCommand({
          TableName: this.#table.name,
          Key: keys.ledgerEntry(caseId, iin),
          ...(countedBy === undefined
            ? {}
            : {
                ConditionExpression: 'submissionId = :countedBy',
                ExpressionAttributeValues: { ':countedBy': countedBy },
              }),
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** How many signatures are counted for the case: what the ledger holds. */
  async countOf(caseId: string): Promise<number> {
    return queryCount(this.#table, this.#wholeLedger(caseId));
  }

  #wholeLedger(caseId: string) {
    return {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.ledgerOf(caseId) },
      ConsistentRead: true,
    };
  }
}
