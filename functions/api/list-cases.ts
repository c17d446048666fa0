import { route } from '../routes/list-cases.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listCases. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
