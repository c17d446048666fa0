import { route } from '../routes/get-job.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getJob. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
