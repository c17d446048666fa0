import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SchedulerWakeUps } from '../../../shared/aws/scheduler-wake-ups.ts';
import type { AwsAdapter } from './aws-adapter.ts';

/** The calendar's wake-ups, through EventBridge Scheduler. */
export const schedulerWakeUps: AwsAdapter<'wakeUps'> = (env) =>
  new SchedulerWakeUps(new SchedulerClient({}), {
    groupName: env.WAKE_UP_GROUP,
    roleArn: env.WAKE_UP_ROLE_ARN,
    deadLetterArn: env.WAKE_UP_DEAD_LETTER_ARN,
  });
