import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ITopic as IAlarmTopic } from 'aws-cdk-lib/aws-sns';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { addDeadLetterQueue } from '../dead-letter-queue.ts';
import { ProductFunction } from './product-function.ts';

export interface NoticeTopicProps {
  /** The product's table, with a stream of new and old images. */
  readonly table: TableV2;
  readonly environment: Readonly<Record<string, string>>;
  /** Where an alarm goes when notices could not be published. */
  readonly alarms: IAlarmTopic;
}

/**
 * Notices reach people: every notice the engine records (an election's, a case's trail event) is published to
 * an SNS topic that operators subscribe e-mail or SMS to, filtering by `district`, `to` or `code`. A function
 * reads the table's stream, so a notice is published once its record is stored, whoever stored it, and a
 * failure to publish never fails the step that made it; what fails after the stream's retries goes to a
 * dead-letter queue that alarms.
 */
export class NoticeTopic extends Construct {
  readonly topic: Topic;
  readonly publisher: ProductFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: NoticeTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'akim-nominations notices',
      enforceSSL: true,
      // SNS's own key: e-mail and SMS subscriptions need no grant on it.
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    this.deadLetters = addDeadLetterQueue(this, 'DeadLetters', 'the notice stream');
    this.publisher = new ProductFunction(this, 'PublishNotices', {
      file: 'publish-notices',
      environment: { ...props.environment, NOTICE_TOPIC_ARN: this.topic.topicArn },
    });
    const fn = this.publisher.function;
    this.topic.grantPublish(fn);
    fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.deadLetters),
        // Only elections (their notices) and new trail events; nothing else of the table reaches the function.
        filters: [
          FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: FilterRule.isEqual('ELECTION') } } } }),
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { sk: { S: FilterRule.beginsWith('EVENT#') } } },
          }),
        ],
      }),
    );
    new Alarm(this, 'NoticesNotPublished', {
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'Notices could not be published after the stream’s retries: see the dead-letter queue',
    }).addAlarmAction(new SnsAction(props.alarms));
    Validations.of(this.publisher).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray, and dynamodb:ListStreams, which has no resource-level permissions; the stream itself is named',
    });
  }
}
