// `npm start`: the engine on its embedded default. Storage is dynalite persisted under DATA_DIR, the workflows
// are the ASL files, the API listens on 127.0.0.1:PORT. CLOCK=manual freezes time (from CLOCK_START, or now)
// until POST /admin/clock moves it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { ValidationError } from '../../shared/domain/errors.ts';
import { RECONCILE_EVERY_MINUTES } from '../../shared/domain/execution-repair.ts';
import { InstantSchema, isBefore } from '../../shared/domain/local-date.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { createDocumentClient, type createDynamoClient } from '../../shared/storage/document-client.ts';
import { createSignInService, idTokenLifetime } from './accounts/sign-in-service.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { DESK_DIST } from './desk-build.ts';
import { deskConfig } from './desk-config.ts';
import { createDeskFiles } from './desk-files.ts';
import { type ClockProgress, Engine } from './engine.ts';
import { createApiServer } from './http-server.ts';
import { LocalObjects } from './local-objects.ts';
import { LocalTokens } from './local-tokens.ts';
import { ManualClock } from './manual-clock.ts';
import { NoticeOutbox } from './notice-outbox.ts';
import { startStorageServer } from './storage-server.ts';
import { ensureTable } from './table-setup.ts';

/** While the manual clock moves: the wake-ups due at its instant, and how many have fired. */
function clockMoveStats(progress: ClockProgress | null): Record<string, Readonly<Record<string, number>>> {
  return progress === null ? {} : { clockMove: { fired: progress.fired, due: progress.due } };
}

/** The high-water mark of a child's resident memory (Linux /proc), 0 where it cannot be read. */
function peakRssOf(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
const manual = process.env.CLOCK === 'manual';
const clockFile = join(dataDir, 'manual-clock.json');
const SavedClockSchema = z.object({ now: InstantSchema });

// Everything the engine creates is its user's alone: the data folder holds every voter's IIN.
process.umask(0o077);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
let unlock: () => void;
try {
  unlock = lockDataDir(dataDir);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
// On a Unix socket in the data folder, which only this user can enter: no other local user reaches storage.
const storage = await startStorageServer(join(dataDir, 'dynamodb')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  unlock();
  process.exit(1);
});
storage.process.once('exit', (code) => {
  console.error(`storage process ended (exit ${code}); the engine stops so that nothing is half-done`);
  process.exit(1);
});
// Counted for /admin/stats: what the engine asks of storage (the benchmark compares it with raw writes).
let storageRequests = 0;
// By kind (GetItem, Query, TransactWriteItems…): the load benchmark's floor makes raw requests of the same kinds.
const storageRequestsByKind: Record<string, number> = {};
const countRequests = (client: ReturnType<typeof createDynamoClient>) =>
  client.middlewareStack.add(
    (next, context) => async (args) => {
      storageRequests += 1;
      const kind = (context.commandName ?? 'unknown').replace(/Command$/, '');
      storageRequestsByKind[kind] = (storageRequestsByKind[kind] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'requestCounter' },
  );
const table = {
  db: createDocumentClient({ endpoint: storage.endpoint, instrument: countRequests }),
  name: 'akim-nominations',
};
// The notice publishers' requests, apart: on AWS they are functions of their own, not the API's.
let noticeStorageRequests = 0;
const noticesClient = createDocumentClient({
  endpoint: storage.endpoint,
  instrument: (client) =>
    client.middlewareStack.add(
      (next) => async (args) => {
        noticeStorageRequests += 1;
        return next(args);
      },
      { step: 'initialize', name: 'noticeRequestCounter' },
    ),
});
await ensureTable(table);

// A manual clock continues, after a restart, from where it was last moved.
const manualClock = manual
  ? new ManualClock(
      existsSync(clockFile)
        ? SavedClockSchema.parse(JSON.parse(readFileSync(clockFile, 'utf8'))).now
        : (process.env.CLOCK_START ?? new Date().toISOString()),
    )
  : null;
if (manualClock) writeFileSync(clockFile, JSON.stringify({ now: manualClock.now() }), { mode: 0o600 });
const engine = new Engine({
  table,
  clock: manualClock ?? systemClock,
  // Upload URLs expire by the engine's clock, manual or real, as createUpload tells the client.
  objects: new LocalObjects(join(dataDir, 'objects'), () => Date.parse((manualClock ?? systemClock).now())),
  logLevel: manual ? 'WARN' : 'INFO',
  // As the stack's EventBridge rule does: an execution that fails or is stopped has its record reconciled at once.
  reconcileEndedExecutions: true,
  // What would go to the SNS topic on AWS: one JSON line a notice. Their publishers' storage requests are
  // theirs, not the API's (on AWS, functions of their own): a client of their own, counted apart.
  notices: {
    sink: new NoticeOutbox(join(dataDir, 'notices.jsonl')),
    table: { db: noticesClient, name: table.name },
  },
});
// No execution of an earlier process survives it: every open election and case gets a new one now, and the
// same comparison runs as often as on AWS after (a failed execution, a lost signal, a wake-up that never fired).
const resumed = await engine.reconcile({ atStartUp: true });
// Notices a stopped process had not yet sent out: published now, in the background.
void engine.notices?.publishOwed();
let reconciling = false;
const reconciler = setInterval(() => {
  if (reconciling) return;
  reconciling = true;
  engine
    .reconcile()
    .catch((error: unknown) =>
      console.error('reconcile failed:', error instanceof Error ? error.name : error),
    )
    .finally(() => {
      reconciling = false;
    });
}, RECONCILE_EVERY_MINUTES * 60_000);

let ticking = false;
const ticker = manualClock
  ? null
  : setInterval(() => {
      if (ticking) return;
      ticking = true;
      engine.tick().finally(() => {
        ticking = false;
      });
    }, 1000);

const moveClock = manualClock
  ? async (to: string) => {
      if (isBefore(to, manualClock.now())) {
        throw new ValidationError([
          {
            field: 'to',
            code: 'INVALID_VALUE',
            details: { allowed: `≥ ${manualClock.now()}` },
          },
        ]);
      }
      await engine.advanceTo(manualClock, to);
      writeFileSync(clockFile, JSON.stringify({ now: manualClock.now() }));
    }
  : undefined;

const tokens = LocalTokens.inDataDir(dataDir);
// ID_TOKEN_SECONDS: an hour unless a test shortens it to watch the desk renew its session.
const idTokenSeconds = idTokenLifetime(process.env.ID_TOKEN_SECONDS);
// The sign-in provider needs the engine's URL, known once the server listens (PORT=0 picks any port).
let signIn: ReturnType<typeof createSignInService> | undefined;
let engineUrl = `http://127.0.0.1:${port}`;
const server = createApiServer({
  deps: engine.deps,
  tokens,
  accounts: engine.accounts,
  signIn: () => signIn,
  desk: createDeskFiles({ distDir: DESK_DIST, config: () => deskConfig(engineUrl) }),
  uploads: engine.objects,
  storage: { endpoint: storage.endpoint, tableName: table.name },
  stats: () => ({
    storageRequests,
    storageRequestsByKind: { ...storageRequestsByKind },
    noticeStorageRequests,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    storagePeakRssBytes: peakRssOf(storage.process.pid),
    executions: engine.workflows.executions().length,
    // While the manual clock moves: the wake-ups due at its instant, and how many have fired.
    ...clockMoveStats(engine.clockProgress()),
  }),
  executions: () => engine.workflows.executions(),
  reconcile: async (request) => {
    const answer = await engine.reconcile(request);
    await engine.workflows.settled();
    return answer;
  },
  ...(moveClock ? { moveClock } : {}),
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}`;
  engineUrl = url;
  signIn = createSignInService({ engineUrl: url, tokens, accounts: engine.accounts, idTokenSeconds });
  console.log(
    [
      `akim-nominations engine listening on ${url}`,
      `data folder: ${dataDir}`,
      `clock: ${manualClock ? `manual, now ${manualClock.now()} (move it: POST ${url}/admin/clock {"to": "<instant>"})` : 'real time'}`,
      `resumed: ${resumed.repaired.filter((r) => r.workflow === 'election-calendar').length} election calendars, ${resumed.repaired.filter((r) => r.workflow === 'nomination-case').length} cases`,
      `the desk: ${url}/ (sign in with an account)`,
      'the first account: npm run users -- add --role commission --scope 1952 --name "…" --admin',
      'a token: npm run token -- --role commission --scope 1952',
    ].join('\n'),
  );
});

async function shutdown() {
  if (ticker) clearInterval(ticker);
  clearInterval(reconciler);
  server.close();
  engine.stop();
  // Repairs of executions that ended badly, under way, finish on the storage they write to.
  await engine.endedExecutionsReconciled();
  storage.process.removeAllListeners('exit');
  await storage.stop();
  unlock();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
