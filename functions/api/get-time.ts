import { route } from '../routes/get-time.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getTime. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
