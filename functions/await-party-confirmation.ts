import { awaitStep } from './support/await-step.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

/** AwaitPartyConfirmation: waits for the party to confirm or decline its nominee, until the deadline. */
export const createHandler = awaitStep('party-confirmation');

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
