import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type TrailEvent, TrailEventSchema, type TrailLink } from '../domain/case-trail.ts';
import type { Table } from './document-client.ts';
import { keys } from './keys.ts';
import { queryPrefix } from './query-all.ts';

/** A case's trail as storage holds it: the events its head reaches, oldest first. */
export interface StoredTrail {
  readonly events: TrailEvent[];
  /** The link the walk from the head could not follow (an event missing from storage); null when whole. */
  readonly missing: TrailLink | null;
}

/**
 * The audit trail of each case, one item per event (`TRAIL#<caseId>`), so a case's history can grow without
 * its case item growing. An event is stored before the case write that names it as the head; an event no case
 * write names (its writer lost a race, or crashed in between) was never committed, and reading ignores it.
 */
export class CaseTrailStore {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** Stores an event before the case names it. An unconditional put: its key holds the write's own id. */
  async append(event: TrailEvent): Promise<void> {
    await this.#table.db.send(
      new PutCommand({
        TableName: this.#table.name,
        Item: { ...keys.trailEvent(event.caseId, event.seq, event.eventId), ...event },
      }),
    );
  }

  /** Removes an event whose case write lost its race (a crash leaves one behind, which reads ignore anyway). */
  async discard(event: TrailEvent): Promise<void> {
    await this.#table.db.send(
      new DeleteCommand({
        TableName: this.#table.name,
        Key: keys.trailEvent(event.caseId, event.seq, event.eventId),
      }),
    );
  }

  /**
   * The committed events of a case: from its head back along each event's link to the one before. Events are
   * returned as stored, hashes unchecked: proving them is the verifier's work, done where the reader trusts it.
   */
  async read(caseId: string, head: TrailLink): Promise<StoredTrail> {
    const stored = await queryPrefix(this.#table, TrailEventSchema, keys.trailOf(caseId));
    const byKey = new Map(stored.map((event) => [`${event.seq}#${event.eventId}`, event]));
    const events: TrailEvent[] = [];
    let link: TrailLink | null = head;
    while (link !== null) {
      const event = byKey.get(`${link.seq}#${link.eventId}`);
      if (event === undefined) return { events: events.reverse(), missing: link };
      events.push(event);
      // A link that does not step back would loop on a damaged item: the walk stops there.
      link = event.prev !== null && event.prev.seq < event.seq ? event.prev : null;
    }
    return { events: events.reverse(), missing: null };
  }
}
