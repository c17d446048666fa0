import { createHash } from 'node:crypto';
import * as z from 'zod';
import { ActorSchema } from './case-trail.ts';
import { issueInWords } from './error-catalogue.ts';
import type { FieldIssue } from './errors.ts';
import { type Instant, InstantSchema } from './local-date.ts';

/**
 * Bulk work too large for one request: a voter register or a submission of signature sheets, read from a file
 * (uploaded, or kept from a request's body) and worked through in checkpointed chunks by the bulk-job workflow.
 */
export const jobKinds = ['voter-register', 'signatures'] as const;
export type JobKind = (typeof jobKinds)[number];

/**
 * Up to these sizes a request answers with its result; above, it answers 202 with a job. A register of 20,000
 * rows is checked and kept in well under a second, and 2,000 signature lines are counted in a few seconds: both
 * far inside the 29 s an API Gateway request may take and the local engine's 10 s budget.
 */
export const SYNCHRONOUS_ROWS: Readonly<Record<JobKind, number>> = {
  'voter-register': 20_000,
  signatures: 2_000,
};

/** The largest file each kind of job reads (a register of 100,000 voters exported with names and addresses is ~15 MB). */
export const UPLOAD_MAX_BYTES: Readonly<Record<JobKind, number>> = {
  'voter-register': 64 * 1024 * 1024,
  signatures: 16 * 1024 * 1024,
};

/** How long an upload URL may be used. */
export const UPLOAD_URL_SECONDS = 15 * 60;

/**
 * Rows per chunk: what one Task works through before it records its checkpoint. A chunk of signature lines is
 * counted in a few seconds (each signer is a conditional write or two); a chunk of register rows is only checked.
 */
export const CHUNK_ROWS: Readonly<Record<JobKind, number>> = {
  'voter-register': 20_000,
  signatures: 1_000,
};

/** How many of a refused file's issues the job keeps to show (the count is always whole). */
export const KEPT_ISSUES = 100;

export const JobStateSchema = z.enum(['queued', 'running', 'succeeded', 'refused', 'failed']);
export type JobState = z.infer<typeof JobStateSchema>;

/** The states a job stays in while work remains. */
export const ACTIVE_JOB_STATES: readonly JobState[] = ['queued', 'running'];

const StoredIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  line: z.int().optional(),
});

export const JobSchema = z.object({
  jobId: z.string(),
  electionId: z.string(),
  kind: z.enum(jobKinds),
  /** The case of a signatures job. */
  caseId: z.string().optional(),
  startedBy: ActorSchema,
  /** The file the job reads: an object key in the object store, with its media type. */
  file: z.object({ key: z.string(), contentType: z.string(), bytes: z.int().min(0) }),
  /** Where a register comes from (kept with it). */
  source: z.string().optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  state: JobStateSchema,
  /** Rows in the file, once it is read; null before. */
  rowsTotal: z.int().min(0).nullable(),
  rowsDone: z.int().min(0),
  /** Chunks the rows were cut into, once the file is read; the next chunk to work through. */
  chunks: z.int().min(0).nullable(),
  nextChunk: z.int().min(0),
  /** Rows found at fault so far: bad rows of a register, rejected lines of a submission. */
  errorsSoFar: z.int().min(0),
  issues: z.array(StoredIssueSchema),
  /** What the job came to: the register in force, or the submission's verdict. */
  result: z.unknown().optional(),
  /** Why a job failed, by error name: no message (it may quote the file). */
  failure: z.string().optional(),
  /** Executions started for it: a new one resumes from the checkpoint under a new name. */
  attempt: z.int().min(1),
  /** For a signatures job: the submission, by the content hash of its lines, once read. */
  submissionId: z.string().optional(),
  /** For a signatures job: what the chunks counted so far, beside errorsSoFar (the lines rejected). */
  tally: z
    .object({ reasons: z.record(z.string(), z.int().min(0)), crossCandidateSupport: z.int().min(0) })
    .optional(),
  /** For a signatures job: the register snapshot its rows make, once checked. */
  snapshotId: z.string().optional(),
  /** For a signatures job whose sample's projection fell between the bands: every line is checked. */
  checkAll: z.boolean().optional(),
});
export type Job = z.infer<typeof JobSchema>;

/**
 * A job's id: the same request (same kind, resource, caller and Idempotency-Key, or the same content when it
 * has no key) is the same job, so a retry finds the job it started and never starts a second.
 */
export function jobIdOf(parts: {
  readonly kind: JobKind;
  readonly electionId: string;
  readonly caseId?: string | undefined;
  readonly requestKey: string;
}): string {
  const text = [parts.kind, parts.electionId, parts.caseId ?? '', parts.requestKey].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The name of the job's execution: its id, then a suffix for each resumption. */
export function jobExecutionName(jobId: string, attempt: number): string {
  return attempt === 1 ? `job-${jobId}` : `job-${jobId}-${attempt}`;
}

export const objectKeys = {
  /** An upload of a caller for one job kind: the key names the resource, so it is used only for that resource. */
  upload: (electionId: string, kind: JobKind, caseId: string | undefined, uploadId: string) =>
    `uploads/${electionId}/${kind}/${caseId ?? 'register'}/${uploadId}`,
  /** A request's body kept for its job. */
  requestBody: (jobId: string) => `jobs/${jobId}/request`,
  /** The rows of one chunk, as the job's first step read them from the file. */
  chunk: (jobId: string, n: number) => `jobs/${jobId}/chunk-${String(n).padStart(5, '0')}.json`,
} as const;

/** A new job, queued: its file known, nothing read yet. */
export function newJob(
  fields: Pick<Job, 'jobId' | 'electionId' | 'kind' | 'startedBy' | 'file'> & {
    readonly caseId?: string | undefined;
    readonly source?: string | undefined;
  },
  now: Instant,
): Job {
  const { caseId, source, ...rest } = fields;
  return {
    ...rest,
    ...(caseId === undefined ? {} : { caseId }),
    ...(source === undefined ? {} : { source }),
    createdAt: now,
    updatedAt: now,
    state: 'queued',
    rowsTotal: null,
    rowsDone: 0,
    chunks: null,
    nextChunk: 0,
    errorsSoFar: 0,
    issues: [],
    attempt: 1,
  };
}

/**
 * The longest text of an issue kept on a job: what a file quotes (an unknown column's name) is cut as an error
 * answer cuts it, so that 100 issues always fit the job's item (at most 400 KB) and a job never echoes a file.
 */
const KEPT_TEXT_CHARS = 200;

function cut(text: string): string {
  return text.length > KEPT_TEXT_CHARS ? `${text.slice(0, KEPT_TEXT_CHARS)}…` : text;
}

/** Issues added to those kept, up to KEPT_ISSUES, their texts cut to KEPT_TEXT_CHARS. */
export function keepIssues(kept: Job['issues'], more: readonly FieldIssue[]): Job['issues'] {
  const room = Math.max(0, KEPT_ISSUES - kept.length);
  const added = more.slice(0, room).map((issue) => {
    const { code, message } = issueInWords(issue);
    return {
      field: cut(issue.field),
      code,
      message: { kk: cut(message.kk), ru: cut(message.ru), en: cut(message.en) },
      ...(issue.line === undefined ? {} : { line: issue.line }),
    };
  });
  return [...kept, ...added];
}

/** Whether work remains. */
export function isActive(job: Pick<Job, 'state'>): boolean {
  return ACTIVE_JOB_STATES.includes(job.state);
}

/**
 * What a client sees of a job: where it stands (rows done of total, rate, time left), the errors so far, and
 * its result once done. No personal data is ever on a job.
 */
export function jobView(job: Job, now: Instant) {
  const elapsedSeconds = Math.max(0, (Date.parse(now) - Date.parse(job.createdAt)) / 1000);
  const rate = elapsedSeconds > 0 && job.rowsDone > 0 ? job.rowsDone / elapsedSeconds : null;
  const left = job.rowsTotal === null ? null : job.rowsTotal - job.rowsDone;
  return {
    jobId: job.jobId,
    electionId: job.electionId,
    kind: job.kind,
    ...(job.caseId === undefined ? {} : { caseId: job.caseId }),
    state: job.state,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    progress: {
      rowsDone: job.rowsDone,
      rowsTotal: job.rowsTotal,
      rowsPerSecond: rate === null ? null : Math.round(rate),
      secondsLeft:
        rate === null || left === null || !isActive(job) ? null : Math.ceil(Math.max(0, left) / rate),
    },
    errorsSoFar: job.errorsSoFar,
    issues: job.issues,
    ...(job.result === undefined ? {} : { result: job.result }),
    ...(job.failure === undefined ? {} : { failure: job.failure }),
  };
}
export type JobView = ReturnType<typeof jobView>;
