import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RECONCILE_EVERY_MINUTES } from '../../../shared/domain/execution-repair.ts';

export interface ReconcileScheduleProps {
  readonly scheduleName: string;
  readonly reconcile: IFunction;
  /** Where a run that still fails after its retries goes. */
  readonly deadLetters: Queue;
}

/** The reconciler every RECONCILE_EVERY_MINUTES, on EventBridge Scheduler, under a role that may invoke it and nothing else. */
export class ReconcileSchedule extends Construct {
  constructor(scope: Construct, id: string, props: ReconcileScheduleProps) {
    super(scope, id);
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'EventBridge Scheduler runs the reconciler, nothing else',
    });
    role.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.reconcile.functionArn] }),
    );
    props.deadLetters.grantSendMessages(role);
    new CfnSchedule(this, 'Schedule', {
      name: props.scheduleName,
      scheduleExpression: `rate(${RECONCILE_EVERY_MINUTES} minutes)`,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: props.reconcile.functionArn,
        roleArn: role.roleArn,
        input: '{}',
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 300 },
        deadLetterConfig: { arn: props.deadLetters.queueArn },
      },
    });
  }
}
