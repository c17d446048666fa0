import { S3Client } from '@aws-sdk/client-s3';
import { S3_CLIENT_CONFIG, S3Objects } from '../../../shared/aws/s3-objects.ts';
import type { AwsAdapter } from './aws-adapter.ts';

/** The upload bucket, through S3. */
export const s3ObjectStore: AwsAdapter<'objects'> = (env) =>
  new S3Objects(new S3Client(S3_CLIENT_CONFIG), env.UPLOAD_BUCKET);
