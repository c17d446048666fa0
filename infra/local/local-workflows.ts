import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import * as z from 'zod';
import type { ExecutionStatus } from '../../shared/domain/execution-repair.ts';
import type { WorkflowName, Workflows } from '../../shared/ports/workflows.ts';
import { type AslDefinition, taskStates } from '../../shared/workflow-definitions.ts';
import { TaskTokens } from './task-tokens.ts';

/** A handler as the engine calls it: the Lambda payload in, the Lambda result out. */
export type LocalFunction = (payload: unknown) => Promise<unknown>;

type Overrides = NonNullable<RunOptions['overrides']>;

export interface ExecutionView {
  readonly workflow: WorkflowName;
  readonly name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  currentState: string | null;
  error: string | null;
  readonly history: { readonly type: string; readonly state?: string; readonly at: string }[];
}

export interface LocalWorkflowsOptions {
  readonly definitions: Readonly<Record<WorkflowName, AslDefinition>>;
  /** Handlers by the function name the ASL placeholders use (`${LoadCaseFunctionArn}` → `LoadCase`). */
  readonly functions: Readonly<Record<string, LocalFunction>>;
  /** Pause before a retry, instead of the ASL's seconds (tests keep it short). */
  readonly retryPauseMs?: number;
  /** Told of each execution that failed or was stopped, as Step Functions tells EventBridge. */
  readonly onEndedBadly?: (ended: EndedBadly) => void;
}

/** An execution that failed or was stopped, with the input it was started with. */
export interface EndedBadly {
  readonly workflow: WorkflowName;
  readonly name: string;
  readonly status: 'FAILED' | 'ABORTED';
  readonly input: unknown;
}

const LambdaPayloadSchema = z.looseObject({ Payload: z.unknown() });
const TokenPayloadSchema = z.looseObject({ taskToken: z.string() });
/** What crosses into an execution goes through JSON, as it does between Lambda and Step Functions. */
function asJson(value: unknown) {
  return JSON.parse(JSON.stringify(value ?? null));
}

const toDefinition = z.custom<StateMachineDefinition>((value) => typeof value === 'object' && value !== null);

/**
 * Runs the ASL files themselves with aws-local-stepfunctions, every Task state mapped to its handler module.
 * Adds what the library lacks: `.waitForTaskToken` (tokens minted from `$$.Task.Token`, parked until
 * sendTaskSuccess), a registry of executions, and `settled()` to know when every execution waits or is done.
 */
export class LocalWorkflows implements Workflows {
  readonly #machines: Record<WorkflowName, { machine: StateMachine; overrides: Overrides }>;
  readonly #functions: Readonly<Record<string, LocalFunction>>;
  readonly #tokens = new TaskTokens();
  readonly #executions = new Map<string, ExecutionView>();
  readonly #aborts = new Set<() => void>();
  readonly #abortOf = new Map<string, () => void>();
  /** Which execution minted each token still waited on, and which executions are parked on one. */
  readonly #ownerOf = new Map<string, string>();
  readonly #parked = new Set<string>();
  #busy = 0;
  #idleWaiters: (() => void)[] = [];
  readonly #onEndedBadly: ((ended: EndedBadly) => void) | undefined;

  constructor(options: LocalWorkflowsOptions) {
    this.#functions = options.functions;
    this.#onEndedBadly = options.onEndedBadly;
    // Built once per machine: every Task state mapped to its handler (a missing one fails here, at start-up).
    // The library's own asl-validator is skipped: it compiled its JSON schemas for most of a second at every
    // start, and the files are validated where they change, by test/workflows/definitions.test.ts (asl-validator
    // 4, newer than the library's) and by Step Functions itself on deploy.
    const machine = (definition: AslDefinition) => ({
      machine: new StateMachine(toDefinition.parse(definition), { validationOptions: { noValidate: true } }),
      overrides: {
        taskResourceLocalHandlers: Object.fromEntries(
          taskStates(definition).map((task) => [task.stateName, this.#override(task)]),
        ),
        ...(options.retryPauseMs === undefined
          ? {}
          : {
              retryIntervalOverrides: Object.fromEntries(
                Object.keys(definition.States).map((state) => [state, options.retryPauseMs ?? 0]),
              ),
            }),
      },
    });
    this.#machines = {
      'nomination-case': machine(options.definitions['nomination-case']),
      'election-calendar': machine(options.definitions['election-calendar']),
      'bulk-job': machine(options.definitions['bulk-job']),
    };
  }

  async start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void> {
    const key = `${workflow}:${name}`;
    // As on Step Functions, a name is used once: an execution of that name, running or ended, is the one.
    if (this.#executions.has(key)) return;
    const { machine, overrides } = this.#machines[workflow];
    const view: ExecutionView = {
      workflow,
      name,
      status: 'RUNNING',
      currentState: null,
      error: null,
      history: [],
    };
    this.#executions.set(key, view);

    const tokens = this.#tokens;
    const ownerOf = this.#ownerOf;
    const startInput = asJson(input);
    const execution = machine.run(startInput, {
      overrides,
      noThrowOnAbort: true,
      // Each read of $$.Task.Token (once per attempt of a waiting task) mints a fresh token.
      context: {
        Task: {
          get Token() {
            const token = tokens.mint();
            ownerOf.set(token, key);
            return token;
          },
        },
      },
    });
    this.#aborts.add(execution.abort);
    this.#abortOf.set(key, () => {
      view.status = 'ABORTED';
      // A parked execution no longer counts as busy; its end below counts it out once more.
      if (this.#parked.delete(key)) this.#busy += 1;
      // Its tokens resume nothing any more: a late signal to one of them is ignored, as on Step Functions.
      for (const [token, owner] of this.#ownerOf) {
        if (owner !== key) continue;
        this.#tokens.forget(token);
        this.#ownerOf.delete(token);
      }
      execution.abort();
    });
    this.#busy += 1;
    void this.#follow(view, execution.eventLogs);
    execution.result
      .then(
        () => {
          if (view.status === 'RUNNING') view.status = 'SUCCEEDED';
        },
        (error: unknown) => {
          view.status = 'FAILED';
          view.error = error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => {
        this.#aborts.delete(execution.abort);
        this.#abortOf.delete(key);
        this.#setBusy(-1);
        if (view.status === 'FAILED' || view.status === 'ABORTED') {
          this.#onEndedBadly?.({ workflow, name, status: view.status, input: startInput });
        }
      });
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    this.#tokens.succeed(taskToken, output);
  }

  async describe(workflow: WorkflowName, name: string): Promise<ExecutionStatus> {
    return this.#executions.get(`${workflow}:${name}`)?.status ?? 'NOT_FOUND';
  }

  async stop(workflow: WorkflowName, name: string): Promise<void> {
    this.#abortOf.get(`${workflow}:${name}`)?.();
  }

  execution(workflow: WorkflowName, name: string): ExecutionView | undefined {
    return this.#executions.get(`${workflow}:${name}`);
  }

  executions(): ExecutionView[] {
    return [...this.#executions.values()];
  }

  /** Resolves once no execution is running a state: each is parked on a token, or finished. */
  async settled(): Promise<void> {
    for (;;) {
      // A signal resumes its execution a few microtasks later: look only after they have run.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#busy === 0) return;
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
  }

  /**
   * Ends every execution where it stands, as a crash would: nothing more runs, no failure path is taken.
   * The records keep the truth; a new engine resumes from them.
   */
  abortAll(): void {
    for (const abort of this.#aborts) abort();
    this.#tokens.dropAll();
  }

  #override(task: ReturnType<typeof taskStates>[number]) {
    const fn = this.#functions[task.functionName];
    if (fn === undefined) throw new Error(`no local handler for ${task.functionName}`);
    return async (input: unknown) => {
      const { Payload } = LambdaPayloadSchema.parse(input);
      if (!task.waitsForToken) {
        // The shape of CDK's lambda:invoke integration, so the ASL reads `$.Payload` in both places.
        return asJson({ StatusCode: 200, Payload: await fn(Payload) });
      }
      const { taskToken } = TokenPayloadSchema.parse(Payload);
      const parked = this.#tokens.park(taskToken);
      const owner = this.#ownerOf.get(taskToken);
      try {
        await fn(Payload);
      } catch (error) {
        this.#tokens.forget(taskToken);
        throw error;
      }
      if (owner !== undefined) this.#parked.add(owner);
      this.#setBusy(-1);
      try {
        return asJson(await parked);
      } finally {
        if (owner !== undefined) this.#parked.delete(owner);
        this.#ownerOf.delete(taskToken);
        this.#busy += 1;
      }
    };
  }

  #setBusy(delta: number): void {
    this.#busy += delta;
    if (this.#busy > 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async #follow(
    view: ExecutionView,
    events: AsyncGenerator<{ type: string; timestamp: number; state?: { name: string } }>,
  ) {
    for await (const event of events) {
      const at = new Date(event.timestamp).toISOString();
      view.history.push({ type: event.type, ...(event.state ? { state: event.state.name } : {}), at });
      if (event.type === 'StateEntered' && event.state) view.currentState = event.state.name;
    }
  }
}
