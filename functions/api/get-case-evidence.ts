import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getCaseEvidence. */
export const handler = apiLambdaHandler('getCaseEvidence', {});
