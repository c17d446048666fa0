import { SFNClient } from '@aws-sdk/client-sfn';
import { StepFunctionsWorkflows } from '../../../shared/aws/step-functions-workflows.ts';
import type { AwsAdapter } from './aws-adapter.ts';

/** The three state machines, through Step Functions. */
export const stepFunctionsWorkflows: AwsAdapter<'workflows'> = (env) =>
  new StepFunctionsWorkflows(new SFNClient({}), {
    'nomination-case': env.CASE_STATE_MACHINE_ARN,
    'election-calendar': env.CALENDAR_STATE_MACHINE_ARN,
    'bulk-job': env.JOB_STATE_MACHINE_ARN,
  });
