import type { Logger } from '@aws-lambda-powertools/logger';
import type { NoticePublication } from '../../shared/domain/notice-publication.ts';
import type { NoticePublisher } from '../../shared/ports/notice-publisher.ts';
import type { PublishedNotices } from '../../shared/storage/published-notices.ts';

/** What publishing needs: where notices go, the marks of those gone, the clock for the mark, a logger. */
export interface PublishingDependencies {
  readonly notices: NoticePublisher;
  readonly marks: PublishedNotices;
  readonly now: () => string;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
}

/** Some notices were not taken this time (throttled past the retries, the service down): try again later. */
export class NoticesNotPublishedError extends Error {
  override readonly name = 'NoticesNotPublishedError';
  readonly noticeIds: readonly string[];
  constructor(noticeIds: readonly string[]) {
    super(`${noticeIds.length} notices not published`);
    this.noticeIds = noticeIds;
  }
}

/**
 * Publish, then mark: each notice without a mark is published, and those published are marked. A notice is
 * therefore never lost (a crash before its mark leaves it unmarked, so the retry publishes it again), and sent
 * twice only in that crash's window or when two publishers derive it at once: the table's stream hands one
 * case's or election's changes to one invocation at a time, in order, the deadline sweep runs one at a time, and
 * they meet on a warning only when the stream lags across its hour. A notice the service refuses as it is is
 * logged by id and code, and passed over. Throws NoticesNotPublishedError, after marking what went out, when
 * some did not go out.
 */
export async function publishOnce(
  deps: PublishingDependencies,
  publications: readonly NoticePublication[],
): Promise<string[]> {
  const unique = [...new Map(publications.map((p) => [p.noticeId, p])).values()];
  const marked = await deps.marks.marked(unique.map(refOf));
  const pending = unique.filter((p) => !marked.has(p.noticeId));
  if (pending.length === 0) return [];
  const outcome = await deps.notices.publish(pending);
  const byId = new Map(pending.map((p) => [p.noticeId, p]));
  const published = outcome.published.flatMap((id) => {
    const p = byId.get(id);
    return p === undefined ? [] : [refOf(p)];
  });
  await deps.marks.mark(published, deps.now());
  for (const refused of outcome.refused) {
    deps.logger.error('notice refused by the topic', {
      reason: refused.reason,
      noticeId: refused.noticeId,
      code: byId.get(refused.noticeId)?.attributes.code,
    });
  }
  if (outcome.failed.length > 0) {
    deps.logger.warn('notices not published this time', {
      reasons: [...new Set(outcome.failed.map((f) => f.reason))],
      count: outcome.failed.length,
    });
    throw new NoticesNotPublishedError(outcome.failed.map((f) => f.noticeId));
  }
  return published.map((p) => p.noticeId);
}

function refOf(p: NoticePublication) {
  return { electionId: p.attributes.electionId, noticeId: p.noticeId };
}
