// `npm run evidence -- --url <api base> --token <bearer> --election <id> --case <id> --out <file>`: fetches
// every page of a case's evidence and writes them as NDJSON, one page a line, readable by its owner only (the
// pack holds signers' IINs and addresses). Progress goes to stderr; `npm run verify-evidence` proves the file.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';

const usage =
  'usage: npm run evidence -- --url <api base, e.g. http://127.0.0.1:3000> --token <bearer token> ' +
  '--election <electionId> --case <caseId> --out <file>\n' +
  '       (or the token in EVIDENCE_TOKEN instead of --token: a command line is visible to other users)';

/** What the downloader needs of a page to go on; proving it is the verifier's work. */
const PageSchema = z.looseObject({
  page: z.int().min(1),
  events: z.array(z.unknown()),
  signatureLines: z.array(z.unknown()),
  next: z.string().min(1).nullable(),
});
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const options = (() => {
  try {
    const { values } = parseArgs({
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        election: { type: 'string' },
        case: { type: 'string' },
        out: { type: 'string' },
      },
    });
    return z
      .object({
        url: z.url(),
        token: z.string().min(1),
        election: z.string().min(1),
        case: z.string().min(1),
        out: z.string().min(1),
      })
      .parse({ ...values, token: values.token ?? process.env.EVIDENCE_TOKEN });
  } catch {
    return fail(usage, 2);
  }
})();

const evidenceUrl = `${options.url.replace(/\/+$/, '')}/elections/${encodeURIComponent(options.election)}/cases/${encodeURIComponent(options.case)}/evidence`;
// Written beside the target under a name of its own, created for its owner only, and renamed over the target
// once whole: no other user can read it at any moment, and an interrupted download leaves no half pack.
const partial = join(
  dirname(options.out),
  `.${basename(options.out)}.${randomBytes(6).toString('hex')}.partial`,
);
const fd = (() => {
  try {
    return openSync(partial, 'wx', 0o600);
  } catch (error) {
    return fail(`cannot write beside ${options.out}: ${(error as NodeJS.ErrnoException).code ?? error}`, 2);
  }
})();

function abandon(message: string, code: number): never {
  closeSync(fd);
  rmSync(partial, { force: true });
  return fail(message, code);
}

let cursor: string | null = null;
let events = 0;
let lines = 0;
let pages = 0;
do {
  const url: string = cursor === null ? evidenceUrl : `${evidenceUrl}?cursor=${encodeURIComponent(cursor)}`;
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${options.token}`, 'accept-language': 'en' },
    });
    body = await response.json();
  } catch (error) {
    abandon(`page ${pages + 1}: no answer (${error instanceof Error ? error.message : String(error)})`, 1);
  }
  if (!response.ok) {
    const refusal = ErrorSchema.safeParse(body);
    abandon(
      `page ${pages + 1}: ${response.status} ${refusal.success ? `${refusal.data.error.code}: ${refusal.data.error.message}` : ''}`,
      1,
    );
  }
  const page = PageSchema.safeParse(body);
  if (!page.success || page.data.page !== pages + 1) abandon(`page ${pages + 1}: not a page of evidence`, 1);
  pages += 1;
  events += page.data.events.length;
  lines += page.data.signatureLines.length;
  writeSync(fd, `${JSON.stringify(body)}\n`);
  console.error(`page ${pages}: ${events} events, ${lines} signature lines so far`);
  cursor = page.data.next;
} while (cursor !== null);
fsyncSync(fd);
closeSync(fd);
renameSync(partial, options.out);
console.error(`${options.out}: ${pages} pages, ${events} events, ${lines} signature lines (mode 0600)`);
console.error(`check it with: npm run verify-evidence -- ${options.out}`);
