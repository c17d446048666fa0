import { awaitStep } from './support/await-step.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

/** AwaitRegistrationDecision: waits for the commission to register or refuse, until registration closes. */
export const createHandler = awaitStep('registration-decision');

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
