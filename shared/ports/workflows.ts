import type { ExecutionStatus } from '../domain/execution-repair.ts';

/** The state machines of the product; each has one ASL file `workflows/<name>.asl.json`. */
export const workflowNames = ['nomination-case', 'election-calendar', 'bulk-job'] as const;
export type WorkflowName = (typeof workflowNames)[number];

/**
 * What handlers need of Step Functions: start an execution, and end a `.waitForTaskToken` wait.
 * On AWS it is @aws-sdk/client-sfn; locally the embedded engine. Handlers see only this.
 */
export interface Workflows {
  /**
   * Starts an execution named `name`. A name is used once: if an execution of that name exists, running or
   * ended, nothing happens (Step Functions keeps names for 90 days; a repair uses a new one).
   */
  start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void>;
  /** Resumes the task waiting on `taskToken`; a token no longer waited on is ignored. */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  /** Where the execution of that name stands; NOT_FOUND when there is none. */
  describe(workflow: WorkflowName, name: string): Promise<ExecutionStatus>;
  /** Stops the execution of that name where it stands; one already ended, or none, is left as it is. */
  stop(workflow: WorkflowName, name: string): Promise<void>;
}

/** The output a wait resumes with: why it ended. */
export type WakeReason = 'decided' | 'deadline' | 'moved-on';

/**
 * What a case's wait resumes with: why it ended and, when the signaller knows it, the status the case was left
 * in, which the nomination workflow routes on instead of reading the case again (without it, it reads).
 */
export interface WakeOutput extends Record<string, unknown> {
  readonly reason: WakeReason;
  readonly status?: string;
}

export function wakeOutput(reason: WakeReason, status?: string): WakeOutput {
  return status === undefined ? { reason } : { reason, status };
}
