import { route } from '../routes/create-upload.ts';
import { s3ObjectStore } from '../support/aws-adapters/s3-object-store.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation createUpload. */
export const handler = apiLambdaHandler({ routes: [route] }, { objects: s3ObjectStore });
