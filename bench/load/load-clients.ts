// The load benchmark's clients, in a process of their own (forked by load-run.ts): their event loop and CPU
// are not the engine's nor the driver's, as 32 clerks' browsers would not be. For each job it is sent, it runs
// the API calls, then the same number of the operation's raw storage requests (the floor), at the same
// concurrency, and sends back both.
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { httpClient } from '../http-client.ts';
import { closedLoop } from './closed-loop.ts';
import { type LoadAnswer, type LoadJob, LoadJobSchema, selfFiling } from './load-job.ts';
import { rawOperation } from './storage-mix.ts';

async function run(job: LoadJob): Promise<LoadAnswer> {
  const http = httpClient(job.url, job.clients);
  const headers: Record<string, string> =
    job.authorization === null ? {} : { authorization: job.authorization };
  const path = (n: number) => job.paths[n % job.paths.length] ?? '';
  // A line every 5 s of a long run: how far, how fast, how long still.
  const shown = (calls: number, elapsed: number) =>
    console.log(
      `      ${job.operation}: ${Math.round(elapsed)} / ${job.seconds} s, ${calls.toLocaleString('en')} calls, ${Math.round(calls / elapsed).toLocaleString('en')}/s, ~${Math.max(0, Math.ceil(job.seconds - elapsed))} s left`,
    );
  const api = await closedLoop(
    job.clients,
    job.seconds,
    async (n) => {
      const answer =
        job.operation === 'fileNomination'
          ? await http('POST', path(n), { body: JSON.stringify(selfFiling(job.firstCandidate + n)), headers })
          : await http('GET', path(n), { headers });
      return {
        ok: answer.status < 400,
        detail: `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
      };
    },
    Number.POSITIVE_INFINITY,
    shown,
  );
  // As many raw operations as the API answered, or as many as fit in the same time, whichever comes first.
  const table = { db: createDocumentClient({ endpoint: job.floor.endpoint }), name: job.floor.table };
  const floor = await closedLoop(
    job.clients,
    job.seconds,
    async (n) => {
      await rawOperation(table, job.floor.mix, `${job.operation}.${n}`);
      return { ok: true };
    },
    Math.max(1, api.calls),
  );
  table.db.destroy();
  return { operation: job.operation, api, floor };
}

process.on('message', (message) => {
  run(LoadJobSchema.parse(message)).then(
    (answer) => process.send?.(answer),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.on('disconnect', () => process.exit(0));
