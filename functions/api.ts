import { apiHandler } from './support/lambda-api.ts';

/** The HTTP API as one Lambda function behind API Gateway: every operation of `api-routes.ts`. */
export const handler = apiHandler;
