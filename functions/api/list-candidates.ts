import { route } from '../routes/list-candidates.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listCandidates. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
