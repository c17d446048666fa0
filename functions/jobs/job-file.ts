import * as z from 'zod';
import { CHUNK_ROWS, type Job, objectKeys } from '../../shared/domain/bulk-job.ts';
import { type FieldIssue, ValidationError } from '../../shared/domain/errors.ts';
import { route as importVoterRegister } from '../routes/import-voter-register.ts';
import { route as submitSignatures } from '../routes/submit-signatures.ts';
import type { Dependencies } from '../support/dependencies.ts';
import { operationBody } from '../support/route-dispatch.ts';

/** The rows of one chunk as the job's first step read them, with their lines in the file where it had lines. */
const ChunkSchema = z.object({
  from: z.int().min(0),
  rows: z.array(z.unknown()),
  lines: z.array(z.int()).optional(),
});
export type JobChunk = z.infer<typeof ChunkSchema>;

/** The route whose body a job's file is: its rows go where that route's rows go. */
const routeOf = { 'voter-register': importVoterRegister, signatures: submitSignatures } as const;
const rowsFieldOf = { 'voter-register': 'voters', signatures: 'lines' } as const;

export type FileRead =
  | {
      readonly ok: true;
      readonly body: Record<string, unknown>;
      readonly rows: readonly unknown[];
      readonly lines?: readonly number[];
    }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Reads a job's file as its route would read the same bytes in a request (JSON, JSON lines, CSV in UTF-8 or
 * Windows-1251, XLSX): the operation's body and its rows. A file that cannot be read is refused with the issues
 * a request would get.
 */
export async function readJobFile(deps: Pick<Dependencies, 'objects'>, job: Job): Promise<FileRead> {
  const stored = await deps.objects.get(job.file.key);
  if (stored === null) {
    return {
      ok: false,
      issues: [{ field: 'upload', code: 'UPLOAD_MISSING' }],
    };
  }
  const route = routeOf[job.kind];
  const query = new URLSearchParams(job.source === undefined ? {} : { source: job.source });
  try {
    const { body, rowLines } = await operationBody(route, stored.contentType, stored.bytes, query);
    const rows =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)[rowsFieldOf[job.kind]]
        : undefined;
    if (!Array.isArray(rows) || typeof body !== 'object' || body === null) {
      const field = rowsFieldOf[job.kind];
      return { ok: false, issues: [{ field, code: 'REQUIRED' }] };
    }
    return { ok: true, body: { ...body }, rows, ...(rowLines === undefined ? {} : { lines: rowLines }) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** Cuts the rows into chunks of CHUNK_ROWS and keeps each under the job; how many there are. */
export async function keepChunks(
  deps: Pick<Dependencies, 'objects'>,
  job: Job,
  rows: readonly unknown[],
  lines: readonly number[] | undefined,
): Promise<number> {
  const size = CHUNK_ROWS[job.kind];
  const chunks = Math.ceil(rows.length / size);
  for (let n = 0; n < chunks; n += 1) {
    const from = n * size;
    const chunk: JobChunk = {
      from,
      rows: rows.slice(from, from + size),
      ...(lines === undefined ? {} : { lines: lines.slice(from, from + size) }),
    };
    await deps.objects.put(
      objectKeys.chunk(job.jobId, n),
      Buffer.from(JSON.stringify(chunk)),
      'application/json',
    );
  }
  return chunks;
}

export async function readChunk(deps: Pick<Dependencies, 'objects'>, job: Job, n: number): Promise<JobChunk> {
  const stored = await deps.objects.get(objectKeys.chunk(job.jobId, n));
  if (stored === null) throw new Error('a chunk the job kept is there until the job is done');
  return ChunkSchema.parse(JSON.parse(Buffer.from(stored.bytes).toString('utf8')));
}

/** Removes what the job kept (its chunks, and its file once read): done, nothing of it is read again. */
export async function removeJobFiles(deps: Pick<Dependencies, 'objects'>, job: Job): Promise<void> {
  const chunks = Array.from({ length: job.chunks ?? 0 }, (_, n) => objectKeys.chunk(job.jobId, n));
  await deps.objects.remove([...chunks, job.file.key]);
}
