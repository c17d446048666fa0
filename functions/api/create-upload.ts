import { s3ObjectStore } from '../support/aws-adapters/s3-object-store.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation createUpload. */
export const handler = apiLambdaHandler('createUpload', { objects: s3ObjectStore });
