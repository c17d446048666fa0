import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type RecordedSignatureLine, RecordedSignatureLineSchema } from '../domain/signature-record.ts';
import { getAll, putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryPrefix } from './query-all.ts';

const SupportSchema = z.object({ sk: z.string(), cases: z.set(z.string()).optional() });

/**
 * Signature sheets and counted support. Counting is a conditional write on one item per voter and
 * election (`SUPPORT#<election> / VOTER#<iin>`), so a voter counts once per candidate however many
 * submissions race, and, where the election forbids supporting several candidates, once in all.
 */
export class SignatureRepository {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** For each voter, the cases their signature is counted for. */
  async supportOf(electionId: string, iins: readonly string[]): Promise<Map<string, Set<string>>> {
    const distinct = [...new Set(iins)];
    const found = await getAll(
      this.#table,
      distinct.map((iin) => keys.support(electionId, iin)),
      'sk, cases',
    );
    return new Map(
      found.map((item) => {
        const support = SupportSchema.parse(item);
        return [keys.iinOf(support.sk), support.cases ?? new Set<string>()];
      }),
    );
  }

  /**
   * Counts `iin` for `caseId`; false when it was already counted for it (or, if `exclusive`, for anyone).
   * The one place a signature becomes counted.
   */
  async countSupport(electionId: string, caseId: string, iin: string, exclusive: boolean): Promise<boolean> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.support(electionId, iin),
          UpdateExpression: 'ADD cases :case',
          // Exclusive: nobody may hold the voter yet. Otherwise: just not this case already.
          ...(exclusive
            ? {
                ConditionExpression: 'attribute_not_exists(cases)',
                ExpressionAttributeValues: { ':case': new Set([caseId]) },
              }
            : {
                ConditionExpression: 'attribute_not_exists(cases) OR NOT contains(cases, :caseId)',
                ExpressionAttributeValues: { ':case': new Set([caseId]), ':caseId': caseId },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Stores the recorded lines of one submission. Each submission's lines are kept under its own id: a line
   * repeating an earlier one's place is recorded beside it, never over it, so an earlier valid line and its
   * count survive every later submission (and a retried one).
   */
  async saveLines(caseId: string, lines: readonly RecordedSignatureLine[]): Promise<void> {
    await putAll(
      this.#table,
      lines.map((line) => ({ ...keys.signatureLine(caseId, line.submissionId, line.sheet, line.line), ...line })),
    );
  }

  async listLines(caseId: string): Promise<RecordedSignatureLine[]> {
    return queryPrefix(this.#table, RecordedSignatureLineSchema, keys.signatureLinesOf(caseId));
  }
}
