import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { systemClock } from '../../shared/ports/clock.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import { createDocumentClient, type Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { InboxStore } from '../../shared/storage/inbox-store.ts';
import { JobRepository } from '../../shared/storage/job-repository.ts';
import { PublishedList } from '../../shared/storage/published-list.ts';
import { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { VoterRegisterRepository } from '../../shared/storage/voter-register-repository.ts';
import type { AwsAdapter, AwsAdapters, AwsPortName } from './aws-adapters/aws-adapter.ts';
import type { Dependencies } from './dependencies.ts';
import { type LambdaEnvironment, lambdaEnvironment } from './lambda-environment.ts';

export const lambdaLogger = new Logger({ serviceName: 'akim-nominations' });

type TableDependencies = Omit<Dependencies, AwsPortName>;

let container: { env: LambdaEnvironment; table: Table; deps: TableDependencies } | undefined;
const adapted = new Map<AwsAdapter<AwsPortName>, unknown>();

/** What every function has: the table's repositories, the clock, ids and the logger, built once a container. */
function tableDependencies(env: NodeJS.ProcessEnv) {
  if (container !== undefined) return container;
  const config = lambdaEnvironment(env);
  const table = {
    db: createDocumentClient(
      config.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: config.DYNAMODB_ENDPOINT },
    ),
    name: config.TABLE_NAME,
  };
  const deps: TableDependencies = {
    elections: new ElectionRepository(table),
    cases: new CaseRepository(table),
    published: new PublishedList(table),
    signatures: new SignatureRepository(table),
    voters: new VoterRegisterRepository(table),
    jobs: new JobRepository(table),
    inbox: new InboxStore(table),
    clock: systemClock,
    newId: () => crypto.randomUUID(),
    logger: lambdaLogger,
  };
  container = { env: config, table, deps };
  return container;
}

/**
 * The dependencies of a Lambda container: the table's, and the AWS adapters the entry hands in, each client made
 * once on first use and reused across invocations.
 */
export function lambdaDependencies<K extends keyof Dependencies>(
  adapters: AwsAdapters<K>,
  env: NodeJS.ProcessEnv = process.env,
): Pick<Dependencies, K> {
  const { env: config, table, deps } = tableDependencies(env);
  const ports: Partial<Record<AwsPortName, unknown>> = {};
  for (const [port, adapter] of Object.entries(adapters) as [AwsPortName, AwsAdapter<AwsPortName>][]) {
    if (!adapted.has(adapter)) adapted.set(adapter, adapter(config, table));
    ports[port] = adapted.get(adapter);
  }
  return { ...deps, ...ports } as Pick<Dependencies, K>;
}

/**
 * The Lambda entry of a Task state: middy with the Powertools logger (request id and cold start on every
 * line), around the same handler the local engine calls. Errors keep their domain `name` for the ASL. The
 * handler's own dependency type says which AWS adapters the entry must hand in; `awsPorts` tells a test which.
 */
export function lambdaTaskHandler<K extends keyof Dependencies, T>(
  createHandler: (deps: Pick<Dependencies, K>) => (event: unknown) => Promise<T>,
  adapters: AwsAdapters<K>,
) {
  let handler: ((event: unknown) => Promise<T>) | undefined;
  const entry = middy(async (event: unknown) => {
    handler ??= createHandler(lambdaDependencies(adapters));
    return handler(event);
  }).use(injectLambdaContext(lambdaLogger, { resetKeys: true }));
  return Object.assign(entry, { awsPorts: Object.keys(adapters) as AwsPortName[] });
}
