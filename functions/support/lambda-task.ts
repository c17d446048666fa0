import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import middy from '@middy/core';
import { z } from 'zod';
import { CognitoAccountDirectory } from '../../shared/aws/cognito-account-directory.ts';
import { S3_CLIENT_CONFIG, S3Objects } from '../../shared/aws/s3-objects.ts';
import { SchedulerWakeUps } from '../../shared/aws/scheduler-wake-ups.ts';
import { StepFunctionsWorkflows } from '../../shared/aws/step-functions-workflows.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { InboxStore } from '../../shared/storage/inbox-store.ts';
import { JobRepository } from '../../shared/storage/job-repository.ts';
import { PublishedList } from '../../shared/storage/published-list.ts';
import { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { VoterRegisterRepository } from '../../shared/storage/voter-register-repository.ts';
import type { Dependencies } from './dependencies.ts';

/** What a Lambda function of the product is told by its environment (set by the CDK stack). */
const LambdaEnvironmentSchema = z.object({
  TABLE_NAME: z.string().min(1),
  CASE_STATE_MACHINE_ARN: z.string().min(1),
  CALENDAR_STATE_MACHINE_ARN: z.string().min(1),
  JOB_STATE_MACHINE_ARN: z.string().min(1),
  /** Where uploads and the files of bulk jobs are kept. */
  UPLOAD_BUCKET: z.string().min(1),
  WAKE_UP_GROUP: z.string().min(1),
  WAKE_UP_ROLE_ARN: z.string().min(1),
  WAKE_UP_DEAD_LETTER_ARN: z.string().min(1),
  /** The desk's accounts: set for the functions whose catalogue entry names user pool actions. */
  USER_POOL_ID: z.string().min(1).optional(),
  /** Only for tests against dynalite; unset on AWS. */
  DYNAMODB_ENDPOINT: z.string().optional(),
});

export const lambdaLogger = new Logger({ serviceName: 'akim-nominations' });

let dependencies: Dependencies | undefined;

const notWired = (): Promise<never> =>
  Promise.reject(new Error('this function is not given the user pool (function-catalogue userPool)'));

/** The dependencies of a Lambda container, built once on first use (clients are reused across invocations). */
export function lambdaDependencies(env: NodeJS.ProcessEnv = process.env): Dependencies {
  if (dependencies !== undefined) return dependencies;
  const config = LambdaEnvironmentSchema.parse(env);
  const table = {
    db: createDocumentClient(
      config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT },
    ),
    name: config.TABLE_NAME,
  };
  dependencies = {
    elections: new ElectionRepository(table),
    cases: new CaseRepository(table),
    published: new PublishedList(table),
    signatures: new SignatureRepository(table),
    voters: new VoterRegisterRepository(table),
    jobs: new JobRepository(table),
    inbox: new InboxStore(table),
    objects: new S3Objects(new S3Client(S3_CLIENT_CONFIG), config.UPLOAD_BUCKET),
    workflows: new StepFunctionsWorkflows(new SFNClient({}), {
      'nomination-case': config.CASE_STATE_MACHINE_ARN,
      'election-calendar': config.CALENDAR_STATE_MACHINE_ARN,
      'bulk-job': config.JOB_STATE_MACHINE_ARN,
    }),
    wakeUps: new SchedulerWakeUps(new SchedulerClient({}), {
      groupName: config.WAKE_UP_GROUP,
      roleArn: config.WAKE_UP_ROLE_ARN,
      deadLetterArn: config.WAKE_UP_DEAD_LETTER_ARN,
    }),
    // Only the account functions are told the user pool (and may use it).
    accounts:
      config.USER_POOL_ID === undefined
        ? { create: notWired, managedBy: notWired, find: notWired, disable: notWired }
        : new CognitoAccountDirectory(new CognitoIdentityProviderClient({}), config.USER_POOL_ID, table),
    clock: systemClock,
    newId: () => crypto.randomUUID(),
    logger: lambdaLogger,
  };
  return dependencies;
}

/**
 * The Lambda entry of a Task state: middy with the Powertools logger (request id and cold start on every
 * line), around the same handler the local engine calls. Errors keep their domain `name` for the ASL.
 */
export function lambdaTaskHandler<T>(createHandler: (deps: Dependencies) => (event: unknown) => Promise<T>) {
  let handler: ((event: unknown) => Promise<T>) | undefined;
  return middy(async (event: unknown) => {
    handler ??= createHandler(lambdaDependencies());
    return handler(event);
  }).use(injectLambdaContext(lambdaLogger, { resetKeys: true }));
}
