import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { ExecutionStatus } from '../domain/execution-repair.ts';
import type { WorkflowName, Workflows } from '../ports/workflows.ts';

/** What DescribeExecution answers, as the product reads it (PENDING_REDRIVE: a failed run, not yet redriven). */
const statusOf: Readonly<Record<string, ExecutionStatus>> = {
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  TIMED_OUT: 'TIMED_OUT',
  ABORTED: 'ABORTED',
  PENDING_REDRIVE: 'FAILED',
};

/** The Workflows port on AWS: Step Functions through @aws-sdk/client-sfn. */
export class StepFunctionsWorkflows implements Workflows {
  readonly #client: SFNClient;
  readonly #stateMachines: Readonly<Record<WorkflowName, string>>;

  constructor(client: SFNClient, stateMachineArns: Readonly<Record<WorkflowName, string>>) {
    this.#client = client;
    this.#stateMachines = stateMachineArns;
  }

  async start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void> {
    try {
      await this.#client.send(
        new StartExecutionCommand({
          stateMachineArn: this.#stateMachines[workflow],
          name,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      // The name is taken: that execution is the record's (a retried start), whatever its status; the
      // reconciler reads the status and, where it has ended, starts a new one under a new name.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await this.#client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      // The wait already ended (signalled, timed out and re-armed, or its execution stopped): nothing to resume.
      if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut || error instanceof InvalidToken)
        return;
      throw error;
    }
  }

  async describe(workflow: WorkflowName, name: string): Promise<ExecutionStatus> {
    try {
      const { status } = await this.#client.send(
        new DescribeExecutionCommand({ executionArn: this.#executionArn(workflow, name) }),
      );
      return statusOf[status ?? ''] ?? 'FAILED';
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return 'NOT_FOUND';
      throw error;
    }
  }

  async stop(workflow: WorkflowName, name: string): Promise<void> {
    try {
      await this.#client.send(
        new StopExecutionCommand({
          executionArn: this.#executionArn(workflow, name),
          error: 'Reconciled',
          cause: 'stopped by the reconciler: its record moved on without it; a new execution continues',
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionDoesNotExist)) throw error;
    }
  }

  /** arn:…:stateMachine:<machine> → arn:…:execution:<machine>:<name> (Standard workflows). */
  #executionArn(workflow: WorkflowName, name: string): string {
    return `${this.#stateMachines[workflow].replace(':stateMachine:', ':execution:')}:${name}`;
  }
}
