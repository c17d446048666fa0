import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { reachableSocketPath, UNIX_ENDPOINT } from '../../shared/storage/document-client.ts';

export interface StorageServer {
  /** `unix:<absolute socket path>`, for `createDynamoClient`. */
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const ReadySchema = z.object({ socket: z.string() });
const SOCKET_NAME = /^storage-[0-9a-f]+\.sock$/;

/** Removes the sockets of earlier storage processes that were killed before they could remove their own. */
function removeStaleSockets(folder: string): void {
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (SOCKET_NAME.test(name) && lstatSync(file, { throwIfNoEntry: false })?.isSocket())
      rmSync(file, { force: true });
  }
}

/**
 * Starts dynalite in a child process, persisted under `path` (in memory when null), and waits until it listens.
 * It listens on a Unix socket beside `path` (in a private temporary folder when in memory), never on TCP.
 * The caller owns the folder (the engine holds the data folder's lock).
 */
export function startStorageServer(path: string | null): Promise<StorageServer> {
  const persisted = path === null ? null : resolve(path);
  if (persisted !== null) mkdirSync(persisted, { recursive: true, mode: 0o700 });
  const folder = persisted === null ? mkdtempSync(join(tmpdir(), 'akim-storage-')) : dirname(persisted);
  const tidy = () => {
    if (persisted === null) rmSync(folder, { recursive: true, force: true });
  };
  // A name of its own per process: a storage process of a killed engine that is still closing removes its own
  // socket file, never the new one.
  const socket = join(folder, `storage-${randomBytes(6).toString('hex')}.sock`);
  let reachable: string;
  try {
    if (persisted !== null) removeStaleSockets(folder);
    reachable = reachableSocketPath(socket);
  } catch (error) {
    tidy();
    return Promise.reject(error);
  }
  const child = fork(new URL('./storage-process.ts', import.meta.url), [], {
    env: {
      ...process.env,
      DYNALITE_SOCKET: reachable,
      ...(persisted === null ? {} : { DYNALITE_PATH: persisted }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.once('exit', tidy);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the storage process ended at start (exit ${code})`)));
    child.once('message', (message) => {
      ReadySchema.parse(message);
      child.removeAllListeners('exit');
      child.once('exit', tidy);
      resolve({
        endpoint: `${UNIX_ENDPOINT}${socket}`,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => {
              tidy();
              done();
            });
            child.disconnect();
          }),
      });
    });
  });
}
