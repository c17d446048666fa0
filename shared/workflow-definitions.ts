import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { WorkflowName } from './ports/workflows.ts';

/**
 * The ASL files are the only definition of each flow: the AWS stack and the local engine both read them here.
 * Task states call Lambda functions through placeholders `${NameFunctionArn}` that the CDK substitutes with
 * real ARNs and the local engine maps to the same handler modules.
 */
export const AslDefinitionSchema = z.looseObject({
  StartAt: z.string(),
  States: z.record(z.string(), z.looseObject({ Type: z.string() })),
});
export type AslDefinition = z.infer<typeof AslDefinitionSchema>;

const TaskStateSchema = z.object({
  Type: z.literal('Task'),
  Resource: z.enum(['arn:aws:states:::lambda:invoke', 'arn:aws:states:::lambda:invoke.waitForTaskToken']),
  Parameters: z.object({ FunctionName: z.string().regex(/^\$\{[A-Za-z]+FunctionArn\}$/) }),
});

export interface TaskState {
  readonly stateName: string;
  /** The function's placeholder name, e.g. `LoadCase` for `${LoadCaseFunctionArn}`. */
  readonly functionName: string;
  readonly waitsForToken: boolean;
}

export function workflowFile(workflow: WorkflowName): URL {
  return new URL(`../workflows/${workflow}.asl.json`, import.meta.url);
}

export function loadWorkflow(workflow: WorkflowName): AslDefinition {
  return AslDefinitionSchema.parse(JSON.parse(readFileSync(workflowFile(workflow), 'utf8')));
}

export function loadAllWorkflows(): Record<WorkflowName, AslDefinition> {
  return {
    'nomination-case': loadWorkflow('nomination-case'),
    'election-calendar': loadWorkflow('election-calendar'),
    'bulk-job': loadWorkflow('bulk-job'),
  };
}

/** Every Task state of a definition with the function it calls; any other kind of Task is refused. */
export function taskStates(definition: AslDefinition): TaskState[] {
  return Object.entries(definition.States).flatMap(([stateName, state]) => {
    if (state.Type !== 'Task') return [];
    const task = TaskStateSchema.parse(state);
    return [
      {
        stateName,
        functionName: task.Parameters.FunctionName.slice(2, -'FunctionArn}'.length),
        waitsForToken: task.Resource.endsWith('.waitForTaskToken'),
      },
    ];
  });
}
