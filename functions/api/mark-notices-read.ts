import { route } from '../routes/mark-notices-read.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation markNoticesRead. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
