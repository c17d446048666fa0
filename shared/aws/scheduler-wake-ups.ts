import { createHash } from 'node:crypto';
import { ConflictException, CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Instant } from '../domain/local-date.ts';
import type { WakeUps } from '../ports/wake-ups.ts';

export interface SchedulerWakeUpsConfig {
  readonly groupName: string;
  /** The role EventBridge Scheduler assumes; it may call states:SendTaskSuccess and nothing else. */
  readonly roleArn: string;
  /** Where a wake-up that still fails after its retries goes (an SQS queue), to be alarmed on. */
  readonly deadLetterArn?: string;
}

/** EventBridge Scheduler's universal target for Step Functions' SendTaskSuccess. */
export const SEND_TASK_SUCCESS_TARGET = 'arn:aws:scheduler:::aws-sdk:sfn:sendTaskSuccess';

/**
 * The WakeUps port on AWS: a one-time schedule per wake-up that calls SendTaskSuccess at the instant and then
 * deletes itself. Named after the token, so arming the same wake-up twice creates one schedule.
 */
export class SchedulerWakeUps implements WakeUps {
  readonly #client: SchedulerClient;
  readonly #config: SchedulerWakeUpsConfig;

  constructor(client: SchedulerClient, config: SchedulerWakeUpsConfig) {
    this.#client = client;
    this.#config = config;
  }

  async wakeAt(at: Instant, taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await this.#client.send(
        new CreateScheduleCommand({
          Name: `wake-${createHash('sha256').update(taskToken).digest('hex').slice(0, 48)}`,
          GroupName: this.#config.groupName,
          ScheduleExpression: `at(${at.slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: SEND_TASK_SUCCESS_TARGET,
            RoleArn: this.#config.roleArn,
            Input: JSON.stringify({ TaskToken: taskToken, Output: JSON.stringify(output) }),
            RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
            ...(this.#config.deadLetterArn === undefined
              ? {}
              : { DeadLetterConfig: { Arn: this.#config.deadLetterArn } }),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
    }
  }
}
