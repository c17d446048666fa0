// `npm run import -- --url <api base> --election <id> (--register <file> [--source <text>] | --case <id> --sheets <file>)`:
// sends a voter register or signature sheets from a file (CSV in UTF-8 or Windows-1251, XLSX, JSON lines) through
// an upload and a job, whatever its size, and shows the job's progress (rows, rate, time left) until it ends. The
// token goes in IMPORT_TOKEN (a command line is visible to other users). Sending the same file again names the
// same job: an interrupted import is resumed by running the command again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';

const usage =
  'usage: npm run import -- --url <api base, e.g. http://127.0.0.1:3000> --election <electionId>\n' +
  '         (--register <file> [--source <where the list comes from>] | --case <caseId> --sheets <file>) [--lang kk|ru|en]\n' +
  '       the bearer token in IMPORT_TOKEN; files: .csv (UTF-8 or Windows-1251), .xlsx, .jsonl';

const JobSchema = z.looseObject({
  state: z.string(),
  progress: z.object({
    rowsDone: z.int(),
    rowsTotal: z.int().nullable(),
    rowsPerSecond: z.number().nullable(),
    secondsLeft: z.number().nullable(),
  }),
  errorsSoFar: z.int(),
  issues: z.array(z.looseObject({ field: z.string(), message: z.unknown(), line: z.int().optional() })),
  result: z.unknown().optional(),
  failure: z.string().optional(),
});
const AcceptedSchema = z.object({ job: JobSchema, location: z.string() });
const UploadSchema = z.object({
  uploadId: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
});
const ErrorSchema = z.object({ error: z.looseObject({ code: z.string(), message: z.string() }) });

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const options = (() => {
  try {
    const { values } = parseArgs({
      options: {
        url: { type: 'string' },
        election: { type: 'string' },
        register: { type: 'string' },
        source: { type: 'string' },
        case: { type: 'string' },
        sheets: { type: 'string' },
        lang: { type: 'string' },
      },
    });
    const parsed = z
      .object({
        url: z.url(),
        token: z.string().min(1),
        election: z.string().min(1),
        register: z.string().min(1).optional(),
        source: z.string().min(1).optional(),
        case: z.string().min(1).optional(),
        sheets: z.string().min(1).optional(),
        lang: z.enum(['kk', 'ru', 'en']).default('kk'),
      })
      .parse({ ...values, token: process.env.IMPORT_TOKEN });
    if ((parsed.register === undefined) === (parsed.sheets === undefined)) throw new Error('one file');
    if (parsed.sheets !== undefined && parsed.case === undefined) throw new Error('sheets need their case');
    return parsed;
  } catch {
    return fail(usage, 2);
  }
})();

/** The media type the API reads a file as, by its extension; a CSV that is not UTF-8 is Windows-1251. */
function contentTypeOf(path: string, bytes: Uint8Array): string {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (extension === '.jsonl' || extension === '.ndjson') return 'application/x-ndjson';
  if (extension === '.json') return 'application/json';
  if (extension !== '.csv') return fail(`${path}: not a .csv, .xlsx or .jsonl file`, 2);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/csv';
  } catch {
    return 'text/csv; charset=windows-1251';
  }
}

const base = options.url.replace(/\/+$/, '');
async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token}`,
      'accept-language': options.lang,
      'content-type': 'application/json',
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (response.status >= 400) {
    const error = ErrorSchema.safeParse(answer);
    fail(
      error.success ? `${error.data.error.code}: ${error.data.error.message}` : `HTTP ${response.status}`,
      1,
    );
  }
  return { status: response.status, body: answer };
}

const file = options.register ?? options.sheets ?? '';
const bytes = (() => {
  try {
    return readFileSync(file);
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`, 2);
  }
})();
const contentType = contentTypeOf(file, bytes);
const election = encodeURIComponent(options.election);
const kind = options.register === undefined ? 'signatures' : 'voter-register';
const route =
  options.case === undefined
    ? `/elections/${election}/voter-register`
    : `/elections/${election}/cases/${encodeURIComponent(options.case)}/signatures`;

console.error(`${file}: ${bytes.byteLength.toLocaleString('en')} bytes, ${contentType}`);
const asked = await call('POST', `/elections/${election}/uploads`, {
  for: kind,
  ...(options.case === undefined ? {} : { caseId: options.case }),
  contentType,
  bytes: bytes.byteLength,
});
const upload = UploadSchema.parse(asked.body);
const put = await fetch(new URL(upload.url, `${base}/`), {
  method: 'PUT',
  headers: upload.headers,
  body: bytes,
});
if (put.status !== 200) fail(`the upload was refused (HTTP ${put.status})`, 1);
// The key is the file's: running the command again with the same file finds the same job.
const key = createHash('sha256').update(bytes).update(route).digest('hex');
const started = await call(
  'POST',
  route,
  { upload: upload.uploadId, ...(options.source === undefined ? {} : { source: options.source }) },
  { 'idempotency-key': key },
);
const { location } = AcceptedSchema.parse(started.body);

const fmt = (n: number) => Math.round(n).toLocaleString('en');
let job = AcceptedSchema.parse(started.body).job;
for (;;) {
  const { rowsDone, rowsTotal, rowsPerSecond, secondsLeft } = job.progress;
  console.error(
    `${job.state}: ${fmt(rowsDone)} / ${rowsTotal === null ? '?' : fmt(rowsTotal)} rows` +
      (rowsPerSecond === null ? '' : `, ${fmt(rowsPerSecond)} rows/s`) +
      (secondsLeft === null ? '' : `, ~${secondsLeft} s left`) +
      (job.errorsSoFar > 0 ? `, ${fmt(job.errorsSoFar)} at fault so far` : ''),
  );
  if (job.state !== 'queued' && job.state !== 'running') break;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  job = JobSchema.parse((await call('GET', location)).body);
}
if (job.state === 'succeeded') {
  console.log(JSON.stringify(job.result, null, 2));
  process.exit(0);
}
for (const issue of job.issues) {
  const message = z.record(z.string(), z.string()).safeParse(issue.message);
  const text = message.success ? message.data[options.lang] : String(issue.message);
  console.error(`${issue.line === undefined ? issue.field : `line ${issue.line}`}: ${text}`);
}
if (job.errorsSoFar > job.issues.length) console.error(`… ${fmt(job.errorsSoFar)} in all`);
fail(
  job.state === 'failed'
    ? `the job failed (${job.failure ?? 'unknown'}); run the command again to resume it`
    : 'the file was refused whole; nothing was kept',
  1,
);
