import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Table } from './document-client.ts';
import { isConditionFailure } from './item-codec.ts';
import { keys } from './keys.ts';

/**
 * The nomination roll of an election: one item that holds who is nominated (candidate → case) and which
 * nominator slots are taken (party or akimat → case). Both invariants, one case per candidate and one live
 * nominee per nominator, are claimed together in a single conditional UpdateItem: DynamoDB keeps them
 * without transactions (dynalite has none, and single-item writes are cheaper on AWS too).
 */
const ClaimSchema = z.object({
  caseId: z.string(),
  at: z.string(),
  /**
   * Claimed by a reinstatement for a case that is not live yet: respected while that request may still be
   * writing the case (case-repository.ts `reclaimSlot`), though its case is still refused or cancelled.
   */
  reinstating: z.boolean().optional(),
});
export type RollClaim = z.infer<typeof ClaimSchema>;

const RollSchema = z.object({
  candidates: z.record(z.string(), ClaimSchema),
  slots: z.record(z.string(), ClaimSchema),
});
export type Roll = z.infer<typeof RollSchema>;

export function emptyRoll(): Roll {
  return { candidates: {}, slots: {} };
}

export class NominationRoll {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /**
   * Claims the candidate (and the nominator slot, if any) for `claim.caseId`, in one write. Succeeds when each
   * is free or already held by the same case (a resumed creation); otherwise nothing is written.
   */
  async claim(
    electionId: string,
    candidateKey: string,
    slot: string | null,
    claim: RollClaim,
  ): Promise<boolean> {
    const names: Record<string, string> = { '#c': candidateKey };
    const conditions = ['(attribute_not_exists(candidates.#c) OR candidates.#c.caseId = :caseId)'];
    const sets = ['candidates.#c = :claim'];
    if (slot !== null) {
      names['#s'] = slot;
      conditions.push('(attribute_not_exists(slots.#s) OR slots.#s.caseId = :caseId)');
      sets.push('slots.#s = :claim');
    }
    return this.#conditionalUpdate({
      Key: keys.roll(electionId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `attribute_exists(pk) AND ${conditions.join(' AND ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':claim': claim, ':caseId': claim.caseId },
    });
  }

  /**
   * Moves a slot from a holder that is no longer live (or never came to be) to a new case: only from the very
   * claim that was judged free (same case, same moment), so a claim renewed since (a reinstatement) is not lost.
   */
  async takeOverSlot(electionId: string, slot: string, from: RollClaim, claim: RollClaim): Promise<boolean> {
    return this.#conditionalUpdate({
      Key: keys.roll(electionId),
      UpdateExpression: 'SET slots.#s = :claim',
      ConditionExpression: 'slots.#s.caseId = :from AND slots.#s.#at = :fromAt',
      ExpressionAttributeNames: { '#s': slot, '#at': 'at' },
      ExpressionAttributeValues: { ':claim': claim, ':from': from.caseId, ':fromAt': from.at },
    });
  }

  /** Frees a slot when its case leaves the race; a no-op if someone else holds it by now. */
  async releaseSlot(electionId: string, slot: string, caseId: string): Promise<void> {
    await this.#conditionalUpdate({
      Key: keys.roll(electionId),
      UpdateExpression: 'REMOVE slots.#s',
      ConditionExpression: 'slots.#s.caseId = :caseId',
      ExpressionAttributeNames: { '#s': slot },
      ExpressionAttributeValues: { ':caseId': caseId },
    });
  }

  /** The roll, or null when the election was never called. */
  async read(electionId: string): Promise<Roll | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.roll(electionId),
        ConsistentRead: true,
        ProjectionExpression: 'candidates, slots',
      }),
    );
    return Item === undefined ? null : RollSchema.parse(Item);
  }

  async #conditionalUpdate(
    input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>,
  ): Promise<boolean> {
    try {
      await this.#table.db.send(new UpdateCommand({ TableName: this.#table.name, ...input }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
