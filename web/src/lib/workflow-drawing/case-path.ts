import type { AslChoiceRule, AslMachine } from './asl-graph.ts';

/**
 * A case's way through its state machine, from its audit trail (getCaseTimeline), which survives new executions:
 * each event moved the case from one status to another, and the definition itself says where each status rests.
 * The machine is a loop over the case record: it starts at `StartAt`, passes the Choice state that routes on the
 * case's status (`$.case.status`) and rests in the state that rule names (a person's step, a check, or the
 * `Default` end). So an event from X to Y is the walk from X's state back through the start to the router, then on
 * to Y's state. Everything is derived from the ASL: a renamed state is followed without a change here.
 *
 * - An event after the execution ended (its status rests in a final state: a cancellation, a reinstatement to
 *   Registered) moves nothing; one that reopens the case (a reinstatement back to the registration decision) is a
 *   new execution: a new run from the start.
 * - `WorkflowFailed`: the failure's Catch (`States.ALL`) from the state the case rested in, to the machine's end.
 * - `ExecutionRestarted`: a new run from the start to the state of the case's status.
 * - Events that change no status (a recount, a repeated signal) move nothing.
 */
export interface TrailEventLike {
  readonly seq: number;
  readonly event: string;
  readonly from: string | null;
  readonly to: string;
  readonly at: string;
}

/** One state passed: when the event that led there happened, and which. */
export interface PathStep {
  readonly state: string;
  readonly seq: number;
  readonly at: string;
}

export interface CasePath {
  /** One list of steps per execution, in order; consecutive steps of a run are transitions of the definition. */
  readonly runs: readonly (readonly PathStep[])[];
  /** Where the case is now: the last step of the last run (null with no events). */
  readonly current: string | null;
  readonly visited: ReadonlySet<string>;
  /** Transitions taken, as `from→to`. */
  readonly taken: ReadonlySet<string>;
}

export const transitionKey = (from: string, to: string) => `${from}→${to}`;

interface Router {
  readonly name: string;
  readonly rules: readonly { readonly status: string; readonly next: string }[];
  readonly fallback: string | null;
}

const STATUS_VARIABLE = /\.status$/;

/** The Choice state that routes on the status, and where each status goes. */
function routerOf(machine: AslMachine): Router | null {
  for (const [name, state] of Object.entries(machine.States)) {
    if (state.Type !== 'Choice') continue;
    const rules = (state.Choices ?? []).flatMap((rule: AslChoiceRule) =>
      typeof rule.Variable === 'string' &&
      STATUS_VARIABLE.test(rule.Variable) &&
      typeof rule.StringEquals === 'string' &&
      typeof rule.Next === 'string'
        ? [{ status: rule.StringEquals, next: rule.Next }]
        : [],
    );
    if (rules.length > 0) return { name, rules, fallback: state.Default ?? null };
  }
  return null;
}

/** The shortest way from one state to another over Next transitions (a state's own flow), both ends included. */
function shortestWay(machine: AslMachine, from: string, to: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as string;
    if (at === to) {
      const way = [at];
      for (let back = cameFrom.get(at); back !== null && back !== undefined; back = cameFrom.get(back)) {
        way.unshift(back);
      }
      return way;
    }
    const next = machine.States[at]?.Next;
    if (next !== undefined && !cameFrom.has(next) && next in machine.States) {
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return null;
}

/** Where a failure from `state` goes: its catch-all, then on by Next to a state with none. */
function failureWay(machine: AslMachine, state: string): string[] {
  const handler = machine.States[state]?.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'))?.Next;
  if (handler === undefined || !(handler in machine.States)) return [];
  const way = [handler];
  for (let next = machine.States[handler]?.Next; next !== undefined && !way.includes(next); ) {
    way.push(next);
    next = machine.States[next]?.Next;
  }
  return way;
}

function isFinal(machine: AslMachine, state: string): boolean {
  const type = machine.States[state]?.Type;
  return type === 'Succeed' || type === 'Fail';
}

/** The case's path through `machine` from its trail's events (any order; they are sorted by `seq`). */
export function casePath(machine: AslMachine, events: readonly TrailEventLike[]): CasePath {
  const router = routerOf(machine);
  const runs: PathStep[][] = [];
  const restingState = (status: string) =>
    router?.rules.find((rule) => rule.status === status)?.next ?? router?.fallback ?? null;
  const entry = router === null ? null : shortestWay(machine, machine.StartAt, router.name);
  const stepsOf = (states: readonly string[], event: TrailEventLike) =>
    states.map((state) => ({ state, seq: event.seq, at: event.at }));
  const startRun = (status: string, event: TrailEventLike) => {
    const rest = restingState(status);
    if (entry !== null && rest !== null) runs.push(stepsOf([...entry, rest], event));
  };
  const here = () => runs[runs.length - 1]?.at(-1)?.state ?? null;
  const extend = (states: readonly string[], event: TrailEventLike) =>
    runs[runs.length - 1]?.push(...stepsOf(states, event));

  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.event === 'NominationFiled' || runs.length === 0) {
      // A trail whose beginning is missing starts where its first event found the case, then applies the event.
      const first = event.event === 'NominationFiled' || event.from === null ? event.to : event.from;
      startRun(first, event);
      if (first === event.to) continue;
    }
    const from = here();
    if (event.event === 'WorkflowFailed') {
      if (from !== null && !isFinal(machine, from)) extend(failureWay(machine, from), event);
      continue;
    }
    if (event.event === 'ExecutionRestarted') {
      startRun(event.to, event);
      continue;
    }
    const to = restingState(event.to);
    if (event.from === event.to || router === null || from === null || to === null) continue;
    if (isFinal(machine, from)) {
      // The execution has ended: a change that keeps the case closed is a write to the record only; one that
      // reopens it is a new execution.
      if (!isFinal(machine, to)) startRun(event.to, event);
      continue;
    }
    const back = shortestWay(machine, from, router.name);
    if (back !== null) extend([...back.slice(1), to], event);
  }

  const taken = new Set<string>();
  const visited = new Set<string>();
  for (const steps of runs) {
    steps.forEach((step, index) => {
      visited.add(step.state);
      const previous = steps[index - 1];
      if (previous !== undefined) taken.add(transitionKey(previous.state, step.state));
    });
  }
  const lastRun = runs[runs.length - 1];
  return {
    runs,
    current: lastRun?.[lastRun.length - 1]?.state ?? null,
    visited,
    taken,
  };
}
