import { stepFunctionsWorkflows } from '../support/aws-adapters/step-functions-workflows.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation confirmPartyNomination. */
export const handler = apiLambdaHandler('confirmPartyNomination', { workflows: stepFunctionsWorkflows });
