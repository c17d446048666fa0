import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { WorkflowName, Workflows } from '../ports/workflows.ts';

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
      // Execution names are unique: the case or election already has its execution.
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
}
