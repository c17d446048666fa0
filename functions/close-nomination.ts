import { closeNomination } from '../shared/domain/calendar-steps.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { closeNominationWith } from './support/nomination-close.ts';

/** CloseNomination: counts live nominations; fewer than two extend nomination and tell the commission. */
export const createHandler = closeNominationWith(closeNomination, 'nomination closed');

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
