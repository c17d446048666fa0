import dynalite from 'dynalite';
import type { TestProject } from 'vitest/node';
import { installClosingIterators } from '../../infra/local/dynalite-iterators.ts';
import { installTableCache } from '../../infra/local/dynalite-table-cache.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One in-memory dynalite for the whole run, spoken to over HTTP by the real AWS SDK. */
export default async function startDynalite(project: TestProject) {
  // The storage process's dynalite, as the engine runs it.
  installClosingIterators();
  installTableCache();
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('dynalite is not listening on TCP');
  project.provide('dynamoEndpoint', `http://127.0.0.1:${address.port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
