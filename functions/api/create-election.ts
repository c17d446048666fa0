import { route } from '../routes/create-election.ts';
import { stepFunctionsWorkflows } from '../support/aws-adapters/step-functions-workflows.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation createElection. */
export const handler = apiLambdaHandler({ routes: [route] }, { workflows: stepFunctionsWorkflows });
