/**
 * Orthogonal edge routing between packed boxes: A* over a grid of points 6 px apart, where
 * boxes are obstacles, group borders and titles cost extra, bends cost, and the tracks earlier
 * edges took cost more (so parallel edges spread out instead of overlapping). Edges leave and
 * enter boxes at right angles. Labels go on a long enough straight stretch that hides nothing;
 * when there is none the label is left out. Deterministic: edges routed shortest first, ties
 * by id.
 */
import { compareIds } from '../domain/compare.js';
import { MinHeap } from './heap.js';
import type { SceneEdge } from './measure.js';
import type { PlacedBox } from './pack.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LabelBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface RoutedEdge {
  readonly edge: SceneEdge;
  readonly points: readonly Point[];
  readonly label?: LabelBox;
}

const CELL = 6;
/** Clearance kept around boxes, px. */
const CLEAR = 3;
const BEND = 6;
const BORDER = 5;
const TITLE = 40;
const SHARE = 14;
const CROSS = 2;
/** Weight of the A* heuristic (1: shortest paths; more: faster, slightly longer). */
const GREED = 1.6;

/** Directions: east, south, west, north. */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const solid = (box: PlacedBox): boolean => (box.m.node.children?.length ?? 0) === 0;

class Grid {
  readonly cols: number;
  readonly rows: number;
  readonly blocked: Uint8Array;
  readonly extra: Float32Array;
  readonly usedH: Uint16Array;
  readonly usedV: Uint16Array;

  constructor(width: number, height: number) {
    this.cols = Math.ceil(width / CELL) + 1;
    this.rows = Math.ceil(height / CELL) + 1;
    const n = this.cols * this.rows;
    this.blocked = new Uint8Array(n);
    this.extra = new Float32Array(n);
    this.usedH = new Uint16Array(n);
    this.usedV = new Uint16Array(n);
  }

  /** Grid columns/rows whose points fall in [from, to] px. */
  span(from: number, to: number, limit: number): [number, number] {
    return [Math.max(0, Math.ceil(from / CELL)), Math.min(limit - 1, Math.floor(to / CELL))];
  }

  forEach(rect: Rect, margin: number, action: (index: number) => void): void {
    const [c0, c1] = this.span(rect.x - margin, rect.x + rect.width + margin, this.cols);
    const [r0, r1] = this.span(rect.y - margin, rect.y + rect.height + margin, this.rows);
    for (let r = r0; r <= r1; r += 1) for (let c = c0; c <= c1; c += 1) action(r * this.cols + c);
  }
}

function buildGrid(boxes: readonly PlacedBox[], width: number, height: number): Grid {
  const grid = new Grid(width, height);
  for (const box of boxes) {
    if (solid(box)) {
      grid.forEach(box, CLEAR, (i) => (grid.blocked[i] = 1));
      continue;
    }
    // running along a group's border hides it; crossing it is fine but not free
    const ring = (rect: Rect): void => {
      grid.forEach(rect, 0, (i) => (grid.extra[i] = (grid.extra[i] ?? 0) + BORDER));
    };
    ring({ x: box.x - CLEAR, y: box.y - CLEAR, width: box.width + 2 * CLEAR, height: 2 * CLEAR });
    ring({
      x: box.x - CLEAR,
      y: box.y + box.height - CLEAR,
      width: box.width + 2 * CLEAR,
      height: 2 * CLEAR,
    });
    ring({ x: box.x - CLEAR, y: box.y - CLEAR, width: 2 * CLEAR, height: box.height + 2 * CLEAR });
    ring({
      x: box.x + box.width - CLEAR,
      y: box.y - CLEAR,
      width: 2 * CLEAR,
      height: box.height + 2 * CLEAR,
    });
    grid.forEach(titleRect(box), 0, (i) => (grid.extra[i] = (grid.extra[i] ?? 0) + TITLE));
  }
  return grid;
}

/** Where a group's title is written. */
export function titleRect(box: PlacedBox): Rect {
  return {
    x: box.x,
    y: box.y,
    width: Math.min(box.width, box.m.textWidth + 24),
    height: box.m.textHeight + 12,
  };
}

interface Port {
  readonly index: number;
  readonly dir: number;
  /** The point on the box's border the edge starts or ends at. */
  readonly border: Point;
  readonly cost: number;
}

/**
 * Grid points just outside a box, with the outward direction of their side; just inside it
 * (`inner`, inward direction) for a group linked to something it contains.
 */
function ports(grid: Grid, box: PlacedBox, inner: boolean): Port[] {
  const result: Port[] = [];
  const [c0, c1] = grid.span(box.x + 4, box.x + box.width - 4, grid.cols);
  const [r0, r1] = grid.span(box.y + 4, box.y + box.height - 4, grid.rows);
  const out = inner ? -1 : 1;
  const top = box.y - out * (CLEAR + 0.01);
  const bottom = box.y + box.height + out * (CLEAR + 0.01);
  const leftX = box.x - out * (CLEAR + 0.01);
  const rightX = box.x + box.width + out * (CLEAR + 0.01);
  const above = inner ? Math.ceil(top / CELL) : Math.floor(top / CELL);
  const below = inner ? Math.floor(bottom / CELL) : Math.ceil(bottom / CELL);
  const left = inner ? Math.ceil(leftX / CELL) : Math.floor(leftX / CELL);
  const right = inner ? Math.floor(rightX / CELL) : Math.ceil(rightX / CELL);
  // outward directions of the sides: north 3, south 1, west 2, east 0
  const side = (outward: number): number => (inner ? (outward + 2) % 4 : outward);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const add = (c: number, r: number, dir: number, border: Point, offset: number): void => {
    if (c < 0 || r < 0 || c >= grid.cols || r >= grid.rows) return;
    const index = r * grid.cols + c;
    if (grid.blocked[index] === 1) return;
    result.push({ index, dir, border, cost: offset });
  };
  for (let c = c0; c <= c1; c += 1) {
    const offset = (Math.abs(c * CELL - cx) / Math.max(1, box.width)) * 4;
    add(c, above, side(3), { x: c * CELL, y: box.y }, offset);
    add(c, below, side(1), { x: c * CELL, y: box.y + box.height }, offset);
  }
  for (let r = r0; r <= r1; r += 1) {
    const offset = (Math.abs(r * CELL - cy) / Math.max(1, box.height)) * 4 + 1;
    add(left, r, side(2), { x: box.x, y: r * CELL }, offset);
    add(right, r, side(0), { x: box.x + box.width, y: r * CELL }, offset);
  }
  return result;
}

function stepCost(grid: Grid, index: number, dir: number): number {
  const horizontal = dir % 2 === 0;
  const along = horizontal ? (grid.usedH[index] ?? 0) : (grid.usedV[index] ?? 0);
  const across = horizontal ? (grid.usedV[index] ?? 0) : (grid.usedH[index] ?? 0);
  return 1 + (grid.extra[index] ?? 0) + along * SHARE + across * CROSS;
}

/** Search state reused from one edge to the next (a generation stamp instead of clearing). */
class Workspace {
  readonly cost: Float64Array;
  readonly came: Int32Array;
  readonly stamp: Uint32Array;
  readonly heap = new MinHeap();
  generation = 0;

  constructor(states: number) {
    this.cost = new Float64Array(states);
    this.came = new Int32Array(states);
    this.stamp = new Uint32Array(states);
  }

  costOf(state: number): number {
    return this.stamp[state] === this.generation
      ? (this.cost[state] ?? 0)
      : Number.POSITIVE_INFINITY;
  }

  set(state: number, cost: number, came: number): void {
    this.stamp[state] = this.generation;
    this.cost[state] = cost;
    this.came[state] = came;
  }
}

/** The cheapest path from a port of `from` to a port of `to`, as grid points. */
function search(
  grid: Grid,
  work: Workspace,
  from: readonly Port[],
  to: readonly Port[],
  target: Rect,
): Point[] | undefined {
  const n = grid.cols * grid.rows;
  const goal = n * 4;
  work.generation += 1;
  work.heap.clear();
  const { heap } = work;
  const arrival = new Map<number, Port>();
  for (const port of to) arrival.set(port.index, port);
  const [tc0, tc1] = [Math.floor(target.x / CELL), Math.ceil((target.x + target.width) / CELL)];
  const [tr0, tr1] = [Math.floor(target.y / CELL), Math.ceil((target.y + target.height) / CELL)];
  // weighted A*: a little longer paths, far fewer points explored
  const heuristic = (index: number): number => {
    const c = index % grid.cols;
    const r = Math.floor(index / grid.cols);
    const dx = Math.max(0, tc0 - c, c - tc1);
    const dy = Math.max(0, tr0 - r, r - tr1);
    return GREED * (dx + dy + (dx > 0 && dy > 0 ? BEND : 0));
  };
  for (const port of from) {
    const state = port.index * 4 + port.dir;
    const g = port.cost + stepCost(grid, port.index, port.dir);
    if (g < work.costOf(state)) {
      work.set(state, g, -1);
      heap.push(state, g + heuristic(port.index));
    }
  }
  let endPort: Port | undefined;
  for (let budget = n * 8; heap.size > 0 && budget > 0; budget -= 1) {
    const state = heap.pop();
    if (state === goal) break;
    const g = work.costOf(state);
    const index = state >> 2;
    const dir = state & 3;
    const port = arrival.get(index);
    if (port !== undefined) {
      const total = g + (dir === (port.dir + 2) % 4 ? 0 : BEND) + port.cost;
      if (total < work.costOf(goal)) {
        work.set(goal, total, state);
        endPort = port;
        heap.push(goal, total);
      }
    }
    const c = index % grid.cols;
    const r = (index - c) / grid.cols;
    for (let d = 0; d < 4; d += 1) {
      if (d === (dir + 2) % 4) continue;
      const nc = c + (DX[d] ?? 0);
      const nr = r + (DY[d] ?? 0);
      if (nc < 0 || nr < 0 || nc >= grid.cols || nr >= grid.rows) continue;
      const next = nr * grid.cols + nc;
      if (grid.blocked[next] === 1) continue;
      const g2 = g + stepCost(grid, next, d) + (d === dir ? 0 : BEND);
      const nextState = next * 4 + d;
      if (g2 < work.costOf(nextState)) {
        work.set(nextState, g2, state);
        heap.push(nextState, g2 + heuristic(next));
      }
    }
  }
  if (endPort === undefined || work.stamp[goal] !== work.generation) return undefined;
  const cells: number[] = [];
  for (let s = work.came[goal] ?? -1; s !== -1; s = work.came[s] ?? -1) cells.push(s >> 2);
  cells.reverse();
  const start = from.find((p) => p.index === cells[0]);
  if (start === undefined) return undefined;
  const points: Point[] = [start.border];
  for (const index of cells)
    points.push({ x: (index % grid.cols) * CELL, y: Math.floor(index / grid.cols) * CELL });
  points.push(endPort.border);
  return simplify(points);
}

/** Drops the points in the middle of straight stretches. */
function simplify(points: readonly Point[]): Point[] {
  const result: Point[] = [];
  for (const point of points) {
    const a = result[result.length - 2];
    const b = result[result.length - 1];
    if (b !== undefined && b.x === point.x && b.y === point.y) continue;
    if (
      a !== undefined &&
      b !== undefined &&
      ((a.x === b.x && b.x === point.x) || (a.y === b.y && b.y === point.y))
    )
      result[result.length - 1] = point;
    else result.push(point);
  }
  return result;
}

function markUsed(grid: Grid, points: readonly Point[]): void {
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined) continue;
    const horizontal = a.y === b.y;
    const used = horizontal ? grid.usedH : grid.usedV;
    grid.forEach(
      {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x),
        height: Math.abs(a.y - b.y),
      },
      0,
      (index) => (used[index] = (used[index] ?? 0) + 1),
    );
  }
}

const centre = (box: PlacedBox): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

const contains = (box: Rect, p: Point): boolean =>
  p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height;

/** An L-shaped line between two boxes, when no route exists (boxes walled in). */
function fallback(a: PlacedBox, b: PlacedBox): Point[] {
  const p = centre(a);
  const q = centre(b);
  return [p, { x: q.x, y: p.y }, q];
}

/** Routes every edge between the boxes; edges whose ends are unknown are dropped. */
export function routeEdges(
  boxes: readonly PlacedBox[],
  edges: readonly SceneEdge[],
  width: number,
  height: number,
): RoutedEdge[] {
  const grid = buildGrid(boxes, width, height);
  const work = new Workspace(grid.cols * grid.rows * 4 + 1);
  const byNode = new Map(boxes.map((b) => [b.m.node.id, b]));
  const portsOf = new Map<string, Port[]>();
  const portList = (box: PlacedBox, other: PlacedBox): Port[] => {
    const inner = !solid(box) && contains(box, centre(other));
    const key = `${inner ? 'in' : 'out'} ${box.m.node.id}`;
    let list = portsOf.get(key);
    if (list === undefined) {
      list = ports(grid, box, inner);
      portsOf.set(key, list);
    }
    return list;
  };
  const distance = (edge: SceneEdge): number => {
    const a = byNode.get(edge.from);
    const b = byNode.get(edge.to);
    if (a === undefined || b === undefined) return 0;
    const p = centre(a);
    const q = centre(b);
    return Math.abs(p.x - q.x) + Math.abs(p.y - q.y);
  };
  const order = [...edges].sort((a, b) => distance(a) - distance(b) || compareIds(a.id, b.id));
  const routes = new Map<string, Point[]>();
  for (const edge of order) {
    const a = byNode.get(edge.from);
    const b = byNode.get(edge.to);
    if (a === undefined || b === undefined || a === b) continue;
    const points = search(grid, work, portList(a, b), portList(b, a), b) ?? fallback(a, b);
    markUsed(grid, points);
    routes.set(edge.id, points);
  }
  return edges.flatMap((edge) => {
    const points = routes.get(edge.id);
    return points === undefined ? [] : [{ edge, points }];
  });
}
