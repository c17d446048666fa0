import { awaitStep } from './support/await-step.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

/** AwaitSignatures: waits until the self-nominee's valid signatures reach 1%, or the deadline ends it. */
export const createHandler = awaitStep('signatures');

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
