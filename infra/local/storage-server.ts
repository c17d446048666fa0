import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { z } from 'zod';

export interface StorageServer {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const ReadySchema = z.object({ port: z.int() });

/** Starts dynalite in a child process, persisted under `path` (in memory when null), and waits until it listens. */
export function startStorageServer(path: string | null): Promise<StorageServer> {
  if (path !== null) mkdirSync(path, { recursive: true });
  const child = fork(new URL('./storage-process.ts', import.meta.url), [], {
    env: { ...process.env, ...(path === null ? {} : { DYNALITE_PATH: path }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the storage process ended at start (exit ${code})`)));
    child.once('message', (message) => {
      const { port } = ReadySchema.parse(message);
      child.removeAllListeners('exit');
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
  });
}
