import { route } from '../routes/list-my-cases.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listMyCases. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
