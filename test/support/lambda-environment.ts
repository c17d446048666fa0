import type { Context } from 'aws-lambda';
import type { Table } from '../../shared/storage/document-client.ts';

/** The environment the CDK stack gives a Lambda function, pointed at the test's dynalite table. */
export async function useLambdaEnvironment(table: Table): Promise<void> {
  const endpoint = await table.db.config.endpoint?.();
  Object.assign(process.env, {
    TABLE_NAME: table.name,
    DYNAMODB_ENDPOINT: `${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`,
    CASE_STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:111111111111:stateMachine:case',
    CALENDAR_STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:111111111111:stateMachine:calendar',
    JOB_STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:111111111111:stateMachine:bulk-job',
    UPLOAD_BUCKET: 'uploads',
    WAKE_UP_GROUP: 'wake-ups',
    WAKE_UP_ROLE_ARN: 'arn:aws:iam::111111111111:role/wake',
    WAKE_UP_DEAD_LETTER_ARN: 'arn:aws:sqs:eu-central-1:111111111111:schedule-dead-letters',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
}

/** A Lambda context as the runtime passes it (only what middy and Powertools read). */
export const lambdaContext = {
  functionName: 'test-function',
  awsRequestId: 'request-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:111111111111:function:test-function',
  memoryLimitInMB: '512',
  functionVersion: '$LATEST',
  getRemainingTimeInMillis: () => 10_000,
} as Context;
