import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { actorOf } from '../../shared/auth/caller.ts';
import {
  type JobKind,
  type JobView,
  jobExecutionName,
  jobIdOf,
  jobView,
  newJob,
  objectKeys,
} from '../../shared/domain/bulk-job.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import type { StoredJob } from '../../shared/storage/job-repository.ts';
import type { Dependencies } from '../support/dependencies.ts';
import type { OperationRequest } from '../support/operation.ts';

/** A bulk request naming a file uploaded for it (POST …/uploads) instead of carrying the rows. */
export const UploadedFileSchema = z.strictObject({
  upload: z.uuid(),
  source: z.string().trim().min(1).max(200).optional(),
});

/** What a bulk route answers when its work runs as a job: 202, the job, and where to poll it. */
export interface JobAnswer {
  readonly job: JobView;
  readonly location: string;
}

/** Whether an operation's result is a job accepted (answered 202) rather than the work done. */
export function isJobAnswer(result: unknown): result is JobAnswer {
  return typeof result === 'object' && result !== null && 'job' in result && 'location' in result;
}

export function jobLocation(electionId: string, jobId: string): string {
  return `/elections/${electionId}/jobs/${jobId}`;
}

/** The request's body as it came, for its job. */
export function bodyOf(request: OperationRequest): JobFileSource {
  if (request.file === undefined) throw new Error('a bulk route hands its body on');
  return { body: request.file };
}

/** Where a job's file is: an upload the caller made for this resource, or the request's own body, kept now. */
export type JobFileSource =
  | { readonly upload: string }
  | { readonly body: NonNullable<OperationRequest['file']> };

/** How many times the same file may be sent again after its jobs ended refused or failed. */
const GENERATIONS = 100;

/**
 * Starts the job of a bulk request, once: the same upload, or the same body, for the same resource is the same
 * job (its id comes from them), so a retry, with or without its Idempotency-Key, finds the job it started, at
 * work or done, and starts no second; `mayStart` (the case still takes sheets, the deadline) is asked only of a
 * new one. A job that ended refused or failed is not the last word on its file: the same file sent again (the
 * next day, after a passing fault) starts a new job. A crash between the job's record and its execution is
 * mended by the reconciler, which starts every queued job that has none.
 */
export async function startJob(
  deps: Pick<Dependencies, 'jobs' | 'objects' | 'workflows' | 'clock'>,
  request: {
    readonly caller: Caller;
    readonly kind: JobKind;
    readonly electionId: string;
    readonly caseId?: string | undefined;
    readonly source?: string | undefined;
    readonly file: JobFileSource;
    readonly mayStart?: () => void;
  },
): Promise<JobAnswer> {
  const { kind, electionId, caseId, file } = request;
  const now = deps.clock.now();
  const requestKey =
    'upload' in file
      ? `upload:${file.upload}`
      : `body:${createHash('sha256').update(file.body.bytes).digest('hex')}`;
  let jobId = '';
  let existing: StoredJob | null = null;
  for (let generation = 1; generation <= GENERATIONS; generation += 1) {
    jobId = jobIdOf({
      kind,
      electionId,
      caseId,
      requestKey: generation === 1 ? requestKey : `${requestKey}#${generation}`,
    });
    existing = await deps.jobs.find(electionId, jobId);
    if (existing === null || (existing.state !== 'refused' && existing.state !== 'failed')) break;
  }
  if (existing === null) request.mayStart?.();
  const job =
    existing ??
    (
      await deps.jobs.create(
        newJob(
          {
            jobId,
            electionId,
            kind,
            caseId,
            source: request.source,
            startedBy: actorOf(request.caller),
            file: await jobFile(deps, { kind, electionId, caseId, jobId, file }),
          },
          now,
        ),
      )
    ).job;
  // Names are used once: an execution already started under this one is left as it is.
  await deps.workflows.start('bulk-job', jobExecutionName(jobId, job.attempt), { electionId, jobId });
  return { job: jobView(job, now), location: jobLocation(electionId, jobId) };
}

/** The job's file: an upload must be there (made for this resource by its URL); a body is kept under the job. */
async function jobFile(
  deps: Pick<Dependencies, 'objects'>,
  where: {
    readonly kind: JobKind;
    readonly electionId: string;
    readonly caseId?: string | undefined;
    readonly jobId: string;
    readonly file: JobFileSource;
  },
) {
  const { kind, electionId, caseId, jobId, file } = where;
  if ('upload' in file) {
    const key = objectKeys.upload(electionId, kind, caseId, file.upload);
    const stored = await deps.objects.head(key);
    if (stored === null) {
      throw new ValidationError([{ field: 'upload', code: 'UPLOAD_MISSING' }]);
    }
    return { key, ...stored };
  }
  const key = objectKeys.requestBody(jobId);
  await deps.objects.put(key, file.body.bytes, file.body.contentType);
  return { key, contentType: file.body.contentType, bytes: file.body.bytes.byteLength };
}
