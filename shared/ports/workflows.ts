/** The state machines of the product; each has one ASL file `workflows/<name>.asl.json`. */
export const workflowNames = ['nomination-case', 'election-calendar'] as const;
export type WorkflowName = (typeof workflowNames)[number];

/**
 * What handlers need of Step Functions: start an execution, and end a `.waitForTaskToken` wait.
 * On AWS it is @aws-sdk/client-sfn; locally the embedded engine. Handlers see only this.
 */
export interface Workflows {
  /** Starts `name` unless an execution of that name is already running (then nothing happens). */
  start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void>;
  /** Resumes the task waiting on `taskToken`; a token no longer waited on is ignored. */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
}

/** The output a wait resumes with: why it ended. */
export type WakeReason = 'decided' | 'deadline' | 'moved-on';
