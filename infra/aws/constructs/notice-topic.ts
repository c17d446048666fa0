import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Alias } from 'aws-cdk-lib/aws-kms';
import {
  type CfnFunction,
  FilterCriteria,
  FilterRule,
  StartingPosition,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic as IAlarmTopic } from 'aws-cdk-lib/aws-sns';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEADLINE_SWEEP_EVERY_MINUTES } from '../../../shared/domain/inbox.ts';
import { addDeadLetterQueue } from '../dead-letter-queue.ts';
import type { FunctionNeeds } from '../function-catalogue.ts';
import { tableAccess } from '../function-permissions.ts';
import { tracesNoticeStream } from '../observability.ts';
import { ProductFunction, type ProductFunctionProps } from './product-function.ts';

export interface NoticeTopicProps {
  /** The product's table, with a stream of new and old images. */
  readonly table: TableV2;
  readonly environment: Readonly<Record<string, string>>;
  /** Where an alarm goes when notices could not be published. */
  readonly alarms: IAlarmTopic;
}

/**
 * The table as each publisher needs it: the stream's reads the elections (a case's deadlines and zone) and keeps
 * the index of warning hours; the sweep reads that index, and the elections and cases it names; both read and
 * write the marks of what went out.
 */
const streamNeeds: FunctionNeeds = {
  reads: ['election', 'noticesPublished'],
  writes: ['noticesPublished', 'noticeHours'],
};
const sweepNeeds: FunctionNeeds = {
  reads: ['noticeHours', 'election', 'cases', 'noticesPublished'],
  writes: ['noticeHours', 'noticesPublished'],
};

/**
 * Notices reach people: every notice the inbox shows is also published, once, to an SNS topic that operators
 * subscribe e-mail or SMS to, filtering on `district`, `to`, `kind`, `code` (and `electionId`, `caseId`,
 * `partyId`). What a change of an election or a case adds comes from the table's stream, so a notice goes out
 * once its record is stored, whoever stored it, and a failure to publish never fails the step that made it; the
 * warnings of a near deadline, which no write marks, come from a sweep every DEADLINE_SWEEP_EVERY_MINUTES.
 * What still fails after the retries goes to a dead-letter queue that alarms.
 */
export class NoticeTopic extends Construct {
  readonly topic: Topic;
  readonly publisher: ProductFunction;
  readonly sweep: ProductFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: NoticeTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'akim-nominations notices',
      enforceSSL: true,
      // SNS's own key: e-mail and SMS subscriptions need no grant on it.
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    this.deadLetters = addDeadLetterQueue(this, 'DeadLetters', 'the notice stream and the deadline sweep');
    const environment = { ...props.environment, NOTICE_TOPIC_ARN: this.topic.topicArn };

    this.publisher = this.#publisherFunction(
      'PublishNotices',
      'publish-notices',
      streamNeeds,
      props.table,
      environment,
      { tracing: tracesNoticeStream ? Tracing.ACTIVE : Tracing.PASS_THROUGH },
    );
    this.publisher.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetters),
        // Only elections and cases, written or changed; nothing else of the table reaches the function.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { Keys: { sk: { S: FilterRule.isEqual('ELECTION') } } },
          }),
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { Keys: { sk: { S: FilterRule.beginsWith('CASE#') } } },
          }),
        ],
      }),
    );

    this.sweep = this.#publisherFunction(
      'PublishDeadlineNotices',
      'publish-deadline-notices',
      sweepNeeds,
      props.table,
      environment,
      { timeout: Duration.minutes(5) },
    );
    // One run at a time: two runs at once could both send the same warnings (functions/support/publish-once.ts).
    (this.sweep.function.node.defaultChild as CfnFunction).reservedConcurrentExecutions = 1;
    new Rule(this, 'SweepSchedule', {
      description: 'Publishes the warnings of deadlines less than 48 hours away',
      schedule: Schedule.rate(Duration.minutes(DEADLINE_SWEEP_EVERY_MINUTES)),
      targets: [
        new LambdaFunction(this.sweep.function, {
          deadLetterQueue: this.deadLetters,
          retryAttempts: 2,
          maxEventAge: Duration.minutes(DEADLINE_SWEEP_EVERY_MINUTES),
        }),
      ],
    });

    new Alarm(this, 'NoticesNotPublished', {
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Notices could not be published after the retries: see the dead-letter queue',
    }).addAlarmAction(new SnsAction(props.alarms));
  }

  /** A function that publishes to the topic, granted its families of the table and nothing else of it. */
  #publisherFunction(
    name: string,
    file: string,
    needs: FunctionNeeds,
    table: TableV2,
    environment: Record<string, string>,
    options: Pick<ProductFunctionProps, 'timeout' | 'tracing'> = {},
  ): ProductFunction {
    const product = new ProductFunction(this, name, { file, environment, ...options });
    this.topic.grantPublish(product.function);
    for (const statement of tableAccess({ name, file, handler: 'handler', needs }, table)) {
      product.function.addToRolePolicy(statement);
    }
    Validations.of(product).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray, and for the stream’s publisher dynamodb:ListStreams: no resource-level permissions; the stream itself is named',
    });
    return product;
  }
}
