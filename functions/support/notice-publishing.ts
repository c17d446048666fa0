import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import * as z from 'zod';
import { SnsNoticePublisher } from '../../shared/aws/sns-notice-publisher.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { PublishedNotices } from '../../shared/storage/published-notices.ts';
import { WarningHours } from '../../shared/storage/warning-hours.ts';

// Their own logger and clients: the product's other AWS dependencies (Step Functions, S3…) are none of theirs.
const lambdaLogger = new Logger({ serviceName: 'akim-nominations' });

/** What both notice publishers work with on AWS: the topic (NOTICE_TOPIC_ARN) and the table (TABLE_NAME). */
function publishingDependencies() {
  const table = { db: createDocumentClient({}), name: z.string().min(1).parse(process.env.TABLE_NAME) };
  return {
    notices: new SnsNoticePublisher(new SNSClient({}), z.string().min(1).parse(process.env.NOTICE_TOPIC_ARN)),
    marks: new PublishedNotices(table),
    hours: new WarningHours(table),
    elections: new ElectionRepository(table),
    cases: new CaseRepository(table),
    now: () => systemClock.now(),
    logger: lambdaLogger,
  };
}

/**
 * A notice publisher's Lambda entry: middy with the Powertools logger, around the handler the local engine runs
 * too, made once per container with the environment the CDK stack sets.
 */
export function noticePublishingHandler<E, R>(
  createHandler: (deps: ReturnType<typeof publishingDependencies>) => (event: E) => Promise<R>,
) {
  let handle: ((event: E) => Promise<R>) | undefined;
  return middy(async (event: E) => {
    handle ??= createHandler(publishingDependencies());
    return handle(event);
  }).use(injectLambdaContext(lambdaLogger, { resetKeys: true }));
}
