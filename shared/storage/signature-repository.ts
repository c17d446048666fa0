import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type LineVerdict, type SignatureLine, SignatureLineSchema } from '../domain/signatures.ts';
import { getAll, putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryPrefix } from './query-all.ts';

/** A signature line as stored: what the sheet said, and the verdict on it. */
export const StoredSignatureLineSchema = z.strictObject({
  ...SignatureLineSchema.shape,
  submissionId: z.string(),
  valid: z.boolean(),
  reason: z.string().nullable(),
});
export type StoredSignatureLine = z.infer<typeof StoredSignatureLineSchema>;

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

  /** Stores the lines of one submission with their verdicts (lines are idempotent by sheet and line). */
  async saveLines(
    caseId: string,
    submissionId: string,
    lines: readonly SignatureLine[],
    verdicts: readonly LineVerdict[],
  ): Promise<void> {
    const verdictAt = new Map(verdicts.map((v) => [`${v.sheet}/${v.line}`, v]));
    await putAll(
      this.#table,
      lines.map((line) => {
        const verdict = verdictAt.get(`${line.sheet}/${line.line}`);
        return {
          ...keys.signatureLine(caseId, line.sheet, line.line),
          ...line,
          submissionId,
          valid: verdict?.valid ?? false,
          reason: verdict === undefined || verdict.valid ? null : verdict.reason,
        };
      }),
    );
  }

  async listLines(caseId: string): Promise<StoredSignatureLine[]> {
    return queryPrefix(this.#table, StoredSignatureLineSchema, keys.signatureLinesOf(caseId));
  }
}
