import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { type Instant, InstantSchema } from '../domain/local-date.ts';
import { type RecordedSignatureLine, RecordedSignatureLineSchema } from '../domain/signature-record.ts';
import { getAll, putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { fromItem, isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryAll, queryPrefix } from './query-all.ts';
import { SignatureLedger } from './signature-ledger.ts';
import { SubmissionRecords } from './submission-records.ts';

const SupportSchema = z.object({
  sk: z.string(),
  cases: z.set(z.string()).optional(),
  heldAt: InstantSchema.optional(),
});

/** A recorded line's place, signer and whether it was checked, without what else the line says. */
const LineSignerSchema = z.object({
  submissionId: z.string(),
  sheet: z.int(),
  line: z.int(),
  iin: z.string(),
  checked: z.literal(false).optional(),
});
export type LineSigner = z.infer<typeof LineSignerSchema>;

/** Whom a voter supports: the cases, and (where one case holds the voter alone) when it last took the hold. */
export interface Support {
  readonly cases: ReadonlySet<string>;
  readonly heldAt?: Instant;
}

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
    const holds = await this.holdsOf(electionId, iins);
    return new Map([...holds].map(([iin, held]) => [iin, new Set(held.cases)]));
  }

  /** For each voter, whom they support and since when the hold was last taken. */
  async holdsOf(electionId: string, iins: readonly string[]): Promise<Map<string, Support>> {
    const distinct = [...new Set(iins)];
    const found = await getAll(
      this.#table,
      distinct.map((iin) => keys.support(electionId, iin)),
      'sk, cases, heldAt',
    );
    return new Map(
      found.map((item) => {
        const { sk, cases, heldAt } = SupportSchema.parse(item);
        return [keys.iinOf(sk), { cases: cases ?? new Set<string>(), ...(heldAt ? { heldAt } : {}) }];
      }),
    );
  }

  /**
   * Records that `iin` supports `caseId`. Where an election allows one candidate per voter (`exclusive`), it
   * is refused (false) once another case holds the voter; a case holding it already holds it still (a retry).
   * Whether the signature counts for the case is the ledger's to say; this says only whom a voter supports.
   * `at` marks when the hold was (last) taken: a hold whose case never counted the voter on its ledger
   * (its request crashed between the two writes) can so be told from one being counted right now.
   */
  async holdSupport(
    electionId: string,
    caseId: string,
    iin: string,
    exclusive: boolean,
    at?: Instant,
  ): Promise<boolean> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.support(electionId, iin),
          UpdateExpression: at === undefined ? 'ADD cases :case' : 'ADD cases :case SET heldAt = :at',
          ExpressionAttributeValues: {
            ':case': new Set([caseId]),
            ...(at === undefined ? {} : { ':at': at }),
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
   * Moves a voter's exclusive support from `from` to `to`, if `from` still holds it alone, taken at `heldAt`
   * (a hold taken again since, by a retry of `from`, is left alone). For a hold whose case never counted it.
   */
  async takeOverSupport(
    electionId: string,
    iin: string,
    hold: { readonly from: string; readonly heldAt: Instant },
    to: string,
    at: Instant,
  ): Promise<boolean> {
    try {
      await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.support(electionId, iin),
          UpdateExpression: 'SET cases = :to, heldAt = :at',
          ConditionExpression: 'size(cases) = :one AND contains(cases, :from) AND heldAt = :heldAt',
          ExpressionAttributeValues: {
            ':to': new Set([to]),
            ':at': at,
            ':one': 1,
            ':from': hold.from,
            ':heldAt': hold.heldAt,
          },
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

  /**
   * Each recorded line of the case where it is (submission, sheet, line), its signer's IIN and whether it was
   * left unchecked: what a new submission's lines are judged against (their places and signers spent).
   */
  async lineSigners(caseId: string): Promise<LineSigner[]> {
    const where = keys.signatureLinesOf(caseId);
    return queryAll(this.#table, LineSignerSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeNames: {
        '#sub': 'submissionId',
        '#sheet': 'sheet',
        '#line': 'line',
        '#iin': 'iin',
        '#checked': 'checked',
      },
      ExpressionAttributeValues: { ':pk': where.pk, ':prefix': where.skPrefix },
      ProjectionExpression: '#sub, #sheet, #line, #iin, #checked',
      ConsistentRead: true,
    });
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
