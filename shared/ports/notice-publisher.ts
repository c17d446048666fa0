import type { NoticePublication } from '../domain/notice-publication.ts';

/** What became of the notices handed to a publisher, by notice id. */
export interface PublishOutcome {
  /** Taken by the service: to be marked, never sent again. */
  readonly published: readonly string[];
  /** Refused as they are (too large, a bad attribute): retrying cannot help; logged by name and passed over. */
  readonly refused: readonly { readonly noticeId: string; readonly reason: string }[];
  /** Not taken this time (throttled past the retries, the service down): to be tried again. */
  readonly failed: readonly { readonly noticeId: string; readonly reason: string }[];
}

/**
 * Where notices go beyond the desk's inbox: on AWS an SNS topic that operators subscribe e-mail or SMS to
 * (shared/aws/sns-notice-publisher.ts); locally an outbox file in the data folder
 * (infra/local/notice-outbox.ts). Both are fed by the same publisher (functions/publish-notices.ts).
 */
export interface NoticePublisher {
  publish(notices: readonly NoticePublication[]): Promise<PublishOutcome>;
}

/** Keeps what it is given: the publisher of tests. */
export class RecordedNotices implements NoticePublisher {
  readonly published: NoticePublication[] = [];

  async publish(notices: readonly NoticePublication[]): Promise<PublishOutcome> {
    this.published.push(...notices);
    return { published: notices.map((n) => n.noticeId), refused: [], failed: [] };
  }
}
