import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { type AslMachine, aslGraph, type StateKind } from './asl-graph.ts';
import { casePath, type TrailEventLike, transitionKey } from './case-path.ts';
import { labelLines } from './label-lines.ts';
import { layeredLayout } from './layered-layout.ts';
import { type DiagramLanguage, stateName } from './state-names.ts';

/**
 * The workflow, drawn: a state machine from its ASL definition (`definitions.ts`) as an SVG, and, given a case's
 * audit events (getCaseTimeline's `timeline`), the path the case took highlighted and the state it is in marked.
 * Every state is a keyboard stop with its name and standing read out; the drawing scales to its container through
 * its viewBox, and below 600 px it is laid out two boxes wide so that its text stays readable on a phone.
 *
 * Props: `machine` the definition; `events` the case's trail (none: the bare machine); `title` the drawing's
 * accessible name; `language` the reader's, for the states' names (`state-names.ts`); `labels` the words for a
 * state's standing. Its styles are `workflow-diagram.css`, imported by the desk's
 * stylesheet (`@import`), since a strict Content-Security-Policy allows no inline style sheet.
 */
export interface WorkflowDiagramProps {
  readonly machine: AslMachine;
  readonly events?: readonly TrailEventLike[];
  readonly title: string;
  readonly language: DiagramLanguage;
  readonly labels: {
    readonly current: string;
    readonly passed: string;
    readonly notPassed: string;
  };
}

const NARROW = '(max-width: 600px)';
const BOX = { width: 168, height: 60 };
/** About how many characters of 13 px text fit across a box, on at most three lines. */
const CHARS_PER_LINE = 19;
const LINES = 3;

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof matchMedia === 'function' && matchMedia(NARROW).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const query = matchMedia(NARROW);
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

const kindClass: Readonly<Record<StateKind, string>> = {
  task: 'wf-task',
  'human-task': 'wf-human',
  choice: 'wf-choice',
  succeed: 'wf-succeed',
  fail: 'wf-fail',
  parallel: 'wf-group',
  map: 'wf-group',
  pass: 'wf-task',
  wait: 'wf-task',
};

export function WorkflowDiagram({ machine, events = [], title, language, labels }: WorkflowDiagramProps) {
  const narrow = useNarrow();
  const id = useId();
  const graph = useMemo(() => aslGraph(machine), [machine]);
  const layout = useMemo(
    () => layeredLayout(graph, { boxWidth: BOX.width, boxHeight: BOX.height, maxPerRow: narrow ? 2 : 6 }),
    [graph, narrow],
  );
  const path = useMemo(() => casePath(machine, events), [machine, events]);
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const byKey = new Map(graph.edges.map((edge) => [transitionKey(edge.from, edge.to), edge]));
  const nameOf = (state: string) => stateName(state, language);

  return (
    <figure class="wf">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG has no HTML elements; its roles name the group, the list and its items. */}
      <svg
        class="wf-svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        style={{ maxWidth: `${layout.width}px` }}
        role="group"
        aria-labelledby={`${id}-title`}
      >
        <title id={`${id}-title`}>{title}</title>
        <defs>
          <marker
            id={`${id}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" class="wf-arrow" />
          </marker>
          <marker
            id={`${id}-arrow-taken`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" class="wf-arrow-taken" />
          </marker>
        </defs>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing here is focusable; the arrows are read as the states' standing instead. */}
        <g aria-hidden="true">
          {layout.edges.map((edge) => {
            const key = transitionKey(edge.from, edge.to);
            const taken = path.taken.has(key);
            const when = byKey.get(key)?.conditions ?? [];
            // An arrow taken only on a failure is drawn lighter: the flow a case follows stands out.
            const onlyOnFailure = byKey.get(key)?.kinds.every((kind) => kind === 'catch') ?? false;
            return (
              <path
                key={key}
                d={edge.path}
                class={`wf-edge${taken ? ' wf-edge-taken' : ''}${edge.back ? ' wf-edge-back' : ''}${onlyOnFailure ? ' wf-edge-catch' : ''}`}
                marker-end={`url(#${id}-arrow${taken ? '-taken' : ''})`}
              >
                <title>{`${nameOf(edge.from)} → ${nameOf(edge.to)}${when.length > 0 ? `: ${when.join('; ')}` : ''}`}</title>
              </path>
            );
          })}
        </g>
        {/* biome-ignore lint/a11y/useSemanticElements: SVG has no ul; role list is how SVG says it. */}
        {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG g is not interactive. */}
        <g role="list">
          {layout.boxes.map((box) => {
            const node = nodes.get(box.id);
            const current = path.current === box.id;
            const passed = path.visited.has(box.id);
            const standing = current ? labels.current : passed ? labels.passed : labels.notPassed;
            const name = nameOf(box.id);
            const lines = labelLines(
              node !== undefined && node.inner > 0 ? `${name} (${node.inner})` : name,
              CHARS_PER_LINE,
              LINES,
            );
            const classes = [
              'wf-state',
              kindClass[node?.kind ?? 'task'],
              passed ? 'wf-passed' : '',
              current ? 'wf-current' : '',
            ].join(' ');
            return (
              // biome-ignore lint/a11y/useSemanticElements: SVG has no li; each state is a keyboard stop so the drawing can be read without a mouse.
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG g is not interactive; tabindex only makes it a stop (lower case: SVG attributes are case-sensitive).
              <g
                key={box.id}
                role="listitem"
                tabindex={0}
                class={classes}
                aria-label={`${name}: ${standing}`}
                aria-current={current ? 'step' : undefined}
              >
                <title>{`${name}: ${standing}`}</title>
                <rect
                  x={box.x}
                  y={box.y}
                  width={box.width}
                  height={box.height}
                  rx={node?.kind === 'choice' ? box.height / 2 : 6}
                />
                <text x={box.x + box.width / 2} y={box.y + box.height / 2} text-anchor="middle">
                  {lines.map((line, index) => (
                    <tspan
                      key={line}
                      x={box.x + box.width / 2}
                      dy={index === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : '1.2em'}
                    >
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </figure>
  );
}
