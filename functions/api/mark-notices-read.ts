import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation markNoticesRead. */
export const handler = apiLambdaHandler('markNoticesRead', {});
