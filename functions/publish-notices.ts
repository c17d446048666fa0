import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type Election, ElectionSchema } from '../shared/domain/election.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import {
  caseNoticesOf,
  type DerivedNotice,
  electionNoticesOf,
  warningHoursOf,
} from '../shared/domain/inbox.ts';
import { NominationCaseSchema } from '../shared/domain/nomination-case.ts';
import { type NoticePublication, noticePublication } from '../shared/domain/notice-publication.ts';
import type { ElectionRepository } from '../shared/storage/election-repository.ts';
import { readItem } from '../shared/storage/item-codec.ts';
import type { WarningHours } from '../shared/storage/warning-hours.ts';
import { noticePublishingHandler } from './support/notice-publishing.ts';
import {
  NoticesNotPublishedError,
  type PublishingDependencies,
  publishOnce,
} from './support/publish-once.ts';

export interface StreamDependencies extends PublishingDependencies {
  readonly elections: Pick<ElectionRepository, 'get'>;
  /** The deadline sweep's index, kept here from each election's calendar as it changes. */
  readonly hours: Pick<WarningHours, 'record'>;
}

type Image = Record<string, unknown>;

const imageOf = (value: Record<string, AttributeValue> | undefined): Image | undefined =>
  value === undefined ? undefined : unmarshall(value as Parameters<typeof unmarshall>[0]);

/** Notices of `after` that `before` did not already derive: what this change adds. */
function added(after: readonly DerivedNotice[], before: readonly DerivedNotice[]): DerivedNotice[] {
  const known = new Set(before.map((n) => n.id));
  return after.filter((n) => !known.has(n.id));
}

/**
 * What one change of the table adds to be published: an election's new notices, or the notices a case's new
 * state derives that its old state did not (waiting for someone, signatures short, decided, and a near
 * deadline's warning when the case began to wait inside its last 48 hours). A case already waiting when the
 * warning's hour comes is warned by the deadline sweep (publish-deadline-notices.ts). An election's change also
 * keeps the sweep's index of warning hours. An image that does not read publishes nothing and is logged by its
 * key, never by its content.
 */
export async function publicationsOf(
  record: DynamoDBRecord,
  deps: Pick<StreamDependencies, 'elections' | 'hours' | 'logger'>,
  now: string,
  elections: Map<string, Promise<Election | null>> = new Map(),
): Promise<NoticePublication[]> {
  const sk = record.dynamodb?.Keys?.sk?.S ?? '';
  const pk = record.dynamodb?.Keys?.pk?.S;
  const after = imageOf(record.dynamodb?.NewImage);
  if (after === undefined || record.eventName === 'REMOVE') return [];
  const before = imageOf(record.dynamodb?.OldImage);
  if (sk === 'ELECTION') {
    const stored = readItem(ElectionSchema, after);
    if (!stored.ok) {
      deps.logger.warn('election image unreadable: no notice published', { pk });
      return [];
    }
    const was = before === undefined ? null : readItem(ElectionSchema, before);
    const hours = warningHoursOf(stored.value);
    if (!was?.ok || hours.join() !== warningHoursOf(was.value).join()) {
      await deps.hours.record(stored.value.electionId, hours);
    }
    const fresh = added(electionNoticesOf(stored.value), was?.ok ? electionNoticesOf(was.value) : []);
    const zone = timeZoneOf(stored.value.rules);
    return fresh.map((notice) => noticePublication(notice, zone));
  }
  if (sk.startsWith('CASE#')) {
    const c = readItem(NominationCaseSchema, after);
    if (!c.ok) {
      deps.logger.warn('case image unreadable: no notice published', { pk, sk });
      return [];
    }
    const electionId = c.value.electionId;
    if (!elections.has(electionId)) {
      elections.set(
        electionId,
        deps.elections.get(electionId).catch((error: unknown) => {
          if (error instanceof Error && error.name === 'NotFoundError') return null;
          throw error;
        }),
      );
    }
    const election = await elections.get(electionId);
    if (election === null || election === undefined) {
      deps.logger.warn('case of an election not found: no notice published', { pk, sk });
      return [];
    }
    const was = before === undefined ? null : readItem(NominationCaseSchema, before);
    const fresh = added(
      caseNoticesOf(election, c.value, now),
      was?.ok ? caseNoticesOf(election, was.value, now) : [],
    );
    const zone = timeZoneOf(election.rules);
    return fresh.map((notice) => noticePublication(notice, zone));
  }
  return [];
}

/**
 * The table's stream → the notice topic, a batch at a time: what every change adds, published once
 * (publishOnce). The stream retries from the first record reported: the first whose notices did not all go out,
 * or the first that could not be read (its election not readable now), whichever comes first; what went out is
 * marked, and not sent again. Publishing never touches a case or an election: whatever fails here fails here.
 */
export function createHandler(deps: StreamDependencies) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const now = deps.now();
    const elections = new Map<string, Promise<Election | null>>();
    const read: { record: DynamoDBRecord; publications: NoticePublication[] }[] = [];
    let unread: DynamoDBRecord | undefined;
    for (const record of event.Records) {
      try {
        read.push({ record, publications: await publicationsOf(record, deps, now, elections) });
      } catch (error) {
        deps.logger.warn('reading for notices failed; the stream retries from this record', {
          error: error instanceof Error ? error.name : 'unknown',
        });
        unread = record;
        break;
      }
    }
    try {
      await publishOnce(
        deps,
        read.flatMap((r) => r.publications),
      );
    } catch (error) {
      const failed = error instanceof NoticesNotPublishedError ? new Set(error.noticeIds) : null;
      if (failed === null) {
        deps.logger.warn('publishing failed; the stream retries the batch', {
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
      const first =
        read.find((r) => failed !== null && r.publications.some((p) => failed.has(p.noticeId))) ?? read[0];
      if (first !== undefined) return { batchItemFailures: [itemOf(first.record)] };
    }
    return { batchItemFailures: unread === undefined ? [] : [itemOf(unread)] };
  };
}

const itemOf = (record: DynamoDBRecord) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });

/** The Lambda entry: the topic is named by NOTICE_TOPIC_ARN, the table by TABLE_NAME (set by the CDK stack). */
export const handler = noticePublishingHandler((deps) => createHandler(deps));
