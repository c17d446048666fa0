import { route } from '../routes/get-case.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getCase. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
