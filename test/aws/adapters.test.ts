import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SchedulerWakeUps, SEND_TASK_SUCCESS_TARGET } from '../../shared/aws/scheduler-wake-ups.ts';
import { StepFunctionsWorkflows } from '../../shared/aws/step-functions-workflows.ts';

// AWS itself cannot exist here: these tests pin the requests the adapters send and how they read the answers.
const sfn = mockClient(SFNClient);
const scheduler = mockClient(SchedulerClient);
const arns = {
  'nomination-case': 'arn:aws:states:eu-central-1:1:stateMachine:case',
  'election-calendar': 'arn:aws:states:eu-central-1:1:stateMachine:calendar',
  'bulk-job': 'arn:aws:states:eu-central-1:1:stateMachine:bulk-job',
};

beforeEach(() => {
  sfn.reset();
  scheduler.reset();
});

describe('Step Functions adapter', () => {
  it('starts a case’s execution under the case id, with its input as JSON', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'x' });
    await new StepFunctionsWorkflows(new SFNClient({}), arns).start('nomination-case', 'case-1', {
      electionId: 'e',
      caseId: 'case-1',
    });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: arns['nomination-case'],
      name: 'case-1',
      input: '{"electionId":"e","caseId":"case-1"}',
    });
  });

  it('treats an execution that already exists as started', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    await expect(
      new StepFunctionsWorkflows(new SFNClient({}), arns).start('election-calendar', 'e', {}),
    ).resolves.toBeUndefined();
  });

  it('resumes a wait with its output, and ignores a wait that already ended', async () => {
    sfn
      .on(SendTaskSuccessCommand)
      .resolvesOnce({})
      .rejectsOnce(new TaskTimedOut({ message: 'late', $metadata: {} }));
    const workflows = new StepFunctionsWorkflows(new SFNClient({}), arns);
    await workflows.sendTaskSuccess('token-1', { reason: 'decided' });
    await expect(workflows.sendTaskSuccess('token-2', { reason: 'deadline' })).resolves.toBeUndefined();
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-1',
      output: '{"reason":"decided"}',
    });
  });

  it('lets any other failure through', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new Error('throttled'));
    await expect(
      new StepFunctionsWorkflows(new SFNClient({}), arns).sendTaskSuccess('t', {}),
    ).rejects.toThrow('throttled');
  });
});

describe('Step Functions adapter: what the reconciler asks', () => {
  const workflows = () => new StepFunctionsWorkflows(new SFNClient({ maxAttempts: 1 }), arns);

  it('describes an execution by its ARN, from the state machine’s and the recorded name', async () => {
    sfn.on(DescribeExecutionCommand).resolves({ status: 'TIMED_OUT' });
    expect(await workflows().describe('nomination-case', 'case-1--2')).toBe('TIMED_OUT');
    expect(sfn.commandCalls(DescribeExecutionCommand)[0]?.args[0].input).toEqual({
      executionArn: 'arn:aws:states:eu-central-1:1:execution:case:case-1--2',
    });
  });

  it('reads every status Step Functions answers, and a name it never saw as not found', async () => {
    for (const [answer, read] of [
      ['RUNNING', 'RUNNING'],
      ['SUCCEEDED', 'SUCCEEDED'],
      ['FAILED', 'FAILED'],
      ['ABORTED', 'ABORTED'],
      ['PENDING_REDRIVE', 'FAILED'],
    ] as const) {
      sfn.reset();
      sfn.on(DescribeExecutionCommand).resolves({ status: answer });
      expect(await workflows().describe('election-calendar', 'e'), answer).toBe(read);
    }
    sfn.reset();
    sfn.on(DescribeExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'none', $metadata: {} }));
    expect(await workflows().describe('election-calendar', 'e--9')).toBe('NOT_FOUND');
  });

  it('lets throttling through, for the reconciler to try on its next round', async () => {
    sfn.on(DescribeExecutionCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(workflows().describe('nomination-case', 'case-1')).rejects.toThrow('Rate exceeded');
  });

  it('stops an execution by name, and leaves one that is gone', async () => {
    sfn
      .on(StopExecutionCommand)
      .resolvesOnce({})
      .rejectsOnce(new ExecutionDoesNotExist({ message: 'gone', $metadata: {} }));
    await workflows().stop('nomination-case', 'case-1');
    await expect(workflows().stop('nomination-case', 'case-1--2')).resolves.toBeUndefined();
    expect(sfn.commandCalls(StopExecutionCommand)[0]?.args[0].input).toMatchObject({
      executionArn: 'arn:aws:states:eu-central-1:1:execution:case:case-1',
    });
  });

  it('ignores a stale token when it sends a lost signal again', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(new InvalidToken({ message: 'stale', $metadata: {} }));
    await expect(workflows().sendTaskSuccess('old-token', { reason: 'decided' })).resolves.toBeUndefined();
  });
});

describe('EventBridge Scheduler adapter', () => {
  const config = {
    groupName: 'akim-wake-ups',
    roleArn: 'arn:aws:iam::1:role/wake',
    deadLetterArn: 'arn:aws:sqs:eu-central-1:1:schedule-dead-letters',
  };

  it('arms a one-time schedule that calls SendTaskSuccess at the instant, then deletes itself', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 's' });
    await new SchedulerWakeUps(new SchedulerClient({}), config).wakeAt(
      '2026-02-17T13:00:00.000Z',
      'token-1',
      { reason: 'deadline' },
    );
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      GroupName: 'akim-wake-ups',
      ScheduleExpression: 'at(2026-02-17T13:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: SEND_TASK_SUCCESS_TARGET,
        RoleArn: config.roleArn,
        // A wake-up that still fails after its retries is not lost silently: it lands where an alarm watches.
        DeadLetterConfig: { Arn: config.deadLetterArn },
      },
    });
    expect(JSON.parse(input?.Target?.Input ?? '')).toEqual({
      TaskToken: 'token-1',
      Output: '{"reason":"deadline"}',
    });
    expect(input?.Name).toMatch(/^wake-[0-9a-f]{48}$/);
  });

  it('arms the same wake-up once, however often it is asked', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .resolvesOnce({})
      .rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    const wakeUps = new SchedulerWakeUps(new SchedulerClient({}), config);
    await wakeUps.wakeAt('2026-02-17T13:00:00.000Z', 'token-1', {});
    await expect(wakeUps.wakeAt('2026-02-17T13:00:00.000Z', 'token-1', {})).resolves.toBeUndefined();
    const names = scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input.Name);
    expect(new Set(names).size).toBe(1);
  });
});
