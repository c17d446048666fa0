import type { Logger } from '@aws-lambda-powertools/logger';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { createHandler as createSweep } from '../../functions/publish-deadline-notices.ts';
import { createHandler as createStreamHandler } from '../../functions/publish-notices.ts';
import { inboxKeeps } from '../../shared/domain/inbox.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { NoticePublisher } from '../../shared/ports/notice-publisher.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { keys } from '../../shared/storage/keys.ts';
import { PublishedNotices } from '../../shared/storage/published-notices.ts';
import { WarningHours } from '../../shared/storage/warning-hours.ts';

/** Records handed to the publisher at once, as the stream's batch size on AWS (NoticeTopic). */
const BATCH = 25;
/** A failed batch is tried again after this long, as the stream would, and as many times (NoticeTopic). */
const RETRY_AFTER_MS = 1_000;
const RETRIES = 10;

/** The items whose changes publish notices: elections and cases (the stream's filter on AWS). */
function publishes(item: Record<string, unknown>): boolean {
  const { pk, sk } = item;
  if (typeof pk !== 'string' || typeof sk !== 'string') return false;
  return (
    (pk.startsWith('ELECTION#') && sk === 'ELECTION') || (pk.startsWith('CASES#') && sk.startsWith('CASE#'))
  );
}

/**
 * The local stand-in for the table's stream and the deadline sweep's schedule, around the same two handlers that
 * run on AWS (functions/publish-notices.ts, functions/publish-deadline-notices.ts) and the same marks: every
 * election or case the engine writes becomes a stream record (its new image; dynalite has no stream, and no old
 * image is kept, so each record is judged whole and the marks say what already went out), published in order
 * from a queue; the sweep runs when the engine's clock moves. One thing at a time, like a stream's shard.
 * Records not yet published when the process dies are lost to the queue, not to people: the engine's start-up
 * sweep of the open elections publishes what is owed (`publishOwed`).
 */
export class LocalNotices {
  readonly #queue: DynamoDBRecord[] = [];
  readonly #stream: ReturnType<typeof createStreamHandler>;
  readonly #sweep: ReturnType<typeof createSweep>;
  readonly #elections: ElectionRepository;
  readonly #cases: CaseRepository;
  readonly #logger: Pick<Logger, 'warn' | 'error'>;
  readonly #now: () => string;
  #chain: Promise<void> = Promise.resolve();
  #sequence = 0;
  #draining = false;

  /** Watches the writes through `watched`; reads and marks through `table`. */
  constructor(
    watched: Table,
    table: Table,
    options: { sink: NoticePublisher; clock: Clock; logger: Logger },
  ) {
    this.#elections = new ElectionRepository(table);
    this.#cases = new CaseRepository(table);
    this.#logger = options.logger;
    this.#now = () => options.clock.now();
    const publishing = {
      notices: options.sink,
      marks: new PublishedNotices(table),
      hours: new WarningHours(table),
      now: this.#now,
      logger: options.logger,
    };
    this.#stream = createStreamHandler({ ...publishing, elections: this.#elections });
    this.#sweep = createSweep({ ...publishing, elections: this.#elections, cases: this.#cases });
    // After the write succeeded (a refused conditional write throws, and publishes nothing), as a stream would.
    watched.db.middlewareStack.add(
      (next) => async (args) => {
        const answer = await next(args);
        const item = (args.input as { Item?: Record<string, unknown> }).Item;
        if (item !== undefined && publishes(item)) this.#enqueue(item);
        return answer;
      },
      { step: 'initialize', name: 'localNoticeStream' },
    );
  }

  /** Runs the deadline sweep at the engine's now (after the clock moved), after what is queued. */
  sweep(): Promise<void> {
    return this.#then(async () => {
      await this.#sweep();
    });
  }

  /** Publishes what every open election and case owes now: at start-up, for records a stopped process left unsent. */
  publishOwed(): Promise<void> {
    return this.#then(async () => {
      const { elections } = await this.#elections.listAll();
      const today = this.#now().slice(0, 10);
      // Elections out of the inbox's reach owe nothing any more.
      for (const election of elections.filter((e) => inboxKeeps(e, today))) {
        const cases = await this.#cases.readableOf(election.electionId);
        await this.#publish([
          this.#recordOf({ ...keys.election(election.electionId), ...election }),
          ...cases.map((c) => this.#recordOf({ ...keys.case(c.electionId, c.caseId), ...c })),
        ]);
      }
      await this.#sweep();
    });
  }

  /** Resolves once everything queued so far is published (or given up on for now). */
  async settled(): Promise<void> {
    while (this.#queue.length > 0 || this.#draining) await this.#chain;
  }

  #enqueue(item: Record<string, unknown>): void {
    this.#queue.push(this.#recordOf(item));
    if (this.#draining) return;
    this.#draining = true;
    void this.#then(async () => {
      try {
        for (let tries = 0; this.#queue.length > 0; ) {
          const batch = this.#queue.splice(0, BATCH);
          const left = await this.#publish(batch);
          tries = left.length === batch.length ? tries + 1 : 0;
          if (left.length === 0) continue;
          if (tries > RETRIES) {
            // Where AWS would put the record in the dead-letter queue: logged, and owed again at the next start.
            this.#logger.error('notices not published after the retries', { records: left.length });
            continue;
          }
          this.#queue.unshift(...left);
          await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
        }
      } finally {
        this.#draining = false;
      }
    });
  }

  /** Hands a batch to the stream handler; answers the records to try again (from the one it reported). */
  async #publish(batch: DynamoDBRecord[]): Promise<DynamoDBRecord[]> {
    if (batch.length === 0) return [];
    const { batchItemFailures } = await this.#stream({ Records: batch });
    const failed = batchItemFailures[0]?.itemIdentifier;
    if (failed === undefined) return [];
    return batch.slice(
      Math.max(
        0,
        batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed),
      ),
    );
  }

  /** A stream record of the item as stored (its keys in it), as DynamoDB Streams would hand it to Lambda. */
  #recordOf(item: Record<string, unknown>): DynamoDBRecord {
    this.#sequence += 1;
    const image = marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
    return {
      eventName: 'INSERT',
      dynamodb: {
        Keys: { pk: image.pk ?? { S: '' }, sk: image.sk ?? { S: '' } },
        SequenceNumber: String(this.#sequence).padStart(21, '0'),
        NewImage: image,
      },
    };
  }

  #then(work: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(work).catch((error: unknown) => {
      this.#logger.error('publishing notices failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    });
    this.#chain = run;
    return run;
  }
}
