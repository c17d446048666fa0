import { Duration, type Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Workflow } from './constructs/workflow.ts';

export interface AlarmsProps {
  /** The state machines by the name their alarms carry. */
  readonly workflows: Readonly<Record<'NominationCase' | 'ElectionCalendar' | 'BulkJob', Workflow>>;
  readonly api: HttpApi;
  /** Where a schedule's target that failed after its retries lands. */
  readonly scheduleDeadLetters: Queue;
}

/**
 * The product's alarms, each to one SNS topic operators subscribe to: failed or timed-out executions of each
 * state machine, the API's server errors, and anything in the schedules' dead-letter queue. Made in the stack's
 * own scope: their logical ids are those of stacks already deployed.
 */
export function addAlarms(stack: Stack, props: AlarmsProps): Topic {
  const topic = new Topic(stack, 'Alarms', { enforceSSL: true });
  Validations.of(topic).acknowledge({
    id: 'AwsSolutions-SNS2',
    reason:
      'Alarm notifications carry no personal data, and CloudWatch cannot publish to a topic under the AWS managed key',
  });
  const alarm = (id: string, metric: Alarm['metric'], description: string) => {
    new Alarm(stack, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    }).addAlarmAction(new SnsAction(topic));
  };
  const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
  for (const [name, workflow] of Object.entries(props.workflows)) {
    alarm(
      `${name}ExecutionsFailed`,
      workflow.stateMachine.metricFailed(fiveMinutes),
      `${name} executions failed`,
    );
    alarm(
      `${name}ExecutionsTimedOut`,
      workflow.stateMachine.metricTimedOut(fiveMinutes),
      `${name} executions timed out`,
    );
  }
  alarm('Api5xx', props.api.metricServerError(fiveMinutes), 'The API answered with server errors');
  alarm(
    'ScheduleDeadLettersWaiting',
    props.scheduleDeadLetters.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    'A wake-up or a reconciler run failed after its retries: see the dead-letter queue',
  );
  return topic;
}
