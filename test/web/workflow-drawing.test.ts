import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CaseEvent } from '../../shared/domain/case-lifecycle.ts';
import type { TrailEntry } from '../../shared/domain/case-trail.ts';
import type { Filing } from '../../shared/domain/nomination.ts';
import {
  applyCaseEvent,
  type EventMeta,
  type NominationCase,
  openCase,
  recordWithoutTransition,
} from '../../shared/domain/nomination-case.ts';
import { loadAllWorkflows } from '../../shared/workflow-definitions.ts';
import type { components } from '../../web/src/api/schema.d.ts';
import { type AslMachine, aslGraph } from '../../web/src/lib/workflow-drawing/asl-graph.ts';
import {
  casePath,
  type TrailEventLike,
  transitionKey,
} from '../../web/src/lib/workflow-drawing/case-path.ts';
import { caseWorkflow } from '../../web/src/lib/workflow-drawing/definitions.ts';
import { labelLines, spacedName } from '../../web/src/lib/workflow-drawing/label-lines.ts';
import {
  type Layout,
  layeredLayout,
  type PlacedBox,
} from '../../web/src/lib/workflow-drawing/layered-layout.ts';
import { stateName, stateNames } from '../../web/src/lib/workflow-drawing/state-names.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';

const workflows = Object.entries(loadAllWorkflows()) as [string, AslMachine][];

function overlap(a: PlacedBox, b: PlacedBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function onBorder(point: { x: number; y: number }, box: PlacedBox): boolean {
  const within = (v: number, lo: number, hi: number) => v >= lo - 0.5 && v <= hi + 0.5;
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.5;
  return (
    (within(point.x, box.x, box.x + box.width) &&
      (near(point.y, box.y) || near(point.y, box.y + box.height))) ||
    (within(point.y, box.y, box.y + box.height) && (near(point.x, box.x) || near(point.x, box.x + box.width)))
  );
}

function expectSoundLayout(machine: AslMachine, layout: Layout) {
  const graph = aslGraph(machine);
  const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
  // Every state placed, once, inside the drawing.
  expect([...boxes.keys()].sort()).toEqual(Object.keys(machine.States).sort());
  for (const box of layout.boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
  }
  // No two boxes overlap.
  for (const a of layout.boxes) for (const b of layout.boxes) if (a !== b) expect(overlap(a, b)).toBe(false);
  // Every transition drawn, from its source's border to its target's.
  expect(layout.edges).toHaveLength(graph.edges.length);
  for (const edge of graph.edges) {
    const drawn = layout.edges.find((e) => e.from === edge.from && e.to === edge.to);
    expect(drawn, `${edge.from} → ${edge.to}`).toBeDefined();
    const first = drawn?.points[0];
    const last = drawn?.points.at(-1);
    expect(first && onBorder(first, boxes.get(edge.from) as PlacedBox)).toBe(true);
    expect(last && onBorder(last, boxes.get(edge.to) as PlacedBox)).toBe(true);
    for (const p of drawn?.points ?? []) {
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
  }
  // No arrow crosses a box: a curve only joins a row to the next (it stays in the gap between them); every other
  // arrow is straight segments, none of which enters any box.
  for (const edge of layout.edges) {
    const from = boxes.get(edge.from) as PlacedBox;
    const to = boxes.get(edge.to) as PlacedBox;
    if (edge.points.length === 2) {
      expect(to.row, `${edge.from} → ${edge.to}`).toBe(from.row + 1);
      continue;
    }
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1] as { x: number; y: number };
      const b = edge.points[i] as { x: number; y: number };
      for (let t = 0; t <= 1; t += 0.05) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        for (const box of layout.boxes) {
          const inside =
            x > box.x + 0.5 && x < box.x + box.width - 0.5 && y > box.y + 0.5 && y < box.y + box.height - 0.5;
          expect(inside, `${edge.from} → ${edge.to} crosses ${box.id}`).toBe(false);
        }
      }
    }
  }
}

/** Every transition of a definition: Next, each Choice rule and Default, each Catch. */
function transitionsOf(machine: AslMachine): Set<string> {
  const all = new Set<string>();
  for (const [name, state] of Object.entries(machine.States)) {
    const targets = [
      state.Next,
      state.Default,
      ...(state.Choices ?? []).map((c) => c.Next),
      ...(state.Catch ?? []).map((c) => c.Next),
    ];
    for (const to of targets) if (typeof to === 'string') all.add(transitionKey(name, to));
  }
  return all;
}

it('takes the case’s timeline as the generated client types it', () => {
  expectTypeOf<components['schemas']['CaseTimeline']['timeline']>().toExtend<readonly TrailEventLike[]>();
});

describe('the workflow, drawn: every ASL file laid out', () => {
  for (const [name, machine] of workflows) {
    it(`places every state of ${name} without overlap and draws every transition, wide and at two boxes a row`, () => {
      const graph = aslGraph(machine);
      expect(new Set(graph.edges.map((e) => transitionKey(e.from, e.to)))).toEqual(transitionsOf(machine));
      expectSoundLayout(machine, layeredLayout(graph));
      const narrow = layeredLayout(graph, { maxPerRow: 2 });
      expectSoundLayout(machine, narrow);
      // Two boxes a row keep the drawing narrow enough to read at 360 px: scaled by at most about 0.8.
      expect(narrow.width).toBeLessThanOrEqual(460);
    });
  }

  it('draws the desk’s copy of the case workflow, which is the deployed file itself', () => {
    expect(caseWorkflow).toEqual(loadAllWorkflows()['nomination-case']);
  });

  it('puts the start above every state and draws the loop back to it up the side', () => {
    const layout = layeredLayout(aslGraph(caseWorkflow));
    const start = layout.boxes.find((b) => b.id === caseWorkflow.StartAt) as PlacedBox;
    for (const box of layout.boxes) if (box !== start) expect(box.y).toBeGreaterThan(start.y);
    const loop = layout.edges.find((e) => e.from === 'AwaitSignatures' && e.to === 'RouteByStatus');
    expect(loop?.back).toBe(true);
  });

  it('shows a Parallel or Map state as one box and lays out any graph soundly, however it branches and loops', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
    const arbitrary = fc.integer({ min: 1, max: names.length }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom('Next', 'Choice', 'Catch')), {
          maxLength: 3 * n,
        }),
        fc.integer({ min: 1, max: 6 }),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([n, links, perRow]) => {
        const states: Record<string, Record<string, unknown>> = {};
        for (let i = 0; i < n; i++) {
          const kind = i % 5 === 3 ? 'Parallel' : i % 5 === 4 ? 'Map' : 'Task';
          states[names[i] as string] = {
            Type: kind,
            ...(kind === 'Parallel'
              ? { Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }] }
              : {}),
            ...(kind === 'Map'
              ? { ItemProcessor: { StartAt: 'Y', States: { Y: { Type: 'Pass', End: true } } } }
              : {}),
            End: true,
          };
        }
        for (const [from, to, how] of links) {
          const state = states[names[from] as string] as Record<string, unknown>;
          const target = names[to] as string;
          if (how === 'Next') state.Next = target;
          if (how === 'Choice')
            state.Choices = [
              ...((state.Choices as unknown[]) ?? []),
              { Variable: '$.x', StringEquals: target, Next: target },
            ];
          if (how === 'Catch')
            state.Catch = [
              ...((state.Catch as unknown[]) ?? []),
              { ErrorEquals: ['States.ALL'], Next: target },
            ];
        }
        const machine = { StartAt: names[0] as string, States: states } as unknown as AslMachine;
        expectSoundLayout(machine, layeredLayout(aslGraph(machine), { maxPerRow: perRow }));
      }),
      { numRuns: 200 },
    );
    const grouped = aslGraph({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'P', States: {} },
            { StartAt: 'Q', States: {} },
          ],
          End: true,
        },
      },
    });
    expect(grouped.nodes).toEqual([{ id: 'Fan', kind: 'parallel', inner: 2 }]);
  });

  it('leaves out a transition to a state the definition lacks, and draws a definition of 2,000 states in a chain that loops', () => {
    const broken = aslGraph({
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Next: 'Missing', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'B' }] },
        B: { Type: 'Succeed' },
      },
    });
    expect(broken.edges.map((e) => transitionKey(e.from, e.to))).toEqual([transitionKey('A', 'B')]);
    const states: Record<string, { Type: string; Next: string }> = {};
    for (let i = 0; i < 2000; i++) states[`S${i}`] = { Type: 'Task', Next: `S${(i + 1) % 2000}` };
    const chain = { StartAt: 'S0', States: states } as AslMachine;
    const layout = layeredLayout(aslGraph(chain), { maxPerRow: 2 });
    expect(layout.boxes).toHaveLength(2000);
    expect(layout.edges.filter((e) => e.back)).toHaveLength(1);
  });

  it('names every state of the case and calendar workflows in Kazakh, Russian and English, kk and ru without Latin', () => {
    const all = loadAllWorkflows();
    for (const machine of [all['nomination-case'], all['election-calendar']]) {
      for (const state of Object.keys(machine.States)) {
        expect(stateNames, state).toHaveProperty(state);
        expect(stateName(state, 'kk')).not.toMatch(/[A-Za-z]/);
        expect(stateName(state, 'ru')).not.toMatch(/[A-Za-z]/);
      }
    }
    expect(stateName('SomeNewState', 'kk')).toBe('Some new state');
  });

  it('wraps a long Kazakh label onto two lines and ends what does not fit with an ellipsis', () => {
    expect(spacedName('AwaitRegistrationDecision')).toBe('Await registration decision');
    expect(labelLines('Тіркеу туралы шешімді күту', 21)).toEqual(['Тіркеу туралы шешімді', 'күту']);
    const lines = labelLines('Кандидаттарды ұсыну мерзімін ұзарту туралы шешімді күту', 21);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(21);
  });
});

/** A case's trail as the domain writes it, one entry per change. */
class Trail {
  readonly entries: TrailEntry[] = [];
  private at = Date.parse('2026-02-02T04:00:00.000Z');
  private current: NominationCase;
  constructor(opened: NominationCase) {
    this.current = opened;
    this.entries.push(opened.lastEntry);
  }
  private meta(role: 'commission' | 'engine' | 'candidate' = 'engine'): EventMeta {
    this.at += 3_600_000;
    return { at: new Date(this.at).toISOString(), actor: { role, id: role } };
  }
  event(event: CaseEvent): this {
    this.current = { ...applyCaseEvent(this.current, event, this.meta()), version: this.current.version + 1 };
    this.entries.push(this.current.lastEntry);
    return this;
  }
  without(event: 'ExecutionRestarted' | 'WorkflowFailed' | 'SignaturesRecounted'): this {
    this.current = {
      ...recordWithoutTransition(this.current, event, {}, this.meta()),
      version: this.current.version + 1,
    };
    this.entries.push(this.current.lastEntry);
    return this;
  }
  static of(filing: Filing): Trail {
    const opened = openCase(
      filing,
      { caseId: 'case-1', electionId: 'e-1' },
      {
        at: '2026-02-02T04:00:00.000Z',
        actor: { role: 'candidate', id: 'c' },
      },
    );
    return new Trail(opened);
  }
}

function expectConnected(runs: ReturnType<typeof casePath>['runs']) {
  const transitions = transitionsOf(caseWorkflow);
  for (const run of runs) {
    expect(run[0]?.state).toBe(caseWorkflow.StartAt);
    for (let i = 1; i < run.length; i++) {
      expect(transitions, `${run[i - 1]?.state} → ${run[i]?.state}`).toContain(
        transitionKey(run[i - 1]?.state as string, run[i]?.state as string),
      );
    }
  }
}

const statesOf = (runs: ReturnType<typeof casePath>['runs']) => runs.map((run) => run.map((s) => s.state));

describe('the workflow, drawn: a case’s path from its audit events', () => {
  it('follows a self-nominee from filing through a short count, enough signatures and the check to registration', () => {
    const trail = Trail.of(aSelfFiling())
      .event({ type: 'SignaturesVerified', sufficient: false })
      .event({ type: 'SignaturesVerified', sufficient: true })
      .event({ type: 'EligibilityAssessed' })
      .event({ type: 'RegistrationDecided', decision: 'register' });
    const path = casePath(caseWorkflow, trail.entries);
    expectConnected(path.runs);
    expect(statesOf(path.runs)).toEqual([
      [
        'RouteByStatus',
        'AwaitSignatures',
        'RouteByStatus',
        'CheckEligibility',
        'RouteByStatus',
        'AwaitRegistrationDecision',
        'RouteByStatus',
        'CaseClosed',
      ],
    ]);
    expect(path.current).toBe('CaseClosed');
    expect(path.visited.has('AwaitPartyConfirmation')).toBe(false);
    expect(path.taken.has(transitionKey('RouteByStatus', 'AwaitSignatures'))).toBe(true);
  });

  it('shows a party nominee waiting for the party’s confirmation as its current state', () => {
    const path = casePath(caseWorkflow, Trail.of(aPartyFiling()).entries);
    expect(statesOf(path.runs)).toEqual([['RouteByStatus', 'AwaitPartyConfirmation']]);
    expect(path.current).toBe('AwaitPartyConfirmation');
  });

  it('draws a refusal overturned back to the registration decision as a new execution, and a later cancellation as no move', () => {
    const trail = Trail.of(anAkimatFiling())
      .event({ type: 'CommunityConsentRecorded', agreed: true })
      .event({ type: 'EligibilityAssessed' })
      .event({ type: 'RegistrationDecided', decision: 'refuse' })
      .event({ type: 'Reinstated', to: 'AwaitingRegistrationDecision' })
      .event({ type: 'RegistrationDecided', decision: 'register' })
      .event({ type: 'RegistrationCancelled' });
    const path = casePath(caseWorkflow, trail.entries);
    expectConnected(path.runs);
    expect(path.runs).toHaveLength(2);
    expect(statesOf(path.runs)[1]).toEqual([
      'RouteByStatus',
      'AwaitRegistrationDecision',
      'RouteByStatus',
      'CaseClosed',
    ]);
    expect(path.current).toBe('CaseClosed');
  });

  it('draws a failure through the catch to the failed end, and the reconciler’s restart as a new run', () => {
    const trail = Trail.of(aSelfFiling()).without('WorkflowFailed').without('ExecutionRestarted');
    const path = casePath(caseWorkflow, trail.entries);
    expectConnected(path.runs);
    expect(statesOf(path.runs)).toEqual([
      ['RouteByStatus', 'AwaitSignatures', 'RecordCaseFailure', 'CaseWorkflowFailed'],
      ['RouteByStatus', 'AwaitSignatures'],
    ]);
    expect(path.current).toBe('AwaitSignatures');
  });

  it('starts a trail whose beginning storage no longer holds where its first event found the case', () => {
    const trail = Trail.of(aSelfFiling())
      .event({ type: 'SignaturesVerified', sufficient: true })
      .event({ type: 'EligibilityAssessed' });
    const path = casePath(caseWorkflow, trail.entries.slice(2));
    expectConnected(path.runs);
    expect(path.current).toBe('AwaitRegistrationDecision');
  });

  it('gives the same path whatever order the events arrive in, and none for no events', () => {
    const trail = Trail.of(aSelfFiling()).event({ type: 'Withdrawn' });
    expect(casePath(caseWorkflow, [...trail.entries].reverse())).toEqual(
      casePath(caseWorkflow, trail.entries),
    );
    const empty = casePath(caseWorkflow, []);
    expect(empty.runs).toEqual([]);
    expect(empty.current).toBeNull();
  });

  it('maps any run of lawful events to a connected path ending in the state of the case’s status', () => {
    const candidates: CaseEvent[] = [
      { type: 'PartyConfirmed' },
      { type: 'PartyDeclined' },
      { type: 'SignaturesVerified', sufficient: true },
      { type: 'SignaturesVerified', sufficient: false },
      { type: 'CommunityConsentRecorded', agreed: true },
      { type: 'CommunityConsentRecorded', agreed: false },
      { type: 'EligibilityAssessed' },
      { type: 'RegistrationDecided', decision: 'register' },
      { type: 'RegistrationDecided', decision: 'refuse' },
      { type: 'Withdrawn' },
      { type: 'RegistrationCancelled' },
      { type: 'Reinstated', to: 'AwaitingRegistrationDecision' },
      { type: 'Reinstated', to: 'Registered' },
      { type: 'DeadlineReached', step: 'registration-decision' },
      { type: 'DeadlineReached', step: 'signatures' },
    ];
    const restingOf: Record<string, string> = {
      AwaitingPartyConfirmation: 'AwaitPartyConfirmation',
      AwaitingSignatures: 'AwaitSignatures',
      AwaitingCommunityConsent: 'AwaitCommunityConsent',
      CheckingEligibility: 'CheckEligibility',
      AwaitingRegistrationDecision: 'AwaitRegistrationDecision',
    };
    fc.assert(
      fc.property(
        fc.constantFrom(aSelfFiling(), aPartyFiling(), anAkimatFiling()),
        fc.array(fc.nat(candidates.length - 1), { maxLength: 30 }),
        (filing, picks) => {
          const trail = Trail.of(filing);
          for (const pick of picks) {
            try {
              trail.event(candidates[pick] as CaseEvent);
            } catch {
              // An event the status does not allow never reaches a trail.
            }
          }
          const path = casePath(caseWorkflow, trail.entries);
          expectConnected(path.runs);
          const status = trail.entries.at(-1)?.to as string;
          expect(path.current).toBe(restingOf[status] ?? 'CaseClosed');
        },
      ),
      { numRuns: 300 },
    );
  });
});
