import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { NotFoundError } from '../shared/domain/errors.ts';
import { caseNoticesOf, dueAtWarningHour, warningHourOf } from '../shared/domain/inbox.ts';
import { type NoticePublication, noticePublication } from '../shared/domain/notice-publication.ts';
import type { CaseRepository } from '../shared/storage/case-repository.ts';
import type { ElectionRepository } from '../shared/storage/election-repository.ts';
import type { WarningHours } from '../shared/storage/warning-hours.ts';
import { noticePublishingHandler } from './support/notice-publishing.ts';
import { type PublishingDependencies, publishOnce } from './support/publish-once.ts';

export interface SweepDependencies extends PublishingDependencies {
  readonly hours: WarningHours;
  readonly elections: Pick<ElectionRepository, 'get'>;
  readonly cases: Pick<CaseRepository, 'readableOf'>;
}

/**
 * Why a sweep, every DEADLINE_SWEEP_EVERY_MINUTES. DEADLINE_NEAR is time-driven: no write happens 48 hours
 * before a deadline, so no stream carries the warning of a case already waiting then. Each run publishes the
 * warnings whose hour fell since the last run that succeeded (`sweptTo`), so a failed run leaves its hours to
 * the next and none is missed; a wake-up armed per deadline would need arming again wherever a deadline moves,
 * and one lost would lose its warnings. It is cheap: the elections owing a warning come from one small index
 * (`WarningHours`, kept by the stream's publisher from each election's calendar), and only those elections and
 * their cases are read, once for each hour that fell. A case that begins to wait inside the 48 hours is warned
 * by that change, through the stream; the sweep takes only warnings due at their hour (`dueAtWarningHour`).
 * Both can send one warning only when the stream lags across its hour: a notice twice, never none.
 *
 * The sweep runs one at a time (on AWS its function may run once at a time; locally the engine awaits each run).
 */
export function createHandler(deps: SweepDependencies) {
  return async (): Promise<{ published: number }> => {
    const now = deps.now();
    // The first run looks back 48 hours: a warning whose hour fell in them may still be owed.
    const after = (await deps.hours.sweptTo()) ?? warningHourOf(now);
    const publications: NoticePublication[] = [];
    for (const electionId of await deps.hours.electionsDue(after, now)) {
      const election = await deps.elections.get(electionId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (election === null) continue;
      const zone = timeZoneOf(election.rules);
      for (const c of await deps.cases.readableOf(electionId)) {
        for (const notice of caseNoticesOf(election, c, now)) {
          if (dueAtWarningHour(notice) && after < notice.at)
            publications.push(noticePublication(notice, zone));
        }
      }
    }
    const published = await publishOnce(deps, publications);
    await deps.hours.markSwept(now);
    return { published: published.length };
  };
}

/** The Lambda entry, run by a schedule every DEADLINE_SWEEP_EVERY_MINUTES (NoticeTopic). */
export const handler = noticePublishingHandler((deps) => createHandler(deps));
