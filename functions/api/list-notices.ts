import { route } from '../routes/list-notices.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listNotices. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
