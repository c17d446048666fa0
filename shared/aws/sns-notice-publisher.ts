import {
  type MessageAttributeValue,
  PublishBatchCommand,
  type PublishBatchRequestEntry,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { NoticePublication } from '../domain/notice-publication.ts';
import type { NoticePublisher, PublishOutcome } from '../ports/notice-publisher.ts';

/** SNS's limits on PublishBatch: 10 entries, 256 KiB together (attributes included), 10 attributes a message. */
export const SNS_BATCH_ENTRIES = 10;
export const SNS_BATCH_BYTES = 262_144;
export const SNS_MESSAGE_ATTRIBUTES = 10;

/** Throttling of SNS itself, or of KMS behind an encrypted topic: worth another try a moment later. */
const THROTTLED = /^(ThrottledException|Throttled|Throttling|KMSThrottlingException|KMSThrottling)$/;
/**
 * A whole request refused for what it carries (InvalidParameter, InvalidBatchEntryId, BatchRequestTooLong…): the
 * caller's fault, which no retry of the same request mends. Not so a refusal of the function itself (its role, the
 * topic or the key: AuthorizationError, NotFound, KMS…), which an operator mends and the stream's retry then gets
 * through.
 */
function requestRefusedForItsEntries(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { $fault?: string }).$fault !== 'client') return false;
  return !/Authoriz|AccessDenied|NotFound|KMS|Forbidden|Throttl/.test(error.name);
}

function attributesOf(notice: NoticePublication): Record<string, MessageAttributeValue> {
  const text = (value: string): MessageAttributeValue => ({ DataType: 'String', StringValue: value });
  const { attributes } = notice;
  return {
    noticeId: text(attributes.noticeId),
    electionId: text(attributes.electionId),
    district: text(attributes.district),
    kind: text(attributes.kind),
    code: text(attributes.code),
    to: { DataType: 'String.Array', StringValue: JSON.stringify(attributes.to) },
    ...(attributes.caseId === undefined ? {} : { caseId: text(attributes.caseId) }),
    ...(attributes.partyId === undefined ? {} : { partyId: text(attributes.partyId) }),
  };
}

/** What an entry weighs against the batch's 256 KiB: its message, subject, and each attribute's name, type and value. */
function bytesOf(entry: PublishBatchRequestEntry): number {
  const attributes = Object.entries(entry.MessageAttributes ?? {}).reduce(
    (sum, [name, value]) =>
      sum +
      Buffer.byteLength(name) +
      Buffer.byteLength(value.DataType ?? '') +
      Buffer.byteLength(value.StringValue ?? ''),
    0,
  );
  return Buffer.byteLength(entry.Message ?? '') + Buffer.byteLength(entry.Subject ?? '') + attributes;
}

/** The notices cut into batches SNS takes: at most 10 entries and 256 KiB each. */
export function batchesOf(notices: readonly NoticePublication[]): NoticePublication[][] {
  const batches: NoticePublication[][] = [];
  let batch: NoticePublication[] = [];
  let bytes = 0;
  for (const notice of notices) {
    const size = bytesOf(entryOf(notice, 'n0'));
    if (batch.length === SNS_BATCH_ENTRIES || (batch.length > 0 && bytes + size > SNS_BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(notice);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function entryOf(notice: NoticePublication, id: string): PublishBatchRequestEntry {
  return {
    Id: id,
    Subject: notice.subject,
    Message: notice.message,
    MessageAttributes: attributesOf(notice),
  };
}

export interface SnsNoticePublisherOptions {
  /** Tries after the first, for throttling the SDK does not retry itself (KMS's, and single entries'). @default 4 */
  readonly retries?: number;
  /** Waits between tries. @default a jittered exponential pause from 100 ms */
  readonly pause?: (attempt: number) => Promise<void>;
}

const jitteredPause = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** attempt));

/**
 * The NoticePublisher on AWS: PublishBatch to the topic, the attributes those a subscription filters on. Whole
 * requests the SDK retries itself (ThrottledException); what it does not (KMSThrottlingException, an entry
 * throttled alone) is tried again here with backoff, then reported failed for the caller to retry. An entry SNS
 * refuses as it is (its fault, `SenderFault`) is reported refused: retrying cannot help.
 */
export class SnsNoticePublisher implements NoticePublisher {
  readonly #client: SNSClient;
  readonly #topicArn: string;
  readonly #retries: number;
  readonly #pause: (attempt: number) => Promise<void>;

  constructor(client: SNSClient, topicArn: string, options: SnsNoticePublisherOptions = {}) {
    this.#client = client;
    this.#topicArn = topicArn;
    this.#retries = options.retries ?? 4;
    this.#pause = options.pause ?? jitteredPause;
  }

  async publish(notices: readonly NoticePublication[]): Promise<PublishOutcome> {
    const outcome = { published: [] as string[], refused: [] as Failure[], failed: [] as Failure[] };
    for (const batch of batchesOf(notices)) await this.#publishBatch(batch, outcome);
    return outcome;
  }

  async #publishBatch(batch: readonly NoticePublication[], outcome: Outcome): Promise<void> {
    let pending = [...batch];
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await this.#pause(attempt);
      const last = attempt >= this.#retries;
      // Entry ids are SNS's own (alphanumeric, unique in the request): the notice's place in this try.
      const byEntry = new Map(pending.map((notice, i) => [`n${i}`, notice]));
      let answer: { Successful?: { Id?: string }[]; Failed?: FailedEntry[] };
      try {
        answer = await this.#client.send(
          new PublishBatchCommand({
            TopicArn: this.#topicArn,
            PublishBatchRequestEntries: [...byEntry].map(([id, notice]) => entryOf(notice, id)),
          }),
        );
      } catch (error) {
        const name = error instanceof Error ? error.name : 'UnknownError';
        if (THROTTLED.test(name) && !last) continue;
        if (requestRefusedForItsEntries(error)) {
          // One notice SNS cannot take must not hold back the others: each is sent alone, and only the one at
          // fault is refused.
          if (pending.length > 1) {
            for (const notice of pending) await this.#publishBatch([notice], outcome);
          } else {
            outcome.refused.push(...pending.map((n) => ({ noticeId: n.noticeId, reason: name })));
          }
          return;
        }
        outcome.failed.push(...pending.map((n) => ({ noticeId: n.noticeId, reason: name })));
        return;
      }
      for (const done of answer.Successful ?? []) {
        const notice = byEntry.get(done.Id ?? '');
        if (notice !== undefined) outcome.published.push(notice.noticeId);
      }
      const again: NoticePublication[] = [];
      for (const failed of answer.Failed ?? []) {
        const notice = byEntry.get(failed.Id ?? '');
        if (notice === undefined) continue;
        const reason = failed.Code ?? 'UnknownError';
        if (failed.SenderFault === true) outcome.refused.push({ noticeId: notice.noticeId, reason });
        else if (THROTTLED.test(reason) && !last) again.push(notice);
        else outcome.failed.push({ noticeId: notice.noticeId, reason });
      }
      pending = again;
    }
  }
}

interface Failure {
  readonly noticeId: string;
  readonly reason: string;
}
interface Outcome {
  published: string[];
  refused: Failure[];
  failed: Failure[];
}
interface FailedEntry {
  readonly Id?: string;
  readonly Code?: string;
  readonly SenderFault?: boolean;
}
