import { Duration } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface EndedExecutionsRuleProps {
  readonly ruleName: string;
  readonly stateMachines: readonly IStateMachine[];
  readonly reconcile: IFunction;
  /** Where an event still undelivered after its retries goes. */
  readonly deadLetters: Queue;
}

/**
 * Step Functions reports every execution that fails, times out or is stopped to EventBridge (free, on the default
 * bus); this rule hands each such report of the product's state machines to the reconciler, which reconciles that
 * one record (a case; for a calendar or a bulk job, its whole election: functions/support/ended-execution.ts). It is why the scheduled pass need not ask Step
 * Functions about every record at rest (shared/domain/drift-suspects.ts).
 */
export class EndedExecutionsRule extends Construct {
  constructor(scope: Construct, id: string, props: EndedExecutionsRuleProps) {
    super(scope, id);
    new Rule(this, 'Rule', {
      ruleName: props.ruleName,
      description: 'An execution of the product that ended badly: its record is reconciled',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
          stateMachineArn: props.stateMachines.map((machine) => machine.stateMachineArn),
        },
      },
      targets: [
        new LambdaFunction(props.reconcile, {
          deadLetterQueue: props.deadLetters,
          retryAttempts: 8,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
  }
}
