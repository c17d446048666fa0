import { awaitStep } from './support/await-step.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

/** AwaitCommunityConsent: waits for the local community meeting's decision on the akim's candidate. */
export const createHandler = awaitStep('community-consent');

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
