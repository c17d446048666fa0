import { route } from '../routes/list-elections.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listElections. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
