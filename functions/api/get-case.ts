import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getCase. */
export const handler = apiLambdaHandler('getCase', {});
