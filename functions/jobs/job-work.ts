import type { Job } from '../../shared/domain/bulk-job.ts';
import { keepIssues } from '../../shared/domain/bulk-job.ts';
import type { DomainError, FieldIssue } from '../../shared/domain/errors.ts';
import type { Dependencies } from '../support/dependencies.ts';

export type JobDependencies = Pick<
  Dependencies,
  'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger' | 'jobs' | 'objects'
>;

/**
 * The three steps of a kind of job, each given the job as last recorded and giving it as it should be recorded
 * next. A step may run more than once for one checkpoint (a retry, a resumed execution, a lost race): what it
 * writes besides the job is written so that running it again changes nothing.
 */
export interface JobWork {
  /** Reads the file, checks what can be checked whole, keeps the rows in chunks: the job then runs. */
  prepare(deps: JobDependencies, job: Job): Promise<Job>;
  /** Works through chunk `job.nextChunk` and moves the checkpoint past it. */
  chunk(deps: JobDependencies, job: Job): Promise<Job>;
  /** Once every chunk is through: the result, or back to a chunk when the work must be done again. */
  finish(deps: JobDependencies, job: Job): Promise<Job>;
}

/** The job refused whole: its issues kept (the first KEPT_ISSUES of them), all of them counted. */
export function refused(job: Job, issues: readonly FieldIssue[]): Job {
  return {
    ...job,
    state: 'refused',
    errorsSoFar: job.errorsSoFar + issues.length,
    issues: keepIssues(job.issues, issues),
  };
}

/** A rule of the law that refuses the whole file, as an issue of the job. */
export function issueOfRule(error: DomainError): FieldIssue {
  return {
    field: '(body)',
    code: error.code,
    details: error.details,
  };
}
