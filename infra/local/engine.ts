import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  createHandler as createReconcile,
  type ReconcileRequest,
  type RepairDone,
} from '../../functions/reconcile.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import { isBefore } from '../../shared/domain/local-date.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Workflows } from '../../shared/ports/workflows.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { InboxStore } from '../../shared/storage/inbox-store.ts';
import { JobRepository } from '../../shared/storage/job-repository.ts';
import { PublishedList } from '../../shared/storage/published-list.ts';
import { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import { VoterRegisterRepository } from '../../shared/storage/voter-register-repository.ts';
import { loadAllWorkflows } from '../../shared/workflow-definitions.ts';
import { LocalAccountDirectory } from './accounts/local-account-directory.ts';
import { localFunctions } from './local-functions.ts';
import { LocalObjects } from './local-objects.ts';
import { LocalWakeUps } from './local-wake-ups.ts';
import { type LocalFunction, LocalWorkflows } from './local-workflows.ts';
import type { ManualClock } from './manual-clock.ts';

export interface EngineOptions {
  readonly table: Table;
  readonly clock: Clock;
  /** Where uploads and job files are kept; a new temporary folder when unset. */
  readonly objects?: LocalObjects;
  /** Pause before an ASL retry; the ASL's own seconds when unset. */
  readonly retryPauseMs?: number;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Wraps handlers before the engine uses them: how the reliability tests inject faults. */
  readonly wrapFunctions?: (functions: Record<string, LocalFunction>) => Record<string, LocalFunction>;
}

/**
 * The embedded engine: the ASL files run by aws-local-stepfunctions over the real handlers and storage,
 * with wake-ups that survive a restart and a clock that is real or moved by hand.
 */
export class Engine {
  readonly deps: Dependencies;
  readonly workflows: LocalWorkflows;
  readonly wakeUps: LocalWakeUps;
  readonly clock: Clock;
  readonly objects: LocalObjects;
  readonly accounts: LocalAccountDirectory;
  readonly #reconcile: (request: ReconcileRequest) => Promise<{ repaired: RepairDone[] }>;
  readonly #reconcileAtStartUp: (request: ReconcileRequest) => Promise<{ repaired: RepairDone[] }>;

  constructor(options: EngineOptions) {
    this.clock = options.clock;
    this.wakeUps = new LocalWakeUps(options.table);
    this.objects = options.objects ?? LocalObjects.temporary();
    this.accounts = new LocalAccountDirectory(options.table);
    // Handlers need the engine to start and signal workflows, and the engine needs the handlers: late-bound.
    let engine: LocalWorkflows | undefined;
    const workflows: Workflows = {
      start: (workflow, name, input) => this.#required(engine).start(workflow, name, input),
      sendTaskSuccess: (token, output) => this.#required(engine).sendTaskSuccess(token, output),
      describe: (workflow, name) => this.#required(engine).describe(workflow, name),
      stop: (workflow, name) => this.#required(engine).stop(workflow, name),
    };
    this.deps = {
      elections: new ElectionRepository(options.table),
      cases: new CaseRepository(options.table),
      published: new PublishedList(options.table),
      signatures: new SignatureRepository(options.table),
      voters: new VoterRegisterRepository(options.table),
      jobs: new JobRepository(options.table),
      inbox: new InboxStore(options.table),
      objects: this.objects,
      workflows,
      accounts: this.accounts,
      wakeUps: this.wakeUps,
      clock: options.clock,
      newId: randomUUID,
      logger: new Logger({ serviceName: 'akim-nominations', logLevel: options.logLevel ?? 'INFO' }),
    };
    engine = new LocalWorkflows({
      definitions: loadAllWorkflows(),
      functions: (options.wrapFunctions ?? ((fns) => fns))(localFunctions(this.deps)),
      ...(options.retryPauseMs === undefined ? {} : { retryPauseMs: options.retryPauseMs }),
    });
    this.workflows = engine;
    this.#reconcile = createReconcile(this.deps);
    this.#reconcileAtStartUp = createReconcile(this.deps, { atStartUp: true });
  }

  /**
   * Compares every open election and case with its execution and repairs the difference (functions/reconcile.ts):
   * at start-up, where no execution of an earlier process survives, every open record gets a new one at once.
   */
  async reconcile(
    request: ReconcileRequest & { readonly atStartUp?: boolean } = {},
  ): Promise<{ repaired: RepairDone[] }> {
    const { atStartUp, ...scope } = request;
    return (atStartUp ? this.#reconcileAtStartUp : this.#reconcile)(scope);
  }

  /** Fires the wake-ups due now and waits until every execution rests again. */
  async tick(): Promise<void> {
    await this.workflows.settled();
    while ((await this.wakeUps.fireDue(this.clock.now(), this.workflows)) > 0) {
      await this.workflows.settled();
    }
  }

  /** Manual clock: moves time to `to`, one wake-up at a time, letting every execution react in order. */
  async advanceTo(clock: ManualClock, to: Instant): Promise<void> {
    await this.tick();
    for (
      let next = await this.wakeUps.next();
      next !== null && !isBefore(to, next);
      next = await this.wakeUps.next()
    ) {
      if (isBefore(clock.now(), next)) clock.set(next);
      await this.tick();
    }
    clock.set(to);
    await this.tick();
  }

  stop(): void {
    this.workflows.abortAll();
  }

  #required(engine: LocalWorkflows | undefined): LocalWorkflows {
    if (engine === undefined) throw new Error('the engine is still being built');
    return engine;
  }
}
