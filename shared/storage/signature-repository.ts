import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type RecordedSignatureLine, RecordedSignatureLineSchema } from '../domain/signature-record.ts';
import { getAll, putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { fromItem, isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryPrefix } from './query-all.ts';
import { SignatureLedger } from './signature-ledger.ts';
import { SubmissionRecords } from './submission-records.ts';

const SupportSchema = z.object({ sk: z.string(), cases: z.set(z.string()).optional() });

/**
 * Signature sheets, whom each voter supports, the ledger of counted signatures and each submission's verdict.
 * A voter's support is one item per voter and election (`SUPPORT#<election> / VOTER#<iin>`): where the election
 * forbids supporting several candidates, a conditional write there keeps a voter to one case; the ledger
 * (`signature-ledger.ts`) counts a voter once per case.
 */
export class SignatureRepository {
  readonly #table: Table;
  readonly ledger: SignatureLedger;
  readonly submissions: SubmissionRecords;

  constructor(table: Table) {
    this.#table = table;
    this.ledger = new SignatureLedger(table);
    this.submissions = new SubmissionRecords(table);
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
   * Records that `iin` supports `caseId`. Where an election allows one candidate per voter (`exclusive`), it
   * is refused (false) once another case holds the voter; a case holding it already holds it still (a retry).
   * Whether the signature counts for the case is the ledger's to say; this says only whom a voter supports.
   */
  async holdSupport(electionId: string, caseId: string, iin: string, exclusive: boolean): Promise<boolean> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.support(electionId, iin),
          UpdateExpression: 'ADD cases :case',
          ExpressionAttributeValues: {
            ':case': new Set([caseId]),
            ...(exclusive ? { ':caseId': caseId, ':one': 1 } : {}),
          },
          ...(exclusive
            ? {
                ConditionExpression:
                  'attribute_not_exists(cases) OR (size(cases) = :one AND contains(cases, :caseId))',
              }
            : {}),
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
      lines.map((line) => ({
        ...keys.signatureLine(caseId, line.submissionId, line.sheet, line.line),
        ...line,
      })),
    );
  }

  async listLines(caseId: string): Promise<RecordedSignatureLine[]> {
    return queryPrefix(this.#table, RecordedSignatureLineSchema, keys.signatureLinesOf(caseId));
  }

  /** The recorded lines of one submission, in sheet and line order. */
  async linesOfSubmission(caseId: string, submissionId: string): Promise<RecordedSignatureLine[]> {
    return queryPrefix(
      this.#table,
      RecordedSignatureLineSchema,
      keys.signatureLinesOfSubmission(caseId, submissionId),
    );
  }

  /**
   * Up to `limit` recorded lines of a case in key order (submission, sheet, line), after the line at `after`
   * (from the first when null); `more` when others follow. One line more than asked is read, so the last page
   * is known as such without another request.
   */
  async linesPage(
    caseId: string,
    after: Pick<RecordedSignatureLine, 'submissionId' | 'sheet' | 'line'> | null,
    limit: number,
  ): Promise<{ lines: RecordedSignatureLine[]; more: boolean }> {
    const where = keys.signatureLinesOf(caseId);
    const lines: RecordedSignatureLine[] = [];
    let start: Record<string, unknown> | undefined =
      after === null ? undefined : keys.signatureLine(caseId, after.submissionId, after.sheet, after.line);
    do {
      const page = await this.#table.db.send(
        new QueryCommand({
          TableName: this.#table.name,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': where.pk, ':prefix': where.skPrefix },
          ConsistentRead: true,
          Limit: limit + 1 - lines.length,
          ExclusiveStartKey: start,
        }),
      );
      lines.push(...(page.Items ?? []).map((item) => fromItem(RecordedSignatureLineSchema, item)));
      start = page.LastEvaluatedKey;
    } while (start !== undefined && lines.length <= limit);
    return { lines: lines.slice(0, limit), more: lines.length > limit };
  }
}
