import { apiLambdaHandler } from '../support/lambda-api.ts';

/**
 * The Lambda behind GET /openapi.json, the only route API Gateway sends it. It is handed no AWS adapter and
 * granted nothing in the table: the document is built from the route table alone.
 */
export const handler = apiLambdaHandler(undefined, {});
