import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import type { apiClient } from './engine-process.ts';

type Api = ReturnType<typeof apiClient>;

export const JobSchema = z.object({
  jobId: z.string(),
  state: z.enum(['queued', 'running', 'succeeded', 'refused', 'failed']),
  progress: z.object({
    rowsDone: z.int(),
    rowsTotal: z.int().nullable(),
    rowsPerSecond: z.number().nullable(),
    secondsLeft: z.number().nullable(),
  }),
  errorsSoFar: z.int(),
  issues: z.array(z.object({ field: z.string(), code: z.string(), line: z.int().optional() }).loose()),
  result: z.unknown().optional(),
  failure: z.string().optional(),
});
export type JobSeen = z.infer<typeof JobSchema>;
export const AcceptedSchema = z.object({ job: JobSchema, location: z.string() });

const UploadSchema = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
});

/** Asks for an upload, PUTs the file to its URL as a client would; the upload's id. */
export async function uploadFile(
  api: Api,
  baseUrl: string,
  caller: Caller,
  electionId: string,
  upload: { readonly for: 'voter-register' | 'signatures'; readonly caseId?: string },
  file: Uint8Array,
  contentType: string,
): Promise<string> {
  const asked = await api(caller, 'POST', `/elections/${electionId}/uploads`, {
    ...upload,
    contentType,
    bytes: file.byteLength,
  });
  if (asked.status !== 201) throw new Error(`upload refused: ${JSON.stringify(asked.body)}`);
  const { uploadId, url, headers } = UploadSchema.parse(asked.body);
  const put = await fetch(new URL(url, baseUrl), { method: 'PUT', headers, body: file });
  if (put.status !== 200) throw new Error(`upload PUT answered ${put.status}: ${await put.text()}`);
  return uploadId;
}

/** Polls a job until it ends (or `limitMs` passes); every view seen, the last one ended. */
export async function pollJob(
  api: Api,
  caller: Caller,
  location: string,
  limitMs = 120_000,
): Promise<JobSeen[]> {
  const seen: JobSeen[] = [];
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const { status, body } = await api(caller, 'GET', location);
    if (status !== 200) throw new Error(`job answered ${status}: ${JSON.stringify(body)}`);
    const job = JobSchema.parse(body);
    seen.push(job);
    if (job.state !== 'queued' && job.state !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job at ${location} did not end: ${JSON.stringify(seen.at(-1))}`);
}
