/**
 * A state machine's ASL definition as a graph to draw: every top-level state a node, every transition an edge
 * (`Next`, each Choice rule and its `Default`, each `Catch`). A Parallel or Map state is one node that says how many
 * branches or inner states it holds: the desk draws the flow a case goes through, not the inside of a fan-out.
 * Pure, DOM-free; the input is the ASL JSON as it is (the desk imports the files at build time, `definitions.ts`).
 */

export interface AslChoiceRule {
  readonly Next?: string;
  readonly Variable?: string;
  readonly StringEquals?: string;
  readonly BooleanEquals?: boolean;
  readonly And?: readonly AslChoiceRule[];
  readonly Or?: readonly AslChoiceRule[];
  readonly Not?: AslChoiceRule;
  readonly [key: string]: unknown;
}

export interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: readonly AslChoiceRule[];
  readonly Catch?: readonly { readonly ErrorEquals: readonly string[]; readonly Next: string }[];
  readonly Resource?: string;
  readonly Branches?: readonly AslMachine[];
  readonly ItemProcessor?: AslMachine;
  readonly Iterator?: AslMachine;
  readonly [key: string]: unknown;
}

export interface AslMachine {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
  readonly [key: string]: unknown;
}

/** How a state is drawn: a person's step (a task waiting for a token) looks different from the engine's own. */
export type StateKind =
  | 'task'
  | 'human-task'
  | 'choice'
  | 'succeed'
  | 'fail'
  | 'parallel'
  | 'map'
  | 'pass'
  | 'wait';

export interface GraphNode {
  readonly id: string;
  readonly kind: StateKind;
  /** For a Parallel state its branches, for a Map state the states of its item processor; 0 otherwise. */
  readonly inner: number;
}

export type EdgeKind = 'next' | 'choice' | 'default' | 'catch';

/** One drawn arrow: every transition between the same two states, with how each is taken. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kinds: readonly EdgeKind[];
  /** What takes each transition: a Choice rule's condition (`status = AwaitingSignatures`), a Catch's errors. */
  readonly conditions: readonly string[];
}

export interface AslGraph {
  readonly start: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

function kindOf(state: AslState): StateKind {
  switch (state.Type) {
    case 'Task':
      return typeof state.Resource === 'string' && state.Resource.endsWith('.waitForTaskToken')
        ? 'human-task'
        : 'task';
    case 'Choice':
      return 'choice';
    case 'Succeed':
      return 'succeed';
    case 'Fail':
      return 'fail';
    case 'Parallel':
      return 'parallel';
    case 'Map':
      return 'map';
    case 'Wait':
      return 'wait';
    default:
      return 'pass';
  }
}

function innerCount(state: AslState): number {
  if (state.Type === 'Parallel') return state.Branches?.length ?? 0;
  if (state.Type === 'Map') return Object.keys((state.ItemProcessor ?? state.Iterator)?.States ?? {}).length;
  return 0;
}

/** A Choice rule's condition in short: `phase = Nomination and phaseDue = true`. */
export function conditionText(rule: AslChoiceRule): string {
  if (rule.And !== undefined) return rule.And.map(conditionText).join(' and ');
  if (rule.Or !== undefined) return rule.Or.map(conditionText).join(' or ');
  if (rule.Not !== undefined) return `not (${conditionText(rule.Not)})`;
  const variable = String(rule.Variable ?? '').replace(/^\$\.(?:[A-Za-z]+\.)?/, '');
  const comparison = Object.entries(rule).find(
    ([key]) => key !== 'Variable' && key !== 'Next' && key !== 'Comment',
  );
  return comparison === undefined ? variable : `${variable} = ${String(comparison[1])}`;
}

/** The graph of a definition's top level. Transitions to a state the definition lacks are left out. */
export function aslGraph(machine: AslMachine): AslGraph {
  const names = Object.keys(machine.States);
  const known = new Set(names);
  const byPair = new Map<string, { from: string; to: string; kinds: EdgeKind[]; conditions: string[] }>();
  const add = (from: string, to: string | undefined, kind: EdgeKind, condition?: string) => {
    if (to === undefined || !known.has(to)) return;
    const key = `${from}\u0000${to}`;
    const edge = byPair.get(key) ?? { from, to, kinds: [], conditions: [] };
    if (!edge.kinds.includes(kind)) edge.kinds.push(kind);
    if (condition !== undefined && condition !== '') edge.conditions.push(condition);
    byPair.set(key, edge);
  };
  for (const name of names) {
    const state = machine.States[name];
    if (state === undefined) continue;
    add(name, state.Next, 'next');
    for (const rule of state.Choices ?? []) add(name, rule.Next, 'choice', conditionText(rule));
    add(name, state.Default, 'default');
    for (const caught of state.Catch ?? []) add(name, caught.Next, 'catch', caught.ErrorEquals.join(', '));
  }
  return {
    start: machine.StartAt,
    nodes: names.map((id) => {
      const state = machine.States[id] as AslState;
      return { id, kind: kindOf(state), inner: innerCount(state) };
    }),
    edges: [...byPair.values()],
  };
}
