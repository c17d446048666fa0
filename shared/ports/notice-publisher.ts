import type { NoticePublication } from '../domain/notice-publication.ts';

/**
 * Where notices go beyond the desk's inbox: on AWS an SNS topic that operators subscribe e-mail or SMS to
 * (shared/aws/sns-notice-publisher.ts), fed by the table's stream; locally nowhere but the inbox itself.
 * `publish` throws `NoticeRefusedError` for a notice the service will never take (retrying cannot help);
 * anything else it throws may pass on a retry.
 */
export interface NoticePublisher {
  publish(notice: NoticePublication): Promise<void>;
}

/** A notice the service refused as it is (too large, a bad attribute): logged by name, never retried. */
export class NoticeRefusedError extends Error {
  override readonly name = 'NoticeRefusedError';
  readonly reason: string;
  constructor(reason: string) {
    super(`notice refused: ${reason}`);
    this.reason = reason;
  }
}

/** Keeps what it is given: the publisher of tests, and of any engine that only wants to see what would go out. */
export class RecordedNotices implements NoticePublisher {
  readonly published: NoticePublication[] = [];

  async publish(notice: NoticePublication): Promise<void> {
    this.published.push(notice);
  }
}
