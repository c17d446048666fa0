import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isLive } from '../domain/case-lifecycle.ts';
import { CandidateAlreadyNominatedError, NotFoundError, RecordUnreadableError } from '../domain/errors.ts';
import type { Instant } from '../domain/local-date.ts';
import { slotTakenError } from '../domain/nomination.ts';
import { type NominationCase, NominationCaseSchema } from '../domain/nomination-case.ts';
import { createOnce, putIfVersion, storedWriteId, WRITE_ID } from './conditional-put.ts';
import type { Table } from './document-client.ts';
import { readItem } from './item-codec.ts';
import { keys } from './keys.ts';
import { NominationRoll, type RollClaim } from './nomination-roll.ts';
import { updateOptimistically } from './optimistic-update.ts';
import { PublishedList } from './published-list.ts';
import { queryPrefixReadable } from './query-all.ts';
import { UnreadableCases } from './unreadable-cases.ts';

export interface CaseRepositoryOptions {
  /**
   * How long a slot claim whose case never appeared is respected before another nomination may take the slot.
   * Longer than any request can run (a Lambda stops at 15 minutes), so it only frees claims of crashed requests.
   */
  readonly orphanClaimAfterMs?: number;
}

const FIFTEEN_MINUTES_MS = 15 * 60_000;
const MAX_CLAIM_ROUNDS = 5;

/** The cases of an election as storage holds them: those that read, and those that do not. */
export interface ElectionCases {
  readonly cases: NominationCase[];
  readonly unreadable: readonly { readonly caseId: string; readonly fields: readonly string[] }[];
}

const isRegistered = (c: NominationCase) => c.status === 'Registered';

/**
 * Nomination cases: filed once per candidate, changed only under optimistic locking. A change that makes a case
 * Registered, or ends its registration, is carried to the published list right after the case is written.
 */
export class CaseRepository {
  readonly #table: Table;
  readonly #roll: NominationRoll;
  readonly #published: PublishedList;
  readonly #unreadable: UnreadableCases;
  readonly #orphanAfterMs: number;

  constructor(table: Table, options: CaseRepositoryOptions = {}) {
    this.#table = table;
    this.#roll = new NominationRoll(table);
    this.#published = new PublishedList(table);
    this.#unreadable = new UnreadableCases(table);
    this.#orphanAfterMs = options.orphanClaimAfterMs ?? FIFTEEN_MINUTES_MS;
  }

  /**
   * Stores a new case: claims the candidate and the nominator slot on the roll, then writes the case.
   * A creation interrupted between the two writes is resumed by the next filing for the same candidate,
   * under the case id it had claimed, so a crash never blocks a candidate nor yields two cases.
   */
  async file(draft: NominationCase, candidateKey: string, now: Instant): Promise<NominationCase> {
    const { electionId } = draft;
    let nominationCase = draft;
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round += 1) {
      const claim: RollClaim = { caseId: nominationCase.caseId, at: now };
      if (await this.#roll.claim(electionId, candidateKey, nominationCase.slot, claim)) {
        return this.#write(nominationCase);
      }
      const roll = await this.#roll.read(electionId);
      if (roll === null) throw new NotFoundError('election');
      const candidateClaim = roll.candidates[candidateKey];
      if (candidateClaim !== undefined && candidateClaim.caseId !== nominationCase.caseId) {
        if ((await this.find(electionId, candidateClaim.caseId)) !== null) {
          throw new CandidateAlreadyNominatedError(candidateClaim.caseId);
        }
        nominationCase = { ...nominationCase, caseId: candidateClaim.caseId };
        continue;
      }
      const slot = nominationCase.slot;
      const slotClaim = slot === null ? undefined : roll.slots[slot];
      if (slot !== null && slotClaim !== undefined && slotClaim.caseId !== nominationCase.caseId) {
        await this.#takeOverSlotIfFree(electionId, slot, slotClaim, claim, now);
      }
    }
    throw new CandidateAlreadyNominatedError(nominationCase.caseId);
  }

  /** A slot is free when its holder left the race, or never came to be within the orphan lease. */
  async #takeOverSlotIfFree(
    electionId: string,
    slot: string,
    held: RollClaim,
    claim: RollClaim,
    now: Instant,
  ): Promise<void> {
    const holder = await this.find(electionId, held.caseId);
    const holderStillLive = holder !== null && holder.slot === slot && isLive(holder.status);
    const claimMayBeInFlight = holder === null && Date.parse(now) - Date.parse(held.at) < this.#orphanAfterMs;
    if (holderStillLive || claimMayBeInFlight) throw slotTakenError(slot, held.caseId);
    await this.#roll.takeOverSlot(electionId, slot, held.caseId, claim);
  }

  async #write(nominationCase: NominationCase): Promise<NominationCase> {
    const key = keys.case(nominationCase.electionId, nominationCase.caseId);
    // Written only as reads will take it: a record no read accepts would stop its whole election.
    if (await createOnce(this.#table, key, NominationCaseSchema.parse(nominationCase))) return nominationCase;
    // Another request resumed the same claim and wrote the case first.
    throw new CandidateAlreadyNominatedError(nominationCase.caseId);
  }

  /** Frees the case's nominator slot once it has left the race (the roll ignores it until then anyway). */
  async releaseSlot(nominationCase: NominationCase): Promise<void> {
    if (nominationCase.slot === null || isLive(nominationCase.status)) return;
    await this.#roll.releaseSlot(nominationCase.electionId, nominationCase.slot, nominationCase.caseId);
  }

  async find(electionId: string, caseId: string): Promise<NominationCase | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.case(electionId, caseId),
        ConsistentRead: true,
      }),
    );
    if (Item === undefined) return null;
    const read = readItem(NominationCaseSchema, Item);
    if (!read.ok) throw new RecordUnreadableError('case', caseId, read.unreadable.fields);
    return read.value;
  }

  async get(electionId: string, caseId: string): Promise<NominationCase> {
    const found = await this.find(electionId, caseId);
    if (found === null) throw new NotFoundError('case');
    return found;
  }

  /**
   * Every case of an election, in one consistent query (the cases share one partition). A stored case that no
   * longer reads (written by an older version, or damaged) is reported by id, never fatal, and how many there
   * are is recorded for the published list, which cannot see the cases themselves.
   */
  async listByElection(electionId: string): Promise<ElectionCases> {
    const { items, unreadable } = await queryPrefixReadable(
      this.#table,
      NominationCaseSchema,
      keys.casesOf(electionId),
    );
    await this.#unreadable.record(electionId, unreadable.length);
    return {
      cases: items,
      unreadable: unreadable.map(({ sk, fields }) => ({ caseId: keys.caseIdOf(sk), fields })),
    };
  }

  /**
   * Changes a case under optimistic locking: `change` sees the latest stored case and may throw a domain error
   * (an impossible transition, a step already decided) to stop. Returns the case as stored.
   */
  async update(
    electionId: string,
    caseId: string,
    change: (current: NominationCase) => NominationCase,
  ): Promise<NominationCase> {
    // The version the written change was made from: the last one loaded (a lost race loads again).
    let changedFrom: NominationCase | undefined;
    const updated = await updateOptimistically({
      load: async () => {
        changedFrom = await this.get(electionId, caseId);
        return changedFrom;
      },
      change,
      save: (next, expectedVersion, writeId) =>
        putIfVersion(
          this.#table,
          { ...keys.case(electionId, caseId), ...NominationCaseSchema.parse(next), [WRITE_ID]: writeId },
          expectedVersion,
        ),
      storedWriteId: () => storedWriteId(this.#table, keys.case(electionId, caseId)),
    });
    if (
      changedFrom !== undefined &&
      updated !== changedFrom &&
      isRegistered(changedFrom) !== isRegistered(updated)
    ) {
      await this.#published.sync(updated);
    }
    return updated;
  }
}
