import * as z from 'zod';

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

export type LambdaEnvironment = z.infer<typeof LambdaEnvironmentSchema>;

export function lambdaEnvironment(env: NodeJS.ProcessEnv): LambdaEnvironment {
  return LambdaEnvironmentSchema.parse(env);
}
