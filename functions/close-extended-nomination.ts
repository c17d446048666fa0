import { closeExtendedNomination } from '../shared/domain/calendar-steps.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { closeNominationWith } from './support/nomination-close.ts';

/** CloseExtendedNomination: 0 or 1 live nominations open the district akimat's window and tell the akimat. */
export const createHandler = closeNominationWith(closeExtendedNomination, 'extended nomination closed');

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { workflows: stepFunctionsWorkflows });
