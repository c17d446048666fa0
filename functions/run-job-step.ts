import * as z from 'zod';
import { isActive, type Job, type JobKind } from '../shared/domain/bulk-job.ts';
import { removeJobFiles } from './jobs/job-file.ts';
import type { JobDependencies, JobWork } from './jobs/job-work.ts';
import { registerJob } from './jobs/register-job.ts';
import { signaturesJob } from './jobs/signatures-job.ts';
import { s3ObjectStore } from './support/aws-adapters/s3-object-store.ts';
import { stepFunctionsWorkflows } from './support/aws-adapters/step-functions-workflows.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';

export const JobStepInputSchema = z.object({ electionId: z.string(), jobId: z.string() });

const work: Readonly<Record<JobKind, JobWork>> = { 'voter-register': registerJob, signatures: signaturesJob };

/**
 * RunJobStep: one step of a bulk job, the one its checkpoint names: read the file (no chunks yet), work through
 * the next chunk, or finish. The step's outcome is recorded on condition that nothing was recorded since it
 * read the job: a step that lost that race (two executions of one job after a resumption) changes nothing that
 * the winner's does not, and the loop reads the job again. `done` ends the loop.
 */
export function createHandler(deps: JobDependencies) {
  return async (event: unknown): Promise<{ done: boolean }> => {
    const { electionId, jobId } = JobStepInputSchema.parse(event);
    const job = await deps.jobs.get(electionId, jobId);
    if (!isActive(job)) return { done: true };
    const { version: _version, ...current } = job;
    const steps = work[job.kind];
    const next = await stepOf(steps, deps, current);
    const recorded = await deps.jobs.record(job, { ...next, updatedAt: deps.clock.now() });
    if (recorded !== null && !isActive(recorded)) {
      // Done, refused or not, nothing of its files is read again.
      await removeJobFiles(deps, recorded);
      deps.logger.info('job ended', { electionId, jobId, kind: job.kind, state: recorded.state });
    }
    return { done: recorded !== null && !isActive(recorded) };
  };
}

function stepOf(steps: JobWork, deps: JobDependencies, job: Job): Promise<Job> {
  if (job.chunks === null) return steps.prepare(deps, job);
  if (job.nextChunk < job.chunks) return steps.chunk(deps, job);
  return steps.finish(deps, job);
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {
  objects: s3ObjectStore,
  workflows: stepFunctionsWorkflows,
});
