import type { Table } from '../../../shared/storage/document-client.ts';
import type { Dependencies } from '../dependencies.ts';
import type { LambdaEnvironment } from '../lambda-environment.ts';

/** The ports whose AWS adapter brings an SDK client of its own (S3, Step Functions, Scheduler, Cognito). */
export type AwsPortName = 'objects' | 'workflows' | 'wakeUps' | 'accounts';

/** Makes one port's AWS adapter from the function's environment (and the table, for the account records). */
export type AwsAdapter<P extends AwsPortName> = (env: LambdaEnvironment, table: Table) => Dependencies[P];

/**
 * The AWS adapters a Lambda entry hands in: exactly those of the ports its handler takes. Each lives in a module
 * of its own, so that a function's bundle carries only the SDK clients it uses (a DynamoDB-only function carries
 * no S3, Step Functions, Scheduler or Cognito client).
 */
export type AwsAdapters<K extends keyof Dependencies> = {
  readonly [P in Extract<K, AwsPortName>]: AwsAdapter<P>;
};
