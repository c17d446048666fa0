import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { z } from 'zod';
import { SnsNoticePublisher } from '../shared/aws/sns-notice-publisher.ts';
import { ElectionNoticeSchema } from '../shared/domain/election.ts';
import {
  caseEventPublication,
  electionNoticePublication,
  type NoticePublication,
  PublishedCaseEventSchema,
} from '../shared/domain/notice-publication.ts';
import { fixedOffsetZone } from '../shared/domain/time-zones.ts';
import { type NoticePublisher, NoticeRefusedError } from '../shared/ports/notice-publisher.ts';

/** What an election item's image tells of its notices; the rest of the election is not read. */
const ElectionNoticesSchema = z.looseObject({
  electionId: z.string(),
  rules: z.looseObject({
    timeZone: z.string().nullable().optional(),
    utcOffsetMinutes: z.number().nullable().optional(),
  }),
  notices: z.array(ElectionNoticeSchema),
});

const image = (value: Record<string, AttributeValue> | undefined) =>
  value === undefined ? undefined : unmarshall(value as Parameters<typeof unmarshall>[0]);

/**
 * What one change of the table publishes: an election's notices added by it (notices are only ever appended),
 * or a case's new trail event. Any other item publishes nothing. An image that does not read publishes nothing
 * and is logged by its key, never by its content.
 */
export function publicationsOf(record: DynamoDBRecord, logger: Pick<Logger, 'warn'>): NoticePublication[] {
  const sk = record.dynamodb?.Keys?.sk?.S ?? '';
  const after = image(record.dynamodb?.NewImage);
  if (after === undefined) return [];
  if (sk === 'ELECTION') {
    const now = ElectionNoticesSchema.safeParse(after);
    if (!now.success) {
      logger.warn('election image unreadable: no notice published', { pk: record.dynamodb?.Keys?.pk?.S });
      return [];
    }
    const before = ElectionNoticesSchema.safeParse(image(record.dynamodb?.OldImage));
    const known = before.success ? before.data.notices.length : 0;
    const { rules } = now.data;
    const timeZone =
      rules.timeZone ??
      (typeof rules.utcOffsetMinutes === 'number' ? fixedOffsetZone(rules.utcOffsetMinutes) : 'UTC');
    return now.data.notices
      .slice(known)
      .map((notice) => electionNoticePublication({ electionId: now.data.electionId, timeZone }, notice));
  }
  if (sk.startsWith('EVENT#') && record.eventName === 'INSERT') {
    const event = PublishedCaseEventSchema.safeParse(after);
    if (!event.success) {
      logger.warn('trail event unreadable: no notice published', { pk: record.dynamodb?.Keys?.pk?.S });
      return [];
    }
    return [caseEventPublication(event.data)];
  }
  return [];
}

/**
 * The table's stream → the notice topic. A notice the topic refuses as it is is logged by name and passed over
 * (retrying cannot help, and it must not hold up the notices after it); any other failure reports its record,
 * and Lambda retries from there (records before it are done). Publishing never touches a case or an election:
 * whatever fails here fails here. Retries may publish a notice twice: SNS delivers at least once anyway.
 */
export function createHandler(deps: { readonly notices: NoticePublisher; readonly logger: Logger }) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      try {
        for (const notice of publicationsOf(record, deps.logger)) {
          try {
            await deps.notices.publish(notice);
          } catch (error) {
            if (!(error instanceof NoticeRefusedError)) throw error;
            deps.logger.error('notice refused by the topic', {
              reason: error.reason,
              code: notice.attributes.code,
              electionId: notice.attributes.electionId,
            });
          }
        }
      } catch (error) {
        deps.logger.warn('publishing failed; the stream retries from this record', {
          error: error instanceof Error ? error.name : 'unknown',
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

// Its own logger: the product's Lambda dependencies (table, Step Functions, S3…) are none of this function's.
const lambdaLogger = new Logger({ serviceName: 'akim-nominations' });
let handle: ReturnType<typeof createHandler> | undefined;

/** The Lambda entry: the topic is named by NOTICE_TOPIC_ARN (set by the CDK stack). */
export const handler = middy(async (event: DynamoDBStreamEvent) => {
  handle ??= createHandler({
    notices: new SnsNoticePublisher(new SNSClient({}), z.string().min(1).parse(process.env.NOTICE_TOPIC_ARN)),
    logger: lambdaLogger,
  });
  return handle(event);
}).use(injectLambdaContext(lambdaLogger, { resetKeys: true }));
