import * as z from 'zod';
import { JobStateSchema, jobKinds } from '../../domain/bulk-job.ts';
import { InstantResponseSchema } from './instant.ts';
import { LocalizedTextSchema } from './localized-text.ts';
import { SignatureJobResultSchema } from './signatures.ts';
import { RegisterInForceSchema } from './voter-register.ts';

/**
 * A bulk job as getJob shows it (`jobView`): where it stands, the file's issues so far (at most 100 kept, the
 * count whole), and once it succeeded its result: the register in force, or the signatures' verdict.
 */
export const JobViewSchema = z.strictObject({
  jobId: z.string().regex(/^[0-9a-f]{32}$/),
  electionId: z.string(),
  kind: z.enum(jobKinds),
  caseId: z.string().optional().describe('The case of a signatures job'),
  state: JobStateSchema.describe(
    'queued and running while work remains; succeeded, refused or failed at the end',
  ),
  createdAt: InstantResponseSchema,
  updatedAt: InstantResponseSchema,
  progress: z.strictObject({
    rowsDone: z.int().min(0),
    rowsTotal: z.int().min(0).nullable().describe('Null until the file is read'),
    rowsPerSecond: z.int().min(0).nullable(),
    secondsLeft: z.int().min(0).nullable(),
  }),
  errorsSoFar: z.int().min(0),
  issues: z.array(
    z.strictObject({
      field: z.string(),
      code: z.string(),
      message: LocalizedTextSchema,
      line: z.int().optional().describe('The line (XLSX: the sheet row) of the row at fault'),
    }),
  ),
  result: z
    .unknown()
    .optional()
    .meta({ documentedAs: 'JobResult' })
    .describe('Once succeeded: the register in force (voter-register), or the verdict’s counts (signatures)'),
  failure: z.string().optional().describe('Why the job failed, by error name'),
});

/**
 * What a job that succeeded comes to. Jobs keep it as they got it (`JobSchema` reads it loosely), so `result`
 * is typed `unknown`; the OpenAPI document describes it as this, and the API's tests hold real results to it.
 */
export const JobResultSchema = z.union([RegisterInForceSchema, SignatureJobResultSchema]);

/** What a bulk route answers with 202: the job it started (or found, for the same file again) and where to poll it. */
export const JobAnswerSchema = z.strictObject({
  job: JobViewSchema,
  location: z.string().describe('The path of getJob for this job'),
});
