import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  createHandler as createReconcile,
  type ReconcileRequest,
  type RepairDone,
} from '../../functions/reconcile.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import { DEADLINE_SWEEP_EVERY_MINUTES } from '../../shared/domain/inbox.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import { isBefore } from '../../shared/domain/local-date.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { NoticePublisher } from '../../shared/ports/notice-publisher.ts';
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
import { executionStatusChange } from './execution-status-events.ts';
import { localFunctions } from './local-functions.ts';
import { LocalNotices } from './local-notices.ts';
import { LocalObjects } from './local-objects.ts';
import { LocalWakeUps } from './local-wake-ups.ts';
import { type EndedBadly, type LocalFunction, LocalWorkflows } from './local-workflows.ts';
import type { ManualClock } from './manual-clock.ts';

/**
 * How many wake-ups fire together: enough to keep both cores and the storage process busy, few enough that a
 * deadline of 2,345 elections does not start thousands of executions (and their storage requests) at once.
 */
const WAKE_UPS_AT_ONCE = 64;
/** A long clock move says how far it has got at most this often. */
const PROGRESS_EVERY_MS = 5_000;

/** The wake-ups due at one instant of the clock, and how many of them have fired. */
export interface ClockProgress {
  readonly at: Instant;
  readonly fired: number;
  readonly due: number;
}

export interface EngineOptions {
  readonly table: Table;
  readonly clock: Clock;
  /** Where uploads and job files are kept; a new temporary folder when unset. */
  readonly objects?: LocalObjects;
  /** Pause before an ASL retry; the ASL's own seconds when unset. */
  readonly retryPauseMs?: number;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /**
   * Where notices go beyond the inbox (the local stand-in for the SNS topic), and the storage client their
   * publishers use (their own, as their own functions have on AWS; the engine's when unset). Unset, no notice
   * goes anywhere and the engine keeps no stream of its writes.
   */
  readonly notices?: { readonly sink: NoticePublisher; readonly table?: Table };
  /**
   * Reconcile each execution that fails or is stopped as soon as it ends, as the stack's EventBridge rule does on
   * AWS: the scheduled pass passes over records at rest (functions/reconcile.ts). Off, the reconciler runs only
   * when called: how most tests see each repair it makes.
   */
  readonly reconcileEndedExecutions?: boolean;
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
  /** The notices' publisher over the engine's writes and clock, when `notices` is given. */
  readonly notices: LocalNotices | null;
  #lastSweep: number | null = null;
  /** The wake-ups being fired at the clock's instant, while they are: how many of how many. */
  #firing: ClockProgress | null = null;
  #lastReport = 0;
  /** While the manual clock is moved: the sweep runs once, where the move ends. */
  #moving = false;
  readonly #reconcile: (request: unknown) => Promise<{ repaired: RepairDone[] }>;
  readonly #reconcileAtStartUp: (request: ReconcileRequest) => Promise<{ repaired: RepairDone[] }>;
  /** Repairs of ended executions under way (reconcileEndedExecutions). */
  readonly #endedRepairs = new Set<Promise<unknown>>();

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
      ...(options.reconcileEndedExecutions === true
        ? { onEndedBadly: (ended: EndedBadly) => this.#reconcileEnded(ended) }
        : {}),
      ...(options.retryPauseMs === undefined ? {} : { retryPauseMs: options.retryPauseMs }),
    });
    this.workflows = engine;
    this.notices =
      options.notices === undefined
        ? null
        : new LocalNotices(options.table, options.notices.table ?? options.table, {
            sink: options.notices.sink,
            clock: options.clock,
            logger: this.deps.logger,
          });
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

  #reconcileEnded(ended: EndedBadly): void {
    const repair = this.#reconcile(executionStatusChange(ended, this.clock.now())).catch((error: unknown) =>
      this.deps.logger.error('an ended execution was not reconciled', {
        execution: ended.name,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    this.#endedRepairs.add(repair);
    void repair.finally(() => this.#endedRepairs.delete(repair));
  }

  /** Resolves once the repairs of executions that ended badly, started so far, are done. */
  async endedExecutionsReconciled(): Promise<void> {
    while (this.#endedRepairs.size > 0) await Promise.all([...this.#endedRepairs]);
  }

  /**
   * Fires the wake-ups due now and waits until every execution rests again. They fire WAKE_UPS_AT_ONCE at a
   * time, each group's executions let to rest before the next: at a deadline of every election in the country,
   * the calendars' work runs in parallel up to that bound instead of thousands at once. A long move says how far
   * it has got (the log, and /admin/stats).
   */
  async tick(): Promise<void> {
    await this.workflows.settled();
    const at = this.clock.now();
    for (let due = await this.wakeUps.due(at); due.length > 0; due = await this.wakeUps.due(at)) {
      for (let i = 0; i < due.length; i += WAKE_UPS_AT_ONCE) {
        await this.wakeUps.fire(due.slice(i, i + WAKE_UPS_AT_ONCE), this.workflows);
        this.#firing = { at, fired: Math.min(i + WAKE_UPS_AT_ONCE, due.length), due: due.length };
        this.#reportFiring();
        await this.workflows.settled();
      }
    }
    this.#firing = null;
    // The deadline sweep, as often as its schedule runs on AWS.
    const now = Date.parse(this.clock.now());
    if (
      this.notices !== null &&
      !this.#moving &&
      (this.#lastSweep === null || now - this.#lastSweep >= DEADLINE_SWEEP_EVERY_MINUTES * 60_000)
    ) {
      this.#lastSweep = now;
      await this.notices.sweep();
    }
  }

  /** Manual clock: moves time to `to`, one wake-up at a time, letting every execution react in order. */
  async advanceTo(clock: ManualClock, to: Instant): Promise<void> {
    this.#moving = true;
    try {
      await this.#stepTo(clock, to);
    } finally {
      this.#moving = false;
    }
    // Wherever the clock now stands, the warnings due there go out before the move answers.
    await this.notices?.sweep();
  }

  async #stepTo(clock: ManualClock, to: Instant): Promise<void> {
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

  /** How far the wake-ups due at the clock's instant have been fired; null while none are. */
  clockProgress(): ClockProgress | null {
    return this.#firing;
  }

  #reportFiring(): void {
    const firing = this.#firing;
    if (firing === null || firing.fired === firing.due || Date.now() - this.#lastReport < PROGRESS_EVERY_MS)
      return;
    this.#lastReport = Date.now();
    this.deps.logger.info('wake-ups fired', { ...firing });
  }

  stop(): void {
    this.workflows.abortAll();
  }

  #required(engine: LocalWorkflows | undefined): LocalWorkflows {
    if (engine === undefined) throw new Error('the engine is still being built');
    return engine;
  }
}
