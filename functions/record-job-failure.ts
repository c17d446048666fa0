import * as z from 'zod';
import { isActive } from '../shared/domain/bulk-job.ts';
import { removeJobFiles } from './jobs/job-file.ts';
import { s3ObjectStore } from './support/aws-adapters/s3-object-store.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

const FailureInputSchema = z.object({
  electionId: z.string(),
  jobId: z.string(),
  failure: z.looseObject({ Error: z.string().optional() }),
});

/**
 * RecordJobFailure: a step failed after its retries. The job is marked failed with the error's name only (its
 * message may quote the file), so that a client polling it stops waiting and a close stops waiting for it.
 */
export function createHandler(deps: Pick<Dependencies, 'jobs' | 'objects' | 'clock' | 'logger'>) {
  return async (event: unknown): Promise<void> => {
    const { electionId, jobId, failure } = FailureInputSchema.parse(event);
    for (;;) {
      const job = await deps.jobs.get(electionId, jobId);
      if (!isActive(job)) return;
      const { version: _version, ...current } = job;
      const failed = {
        ...current,
        state: 'failed' as const,
        failure: failure.Error ?? 'unknown',
        updatedAt: deps.clock.now(),
      };
      if ((await deps.jobs.record(job, failed)) !== null) {
        await removeJobFiles(deps, failed);
        deps.logger.error('job failed', { electionId, jobId, kind: job.kind, error: failed.failure });
        return;
      }
    }
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, { objects: s3ObjectStore });
