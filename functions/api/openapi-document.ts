import { apiLambdaHandler } from '../support/lambda-api.ts';
import { openApiDocument } from '../support/openapi-document.ts';

/**
 * The Lambda behind GET /openapi.json, the only route API Gateway sends it (it answers no other). It is handed no
 * AWS adapter and granted nothing in the table: the document is built from the route table alone.
 */
export const handler = apiLambdaHandler({ routes: [], openApi: openApiDocument }, {});
