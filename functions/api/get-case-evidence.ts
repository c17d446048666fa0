import { route } from '../routes/get-case-evidence.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getCaseEvidence. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
