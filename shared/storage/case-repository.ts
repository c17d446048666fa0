import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type CaseStatus, isLive } from '../domain/case-lifecycle.ts';
import { recordDigest } from '../domain/case-substance.ts';
import {
  chainEvent,
  linkTo,
  type TrailEvent,
  type TrailLink,
  TrailLinkSchema,
} from '../domain/case-trail.ts';
import {
  CandidateAlreadyNominatedError,
  ConcurrentUpdateError,
  NotFoundError,
  RecordUnreadableError,
} from '../domain/errors.ts';
import type { Instant } from '../domain/local-date.ts';
import { slotTakenError } from '../domain/nomination.ts';
import {
  type NominationCase,
  NominationCaseSchema,
  type WaitingFor,
  WaitingForSchema,
} from '../domain/nomination-case.ts';
import { getAll } from './batch.ts';
import { CaseTrailStore, type StoredTrail } from './case-trail-store.ts';
import { createOnce, putIfVersion, storedWriteId, WRITE_ID } from './conditional-put.ts';
import type { Table } from './document-client.ts';
import { isConditionFailure, readItem } from './item-codec.ts';
import { keys } from './keys.ts';
import { NominationRoll, type RollClaim } from './nomination-roll.ts';
import { type CaseRef, type CaseRefPage, type Nominator, NomineeIndex } from './nominee-index.ts';
import { updateOptimistically } from './optimistic-update.ts';
import { PublishedList, publicStanding } from './published-list.ts';
import { queryPrefixReadable, type ReadConsistency } from './query-all.ts';
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

/** The attribute of a case item naming the last committed event of its trail. */
const TRAIL_HEAD = 'trailHead';

/** A case as stored, with the head of its trail. */
export interface CaseWithHead {
  readonly nominationCase: NominationCase;
  readonly head: TrailLink;
}

/**
 * Nomination cases: filed once per candidate, changed only under optimistic locking. A change of what the public
 * list shows of a case (registered, refused, cancelled, or none of these) is carried to the published list right
 * after the case is written.
 *
 * No transition without its trail entry: a change that brings a new entry first stores it as an event chained
 * after the case's head, then writes the case naming that event as its new head, on condition of the version.
 * Both are single-item writes; the case write is the commit, and an event it does not name never happened.
 */
export class CaseRepository {
  readonly #table: Table;
  readonly #roll: NominationRoll;
  readonly #published: PublishedList;
  readonly #unreadable: UnreadableCases;
  readonly #trail: CaseTrailStore;
  readonly #orphanAfterMs: number;
  readonly #nominees: NomineeIndex;
  /**
   * The trail head of each case object this repository read or wrote: a caller that has just read a case hands
   * it back to `update` as `seen`, and the first attempt writes on it without reading it again.
   */
  readonly #heads = new WeakMap<NominationCase, TrailLink>();

  constructor(table: Table, options: CaseRepositoryOptions = {}) {
    this.#table = table;
    this.#roll = new NominationRoll(table);
    this.#published = new PublishedList(table);
    this.#unreadable = new UnreadableCases(table);
    this.#trail = new CaseTrailStore(table);
    this.#nominees = new NomineeIndex(table);
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

  /**
   * A slot is free when its holder left the race, or never came to be, and no request may still be bringing it
   * in: a claim is respected for the orphan lease while its case is not there yet (a filing) or not live yet (a
   * reinstatement). The takeover is conditional on the very claim judged here.
   */
  async #takeOverSlotIfFree(
    electionId: string,
    slot: string,
    held: RollClaim,
    claim: RollClaim,
    now: Instant,
  ): Promise<void> {
    const holder = await this.find(electionId, held.caseId);
    const holderStillLive = holder !== null && holder.slot === slot && isLive(holder.status);
    const withinLease = Date.parse(now) - Date.parse(held.at) < this.#orphanAfterMs;
    const claimMayBeInFlight = withinLease && (holder === null || held.reinstating === true);
    if (holderStillLive || claimMayBeInFlight) throw slotTakenError(slot, held.caseId);
    await this.#roll.takeOverSlot(electionId, slot, held, claim);
  }

  async #write(nominationCase: NominationCase): Promise<NominationCase> {
    const key = keys.case(nominationCase.electionId, nominationCase.caseId);
    const writeId = randomUUID();
    const stored = NominationCaseSchema.parse(nominationCase);
    const filed = chainEvent(stored, stored.lastEntry, writeId, null, recordDigest(stored));
    await this.#trail.append(filed);
    // Written only as reads will take it: a record no read accepts would stop its whole election.
    const item = { ...stored, [TRAIL_HEAD]: linkTo(filed) };
    // Before the case: an index item whose case never came to be is passed over when read.
    await this.#nominees.record(stored);
    if (await createOnce(this.#table, key, item, writeId)) return nominationCase;
    await this.#trail.discard(filed);
    // Another request resumed the same claim and wrote the case first.
    throw new CandidateAlreadyNominatedError(nominationCase.caseId);
  }

  /**
   * Claims the case's nominator slot again before a reinstatement brings it back into the race: free, or held by
   * a case no longer live, it is the case's again; held by a live nominee of the same nominator (filed after the
   * refusal), or by a filing that may still be writing its case, the reinstatement is refused as that filing
   * would have been, and nothing is written.
   *
   * Why one live nominee per nominator holds with the two single-item writes of each side (claim on the roll,
   * then the case), without transactions: the roll names one case per slot at a time, and a case is written
   * live only by the request that holds the slot's claim. This claim is marked `reinstating`, so a filing that
   * meets it while the case is still refused or cancelled takes it for one in flight (PARTY_NOMINEE_EXISTS)
   * until the orphan lease ends, longer than any request runs: by then the reinstatement has written its case
   * (live: respected for good) or died (its claim is an orphan, and the takeover, conditional on that very
   * claim, cannot undo a renewed one). A filing that claimed first is met here the same way (live, or within
   * its lease). A crash between the claim and the case write leaves only a claim that the lease frees.
   */
  async reclaimSlot(nominationCase: NominationCase, now: Instant): Promise<void> {
    const { electionId, slot, caseId } = nominationCase;
    if (slot === null) return;
    const claim: RollClaim = { caseId, at: now, reinstating: true };
    const candidateKey = nominationCase.filing.candidate.iin;
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round += 1) {
      if (await this.#roll.claim(electionId, candidateKey, slot, claim)) return;
      const held = (await this.#roll.read(electionId))?.slots[slot];
      if (held !== undefined && held.caseId !== caseId) {
        await this.#takeOverSlotIfFree(electionId, slot, held, claim, now);
      }
    }
    throw new ConcurrentUpdateError(nominationCase.version);
  }

  /** Frees the case's nominator slot once it has left the race (the roll ignores it until then anyway). */
  async releaseSlot(nominationCase: NominationCase): Promise<void> {
    if (nominationCase.slot === null || isLive(nominationCase.status)) return;
    await this.#roll.releaseSlot(nominationCase.electionId, nominationCase.slot, nominationCase.caseId);
  }

  async find(electionId: string, caseId: string): Promise<NominationCase | null> {
    return (await this.#read(electionId, caseId))?.nominationCase ?? null;
  }

  /** A case with the head of its trail, from one consistent read. */
  async #read(electionId: string, caseId: string): Promise<CaseWithHead | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.case(electionId, caseId),
        ConsistentRead: true,
      }),
    );
    if (Item === undefined) return null;
    return this.#fromItem(caseId, Item);
  }

  #fromItem(caseId: string, Item: Record<string, unknown>): CaseWithHead {
    const read = readItem(NominationCaseSchema, Item);
    if (!read.ok) throw new RecordUnreadableError('case', caseId, read.unreadable.fields);
    const head = TrailLinkSchema.safeParse(Item[TRAIL_HEAD]);
    if (!head.success) throw new RecordUnreadableError('case', caseId, [TRAIL_HEAD]);
    this.#heads.set(read.value, head.data);
    return { nominationCase: read.value, head: head.data };
  }

  /** A case, the head of its trail and the committed events, oldest first. */
  async withTrail(electionId: string, caseId: string): Promise<CaseWithHead & StoredTrail> {
    const found = await this.#read(electionId, caseId);
    if (found === null) throw new NotFoundError('case');
    return { ...found, ...(await this.#trail.read(caseId, found.head)) };
  }

  /** The committed events a given head reaches, oldest first: a later page of evidence walks from page 1's head. */
  async trailFrom(caseId: string, head: TrailLink): Promise<StoredTrail> {
    return this.#trail.read(caseId, head);
  }

  async get(electionId: string, caseId: string): Promise<NominationCase> {
    const found = await this.find(electionId, caseId);
    if (found === null) throw new NotFoundError('case');
    return found;
  }

  /**
   * The cases of an election that read, in one consistent query, for work that passes over the others (a
   * recount): without recording how many do not, which the listings that report them do.
   */
  async readableOf(electionId: string, consistency: ReadConsistency = {}): Promise<NominationCase[]> {
    return (
      await queryPrefixReadable(this.#table, NominationCaseSchema, keys.casesOf(electionId), consistency)
    ).items;
  }

  /**
   * One page of a party's nominees or a candidate's candidacies across elections (in `district` only, when
   * given), newest election first: each case as it now stands, read consistently. The cases come from a batch
   * read of what the nominee index names; one it names that was never written is passed over, and one that no
   * longer reads is passed over and reported by id, as `listByElection` does, so one damaged case never hides
   * the rest of a party's page.
   */
  async ofNominator(
    nominator: Nominator,
    options: { readonly district?: string; readonly after?: CaseRef; readonly limit: number },
  ): Promise<{
    readonly cases: NominationCase[];
    readonly unreadable: ElectionCases['unreadable'];
    readonly next: CaseRefPage['next'];
  }> {
    const { refs, next } = await this.#nominees.page(nominator, options);
    const items = await getAll(
      this.#table,
      refs.map((ref) => keys.case(ref.electionId, ref.caseId)),
    );
    const byKey = new Map(items.map((item) => [`${String(item.pk)}|${String(item.sk)}`, item]));
    const cases: NominationCase[] = [];
    const unreadable: { caseId: string; fields: readonly string[] }[] = [];
    for (const ref of refs) {
      const key = keys.case(ref.electionId, ref.caseId);
      const item = byKey.get(`${key.pk}|${key.sk}`);
      if (item === undefined) continue;
      const read = readItem(NominationCaseSchema, item);
      if (read.ok) cases.push(read.value);
      else unreadable.push({ caseId: ref.caseId, fields: read.unreadable.fields });
    }
    return { cases, unreadable, next };
  }

  /**
   * Every case of an election, in one consistent query (the cases share one partition). A stored case that no
   * longer reads (written by an older version, or damaged) is reported by id, never fatal, and how many there
   * are is recorded for the published list, which cannot see the cases themselves.
   */
  async listByElection(electionId: string, consistency: ReadConsistency = {}): Promise<ElectionCases> {
    const { items, unreadable } = await queryPrefixReadable(
      this.#table,
      NominationCaseSchema,
      keys.casesOf(electionId),
      consistency,
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
   *
   * `seen`, a case this repository has just returned (read or written), spares the first read: the write is
   * conditional on its version all the same, so a case changed since is read again and judged afresh.
   */
  async update(
    electionId: string,
    caseId: string,
    change: (current: NominationCase) => NominationCase,
    seen?: NominationCase,
  ): Promise<NominationCase> {
    const seenHead = seen === undefined ? undefined : this.#heads.get(seen);
    const usable = seen !== undefined && seenHead !== undefined && seen.caseId === caseId;
    // The version the written change was made from: the last one loaded (a lost race loads again).
    let changedFrom: CaseWithHead | undefined = usable ? { nominationCase: seen, head: seenHead } : undefined;
    const key = keys.case(electionId, caseId);
    const updated = await updateOptimistically({
      seen: usable ? seen : undefined,
      load: async () => {
        const found = await this.#read(electionId, caseId);
        if (found === null) throw new NotFoundError('case');
        changedFrom = found;
        return found.nominationCase;
      },
      change,
      save: async (next, expectedVersion, writeId) => {
        if (changedFrom === undefined) throw new Error('A change is saved only after its case was loaded');
        const event = this.#newEvent(changedFrom, next, writeId);
        if (event !== null) await this.#trail.append(event);
        const item = {
          ...key,
          ...NominationCaseSchema.parse(next),
          [TRAIL_HEAD]: event === null ? changedFrom.head : linkTo(event),
          [WRITE_ID]: writeId,
        };
        const written = await putIfVersion(this.#table, item, expectedVersion);
        // Whether it landed or its answer was lost (the mark then says so), this is the head of `next`.
        this.#heads.set(next, item[TRAIL_HEAD]);
        if (written) return true;
        if (event !== null && (await storedWriteId(this.#table, key)) !== writeId)
          await this.#trail.discard(event);
        return false;
      },
      storedWriteId: () => storedWriteId(this.#table, key),
    });
    const before = changedFrom?.nominationCase;
    if (before !== undefined && updated !== before && publicStanding(before) !== publicStanding(updated)) {
      await this.#published.sync(updated);
    }
    return updated;
  }

  /**
   * Stores the task token of the execution that waits on a case still in `status`, in one conditional write with
   * no read before it: the version moves on, so a decision that read the case before fails its own write, reads
   * it again and finds the token to signal. Null when the case is no longer in that status, or not there.
   * The token brings no trail entry, so the head stays; the case comes back as stored.
   */
  async storeWait(
    electionId: string,
    caseId: string,
    status: CaseStatus,
    waitingFor: WaitingFor,
  ): Promise<NominationCase | null> {
    try {
      const { Attributes } = await this.#table.db.send(
        new UpdateCommand({
          TableName: this.#table.name,
          Key: keys.case(electionId, caseId),
          UpdateExpression:
            'SET waitingFor = :waitingFor, sentSignal = :none, version = version + :one, #writeId = :writeId',
          ConditionExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status', '#writeId': WRITE_ID },
          ExpressionAttributeValues: {
            // Written only as reads will take it, like every write of the case.
            ':waitingFor': WaitingForSchema.parse(waitingFor),
            ':none': null,
            ':one': 1,
            ':writeId': randomUUID(),
            ':status': status,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      if (Attributes === undefined) throw new NotFoundError('case');
      return this.#fromItem(caseId, Attributes).nominationCase;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  /** The event a change brings to the trail, chained after the stored head; null when it brings none. */
  #newEvent(from: CaseWithHead, next: NominationCase, writeId: string): TrailEvent | null {
    const entry = next.lastEntry;
    if (entry.seq === from.head.seq) return null;
    if (entry.seq !== from.head.seq + 1) {
      throw new Error(`A change writes at most one trail entry (head ${from.head.seq}, entry ${entry.seq})`);
    }
    // The digest of the case as it will be read back: what a verifier recomputes from the record.
    return chainEvent(next, entry, writeId, from.head, recordDigest(NominationCaseSchema.parse(next)));
  }
}
