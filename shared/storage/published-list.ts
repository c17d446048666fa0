import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { publicCandidateView } from '../domain/case-views.ts';
import { InstantSchema } from '../domain/local-date.ts';
import { nominationRoutes } from '../domain/nomination.ts';
import type { NominationCase } from '../domain/nomination-case.ts';
import {
  type PublicDecisionView,
  publicDecisionView,
  publishedDecisions,
} from '../domain/public-decisions.ts';
import { GroundCategorySchema } from '../domain/public-grounds.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryPrefixReadable } from './query-all.ts';
import { UnreadableCases } from './unreadable-cases.ts';

export type PublicCandidate = ReturnType<typeof publicCandidateView>;

const NominatorSchema = z.union([
  z.strictObject({ partyId: z.string() }),
  z.strictObject({ akimatDistrict: z.string() }),
  z.null(),
]);

const PublicCandidateSchema = z.strictObject({
  caseId: z.string(),
  fullName: z.string(),
  route: z.enum(nominationRoutes),
  nominator: NominatorSchema,
  registeredAt: InstantSchema.nullable(),
}) satisfies z.ZodType<PublicCandidate>;

/** A refusal or cancellation as published: no reasons, no grounds as cited, only their categories. */
const PublicDecisionSchema = z.strictObject({
  caseId: z.string(),
  fullName: z.string(),
  route: z.enum(nominationRoutes),
  nominator: NominatorSchema,
  decision: z.enum(publishedDecisions),
  decidedAt: InstantSchema,
  groundCategories: z.array(GroundCategorySchema),
}) satisfies z.ZodType<PublicDecisionView>;

/**
 * An entry of the list: a registered candidate's public view, or the mark that the case is off the list. Each
 * says which case version it reflects, so that a late write never undoes a newer one.
 */
const EntrySchema = z.discriminatedUnion('listed', [
  PublicCandidateSchema.extend({ listed: z.literal(true), caseVersion: z.int().min(1) }),
  z.strictObject({
    caseId: z.string(),
    listed: z.literal(false),
    caseVersion: z.int().min(1),
    /** Off the list by a refusal or cancellation, published beside it [D, public-grounds.ts]. */
    decision: PublicDecisionSchema.optional(),
  }),
]);
type Entry = z.infer<typeof EntrySchema>;

function entryOf(c: NominationCase): Entry {
  if (c.status === 'Registered') return { ...publicCandidateView(c), listed: true, caseVersion: c.version };
  const decision = publicDecisionView(c);
  return {
    caseId: c.caseId,
    listed: false,
    caseVersion: c.version,
    ...(decision === null ? {} : { decision }),
  };
}

/**
 * What the public list shows of a case: listed, refused or cancelled (published beside the list), or nothing.
 * A change of it is what the case storage carries to the list.
 */
export function publicStanding(c: NominationCase): 'Registered' | 'Refused' | 'RegistrationCancelled' | null {
  return c.status === 'Registered' || c.status === 'Refused' || c.status === 'RegistrationCancelled'
    ? c.status
    : null;
}

/**
 * The registered list as the public reads it (CLE 113-5 p.9): one item per registered candidate in the
 * election's `PUBLIC#` partition, holding exactly what the public may see of the case and nothing personal.
 * Refusals and cancellations are kept beside it, in the entry that marks the case off the list (public-grounds.ts
 * says what of them is published). Kept in step by the case storage whenever a case's public standing changes
 * (registered, refused, cancelled), and rewritten whole from
 * the cases at registration close, which mends any step a crash between the two writes missed; after the close
 * (cancellations, a court's registration) each entry is mended by itself (`mend`).
 */
export class PublishedList {
  readonly #table: Table;
  readonly #unreadable: UnreadableCases;

  constructor(table: Table) {
    this.#table = table;
    this.#unreadable = new UnreadableCases(table);
  }

  /**
   * The registered candidates, the refusals and cancellations published beside them, and how many stored
   * records (cases, or entries here) could not be read.
   */
  async read(electionId: string): Promise<{
    candidates: PublicCandidate[];
    refusedOrCancelled: PublicDecisionView[];
    unreadableCases: number;
  }> {
    const [entries, unreadableCases] = await Promise.all([
      this.#entries(electionId),
      this.#unreadable.count(electionId),
    ]);
    return {
      candidates: entries.items.flatMap((entry) => {
        if (!entry.listed) return [];
        const { listed: _listed, caseVersion: _version, ...view } = entry;
        return [view];
      }),
      refusedOrCancelled: entries.items.flatMap((entry) =>
        !entry.listed && entry.decision !== undefined ? [entry.decision] : [],
      ),
      unreadableCases: unreadableCases + entries.unreadable.length,
    };
  }

  /** Brings the case's entry in step with it: listed while Registered, off the list otherwise. */
  async sync(nominationCase: NominationCase): Promise<void> {
    await this.#write(nominationCase.electionId, entryOf(nominationCase));
  }

  /**
   * Brings the case's entry in step with it if it is behind (a crash between the case's write and the list's),
   * reading the entry first: nothing is written when it is in step, as it nearly always is. True when written.
   * What mends the list after registration close, when no whole rewrite comes any more: a retried request, and
   * the reconciler (functions/reconcile.ts).
   */
  async mend(nominationCase: NominationCase): Promise<boolean> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.publishedCandidate(nominationCase.electionId, nominationCase.caseId),
        ConsistentRead: true,
        ProjectionExpression: 'caseVersion',
      }),
    );
    const stored = z.object({ caseVersion: z.int() }).safeParse(Item);
    const behind = stored.success
      ? stored.data.caseVersion < nominationCase.version
      : Item !== undefined || publicStanding(nominationCase) !== null;
    if (behind) await this.sync(nominationCase);
    return behind;
  }

  /**
   * Rewrites the list from every case of the election: what is out of step is written, an entry that does not
   * read or that no case stands for is removed. The entry of a case that cannot be read now stays as it was.
   */
  async rewrite(
    electionId: string,
    cases: readonly NominationCase[],
    unreadableCaseIds: readonly string[],
  ): Promise<void> {
    const entries = await this.#entries(electionId);
    const stored = new Map(entries.items.map((e) => [e.caseId, e]));
    const standing = new Set([...cases.map((c) => c.caseId), ...unreadableCaseIds]);
    const broken = entries.unreadable.map((u) => keys.publishedCaseIdOf(u.sk));
    for (const caseId of [...broken, ...[...stored.keys()].filter((id) => !standing.has(id))]) {
      await this.#table.db.send(
        new DeleteCommand({ TableName: this.#table.name, Key: keys.publishedCandidate(electionId, caseId) }),
      );
    }
    for (const c of cases) {
      const entry = stored.get(c.caseId);
      const inStep = entry !== undefined && entry.caseVersion >= c.version;
      if (!inStep && (entry !== undefined || publicStanding(c) !== null))
        await this.#write(electionId, entryOf(c));
    }
  }

  async #entries(electionId: string) {
    return queryPrefixReadable(this.#table, EntrySchema, keys.publishedListOf(electionId));
  }

  /** Writes an entry unless the stored one already reflects this case version or a later one. */
  async #write(electionId: string, entry: Entry): Promise<void> {
    try {
      await this.#table.db.send(
        new PutCommand({
          TableName: this.#table.name,
          Item: { ...keys.publishedCandidate(electionId, entry.caseId), ...EntrySchema.parse(entry) },
          ConditionExpression: 'attribute_not_exists(pk) OR caseVersion < :version',
          ExpressionAttributeValues: { ':version': entry.caseVersion },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
