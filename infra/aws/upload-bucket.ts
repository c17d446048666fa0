import { Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { type ObjectPrefix, objectPrefixes } from './function-catalogue.ts';

/** How long the upload bucket's access log is kept: as long as the API's. */
const ACCESS_LOG_DAYS = 30;

/** How long the upload bucket keeps what it holds (README "Deploy to AWS"). */
export const OBJECT_EXPIRY_DAYS: Readonly<Record<ObjectPrefix, number>> = {
  // An upload is used within the quarter hour its URL lasts, by the job it starts; a job lasts minutes.
  'uploads/': 2,
  // What a job keeps is removed when it ends, whatever its end; what a crash between its end and the removal
  // leaves goes after a week.
  'jobs/': 7,
};

/**
 * Files too large for a request. Clients PUT them through presigned URLs (createUpload), jobs read them and keep
 * what they cut them into beside them. Private, encrypted at rest, TLS only, unversioned (a file removed is
 * gone), each folder expiring by itself (OBJECT_EXPIRY_DAYS); every request to it is logged to a second bucket.
 * Like the table, kept when a stage other than dev is deleted (its lifecycle rules go on emptying it).
 * Both buckets are made in the stack's own scope: their logical ids are those of stacks already deployed.
 */
export function addUploadBucket(stack: Stack, keepData: boolean): Bucket {
  const privateBucket = {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    // S3-managed keys: a presigned PUT needs no KMS grant, and S3 delivers access logs only to such a bucket.
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: false,
    removalPolicy: keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  } as const;
  const accessLogs = new Bucket(stack, 'UploadAccessLogs', {
    ...privateBucket,
    lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
  });
  Validations.of(accessLogs).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'This bucket is itself the server access log of the upload bucket',
  });
  return new Bucket(stack, 'Uploads', {
    ...privateBucket,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'uploads/',
    lifecycleRules: [
      ...objectPrefixes.map((folder) => ({
        id: `Expire-${folder.slice(0, -1)}`,
        prefix: folder,
        expiration: Duration.days(OBJECT_EXPIRY_DAYS[folder]),
      })),
      // A presigned upload is one PUT; a multipart upload left unfinished is removed all the same.
      { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    // The desk PUTs to presigned URLs from its own origin. Any origin: the signed URL is the whole permission
    // (one key, type and length, a quarter hour), and naming the desk's origin would make the stack a cycle.
    cors: [
      {
        allowedOrigins: ['*'],
        allowedMethods: [HttpMethods.PUT],
        allowedHeaders: ['content-type', 'if-none-match'],
        exposedHeaders: ['ETag'],
        maxAge: 3600,
      },
    ],
  });
}
