import { route } from '../routes/get-case-timeline.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation getCaseTimeline. */
export const handler = apiLambdaHandler({ routes: [route] }, {});
