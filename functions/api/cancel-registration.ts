import { route } from '../routes/cancel-registration.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation cancelRegistration. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
