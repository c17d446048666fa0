import { appendFile } from 'node:fs/promises';
import type { NoticePublication } from '../../shared/domain/notice-publication.ts';
import type { NoticePublisher, PublishOutcome } from '../../shared/ports/notice-publisher.ts';

/**
 * The local stand-in for the SNS topic: every notice published is one JSON line appended to a file in the data
 * folder (`notices.jsonl`, the user's alone like the rest of it), what an operator or a test reads to see what
 * would have been sent: `tail -f .data/notices.jsonl`. Like the topic, it holds no IIN, address or name.
 */
export class NoticeOutbox implements NoticePublisher {
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  async publish(notices: readonly NoticePublication[]): Promise<PublishOutcome> {
    if (notices.length === 0) return { published: [], refused: [], failed: [] };
    const lines = notices.map((n) => `${JSON.stringify(n)}\n`).join('');
    await appendFile(this.#file, lines, { mode: 0o600 });
    return { published: notices.map((n) => n.noticeId), refused: [], failed: [] };
  }
}
