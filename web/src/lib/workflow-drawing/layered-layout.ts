import type { AslGraph } from './asl-graph.ts';

/**
 * A layered drawing of a state machine (the Sugiyama scheme, kept small for graphs of tens of states): states
 * reached first sit higher; a transition back to an earlier state (the loops of a re-entrant workflow) is drawn
 * up the right-hand side in a lane of its own; within a layer, states are ordered to put each near the states it
 * comes from (barycentres). No arrow crosses a box: one that skips rows goes down a channel between them. A layer wider than `maxPerRow` wraps onto more rows, so that on a 360 px phone the
 * drawing is two boxes wide and its text stays readable when the SVG's viewBox is scaled to the screen.
 * Pure and deterministic: the same graph gives the same drawing. (A library such as @dagrejs/dagre would do this
 * too; it is not installed, and these graphs need no more than this.)
 */
export interface LayoutOptions {
  readonly boxWidth?: number;
  readonly boxHeight?: number;
  readonly columnGap?: number;
  readonly rowGap?: number;
  readonly laneGap?: number;
  readonly margin?: number;
  /** The most boxes side by side; a wider layer wraps onto more rows. */
  readonly maxPerRow?: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly layer: number;
  readonly row: number;
}

export interface PlacedEdge {
  readonly from: string;
  readonly to: string;
  /** Drawn up the side: the transition returns to a state at or above its source. */
  readonly back: boolean;
  /** From a point on the source box's border to one on the target's. */
  readonly points: readonly Point[];
  /** The SVG path through the points. */
  readonly path: string;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly PlacedBox[];
  readonly edges: readonly PlacedEdge[];
}

const defaults = {
  boxWidth: 168,
  boxHeight: 52,
  columnGap: 24,
  rowGap: 44,
  laneGap: 12,
  margin: 12,
  maxPerRow: Number.POSITIVE_INFINITY,
};

/** States in the order a depth-first walk from the start finds them (then any it cannot reach), and the back edges. */
function walk(graph: AslGraph): { order: string[]; back: Set<string> } {
  const successors = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
  for (const edge of graph.edges) successors.get(edge.from)?.push(edge.to);
  const order: string[] = [];
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const roots = [graph.start, ...graph.nodes.map((n) => n.id)].filter((id) => successors.has(id));
  for (const root of roots) {
    if (state.has(root)) continue;
    // Iterative, so that no definition is too deep to draw.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    order.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const targets = successors.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = targets[top.next++] as string;
      const seen = state.get(target);
      if (seen === 'open') back.add(`${top.id}\u0000${target}`);
      else if (seen === undefined) {
        state.set(target, 'open');
        order.push(target);
        stack.push({ id: target, next: 0 });
      }
    }
  }
  return { order, back };
}

/** Each state's layer: the longest chain of forward transitions leading to it from a state nothing leads to. */
function layers(
  order: readonly string[],
  forward: readonly { from: string; to: string }[],
): Map<string, number> {
  const incoming = new Map<string, number>(order.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>();
  for (const edge of forward) {
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
    outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge.to]);
  }
  const layer = new Map<string, number>(order.map((id) => [id, 0]));
  const ready = order.filter((id) => incoming.get(id) === 0);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] as string;
    for (const to of outgoing.get(id) ?? []) {
      layer.set(to, Math.max(layer.get(to) ?? 0, (layer.get(id) ?? 0) + 1));
      const left = (incoming.get(to) ?? 0) - 1;
      incoming.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  return layer;
}

/** Orders each layer by the mean position of its neighbours in the layer before (then after), a few sweeps. */
function orderLayers(
  byLayer: string[][],
  forward: readonly { from: string; to: string }[],
  sweeps = 4,
): string[][] {
  const result = byLayer.map((ids) => [...ids]);
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const edge of forward) {
    preds.set(edge.to, [...(preds.get(edge.to) ?? []), edge.from]);
    succs.set(edge.from, [...(succs.get(edge.from) ?? []), edge.to]);
  }
  // Each state's place in its layer, from 0 (left) to 1 (right); kept up to date as layers are sorted.
  const at = new Map<string, number>();
  const place = (ids: readonly string[]) => {
    ids.forEach((id, index) => {
      at.set(id, index / Math.max(1, ids.length - 1));
    });
  };
  for (const ids of result) place(ids);
  const sortBy = (ids: string[], neighbours: Map<string, string[]>) => {
    const score = new Map(
      ids.map((id) => {
        const around = (neighbours.get(id) ?? []).map((n) => at.get(n)).filter((p) => p !== undefined);
        return [
          id,
          around.length === 0 ? (at.get(id) ?? 0) : around.reduce((a, b) => a + b, 0) / around.length,
        ];
      }),
    );
    // A stable sort: ties keep the walk's order.
    ids.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));
    place(ids);
  };
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let l = 1; l < result.length; l++) sortBy(result[l] as string[], preds);
    for (let l = result.length - 2; l >= 0; l--) sortBy(result[l] as string[], succs);
  }
  return result;
}

const round = (n: number) => Math.round(n * 10) / 10;

function pathThrough(points: readonly Point[], curved: boolean): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  if (curved && rest.length === 1) {
    const end = rest[0] as Point;
    const bend = Math.max(16, (end.y - first.y) / 2);
    return `M${round(first.x)},${round(first.y)} C${round(first.x)},${round(first.y + bend)} ${round(end.x)},${round(end.y - bend)} ${round(end.x)},${round(end.y)}`;
  }
  return `M${round(first.x)},${round(first.y)} ${rest.map((p) => `L${round(p.x)},${round(p.y)}`).join(' ')}`;
}

/** Places every state of the graph and draws every transition. */
export function layeredLayout(graph: AslGraph, options: LayoutOptions = {}): Layout {
  const o = { ...defaults, ...options };
  const perRow = Math.max(1, Math.floor(o.maxPerRow));
  const { order, back } = walk(graph);
  const isBack = (e: { from: string; to: string }) => e.from === e.to || back.has(`${e.from}\u0000${e.to}`);
  const forward = graph.edges.filter((e) => !isBack(e));
  const layerOf = layers(order, forward);
  const layerCount = Math.max(0, ...layerOf.values()) + 1;
  const byLayer: string[][] = Array.from({ length: layerCount }, () => []);
  for (const id of order) byLayer[layerOf.get(id) ?? 0]?.push(id);
  const ordered = orderLayers(byLayer, forward);

  // Rows: each layer takes as many as it needs at `perRow` boxes each. Back edges enter their target from above,
  // so the first row leaves room over it when there are any.
  const rows: { layer: number; ids: string[] }[] = [];
  ordered.forEach((ids, layer) => {
    for (let i = 0; i < ids.length; i += perRow) rows.push({ layer, ids: ids.slice(i, i + perRow) });
  });
  const backEdges = graph.edges.filter(isBack);
  const top = o.margin + (backEdges.length > 0 ? o.rowGap / 2 : 0);
  const widest = Math.max(1, ...rows.map((r) => r.ids.length));
  const contentWidth = widest * o.boxWidth + (widest - 1) * o.columnGap;
  const boxes = new Map<string, PlacedBox>();
  rows.forEach((row, rowIndex) => {
    const rowWidth = row.ids.length * o.boxWidth + (row.ids.length - 1) * o.columnGap;
    const left = o.margin + (contentWidth - rowWidth) / 2;
    row.ids.forEach((id, column) => {
      boxes.set(id, {
        id,
        x: round(left + column * (o.boxWidth + o.columnGap)),
        y: round(top + rowIndex * (o.boxHeight + o.rowGap)),
        width: o.boxWidth,
        height: o.boxHeight,
        layer: row.layer,
        row: rowIndex,
      });
    });
  });
  const placed = [...boxes.values()];

  /** An x where a vertical line meets no box of the rows strictly between two rows: nearest `prefer`. */
  const channelX = (fromRow: number, toRow: number, prefer: number): number => {
    const pad = 4;
    const blocked = placed
      .filter((b) => b.row > fromRow && b.row < toRow)
      .map((b) => [b.x - pad, b.x + b.width + pad] as const)
      .sort((a, b) => a[0] - b[0]);
    const gaps: [number, number][] = [];
    let free = o.margin / 2;
    for (const [from, to] of blocked) {
      if (from > free) gaps.push([free, from]);
      free = Math.max(free, to);
    }
    gaps.push([free, Number.POSITIVE_INFINITY]);
    let best = free;
    for (const [from, to] of gaps) {
      const x = Math.min(Math.max(prefer, from), to);
      if (Math.abs(x - prefer) < Math.abs(best - prefer)) best = x;
    }
    return best;
  };

  // A transition to the next row is a curve from the source's bottom to the target's top. One that skips rows runs
  // in the gaps between rows and down a channel no box is in. One that goes back leaves at the bottom, runs right
  // in the gap below its row, up a lane of its own beside the drawing, and comes down into its target from above.
  const rightEdge = o.margin + contentWidth;
  const intoBox = new Map<string, number>();
  for (const e of backEdges) intoBox.set(e.to, (intoBox.get(e.to) ?? 0) + 1);
  const takenIn = new Map<string, number>();
  const leavingRow = new Map<number, number>();
  const enteringRow = new Map<number, number>();
  const edges: PlacedEdge[] = [];
  let lane = 0;
  for (const edge of graph.edges) {
    const source = boxes.get(edge.from);
    const target = boxes.get(edge.to);
    if (source === undefined || target === undefined) continue;
    const start = { x: source.x + source.width / 2, y: source.y + source.height };
    if (!isBack(edge)) {
      const end = { x: target.x + target.width / 2, y: target.y };
      if (target.row === source.row + 1) {
        const points = [start, end];
        edges.push({ from: edge.from, to: edge.to, back: false, points, path: pathThrough(points, true) });
        continue;
      }
      const below = start.y + o.rowGap * 0.6;
      const above = end.y - o.rowGap * 0.6;
      const x = channelX(source.row, target.row, (start.x + end.x) / 2);
      const points = [
        start,
        { x: start.x, y: below },
        { x, y: below },
        { x, y: above },
        { x: end.x, y: above },
        end,
      ];
      edges.push({ from: edge.from, to: edge.to, back: false, points, path: pathThrough(points, false) });
      continue;
    }
    lane++;
    const laneX = rightEdge + lane * o.laneGap;
    const leaving = leavingRow.get(source.row) ?? 0;
    leavingRow.set(source.row, leaving + 1);
    const entering = enteringRow.get(target.row) ?? 0;
    enteringRow.set(target.row, entering + 1);
    const inIndex = takenIn.get(edge.to) ?? 0;
    takenIn.set(edge.to, inIndex + 1);
    const from = { x: source.x + source.width * 0.75, y: start.y };
    const leaveY = from.y + o.rowGap * 0.2 + (leaving % 4) * 3;
    const enterY = target.y - o.rowGap * 0.2 - (entering % 4) * 3;
    const end = {
      x: target.x + target.width * (0.55 + (0.4 * (inIndex + 1)) / ((intoBox.get(edge.to) ?? 1) + 1)),
      y: target.y,
    };
    const points = [
      from,
      { x: from.x, y: leaveY },
      { x: laneX, y: leaveY },
      { x: laneX, y: enterY },
      { x: end.x, y: enterY },
      end,
    ];
    edges.push({ from: edge.from, to: edge.to, back: true, points, path: pathThrough(points, false) });
  }
  const allX = [...placed.map((b) => b.x + b.width), ...edges.flatMap((e) => e.points.map((p) => p.x))];
  const allY = [...placed.map((b) => b.y + b.height), ...edges.flatMap((e) => e.points.map((p) => p.y))];
  return {
    width: round(Math.max(0, ...allX) + o.margin),
    height: round(Math.max(0, ...allY) + o.margin),
    boxes: placed,
    edges,
  };
}
