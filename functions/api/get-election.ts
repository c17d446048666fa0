import { route } from '../routes/get-election.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getElection. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
