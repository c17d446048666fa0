import { getAll, putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { keys } from './keys.ts';

/** A notice as the marks know it: its election (the partition) and its id. */
export interface NoticeRef {
  readonly electionId: string;
  readonly noticeId: string;
}

/** Marks outlive the inbox's reach (60 days after election day), after which no notice of the election is derived. */
const MARK_KEPT_DAYS_AFTER_ELECTION = 90;

/** The table's time-to-live attribute (epoch seconds), shared with the idempotency records. */
const EXPIRATION = 'expiration';

function expirationOf(electionId: string): number {
  const day = Date.parse(`${electionId.slice(-10)}T00:00:00Z`);
  const base = Number.isNaN(day) ? Date.now() : day;
  return Math.floor(base / 1000) + MARK_KEPT_DAYS_AFTER_ELECTION * 86_400;
}

/**
 * Which notices went out beyond the desk: one small item per notice id, written after it was published. A
 * notice is published only while it has no mark, so a retried batch publishes nothing twice; a crash between
 * publishing and marking leaves it unmarked, and the retry publishes it again rather than lose it.
 */
export class PublishedNotices {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** The ids among `notices` that carry a mark (one batch read per 100). */
  async marked(notices: readonly NoticeRef[]): Promise<Set<string>> {
    if (notices.length === 0) return new Set();
    const items = await getAll(
      this.#table,
      notices.map((n) => keys.noticePublished(n.electionId, n.noticeId)),
      'sk',
    );
    return new Set(items.map((item) => String(item.sk)));
  }

  /**
   * Marks the notices published at `at`. A plain put: marking twice (a retry after a lost answer) writes the
   * same mark again, and nothing reads the instant but people.
   */
  async mark(notices: readonly NoticeRef[], at: string): Promise<void> {
    await putAll(
      this.#table,
      notices.map((n) => ({
        ...keys.noticePublished(n.electionId, n.noticeId),
        publishedAt: at,
        [EXPIRATION]: expirationOf(n.electionId),
      })),
    );
  }
}
