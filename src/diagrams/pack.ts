/**
 * Nested boxes packed for a portrait page: the leaves of a group in a grid, the sub-groups and
 * that grid in rows no wider than the target width, gaps wide enough for edges to pass. Pure
 * and linear; deterministic (children in the order given).
 */
import { BOX } from './styles.js';
import type { Measured, SceneNode } from './measure.js';

export interface PlacedBox {
  readonly m: Measured;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Nesting depth (0 for top-level boxes). */
  readonly depth: number;
}

export interface Packed {
  /** Groups before their children, leaves last: the drawing order. */
  readonly boxes: readonly PlacedBox[];
  readonly width: number;
  readonly height: number;
}

/** Default space between sibling boxes: room for a few parallel edges. */
export const GAP = 26;
/** Room around the boxes for edges to go round (cropped when unused). */
export const OUTER = 36;
/** Inner padding of a group around its content. */
export const GROUP_PAD = 14;

interface Block {
  readonly width: number;
  readonly height: number;
  place(x: number, y: number, depth: number, out: PlacedBox[]): void;
}

function leafBlock(m: Measured): Block {
  return {
    width: m.width,
    height: m.height,
    place: (x, y, depth, out) => {
      out.push({ m, x, y, width: m.width, height: m.height, depth });
    },
  };
}

/** Leaves in a grid: column widths and row heights follow the largest box of each. */
/** Where a box's edges pull it: the mean centre of the boxes it is linked to. */
export type Pull = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

interface Context {
  readonly measured: ReadonlyMap<string, Measured>;
  readonly gap: number;
  readonly pull: Pull | undefined;
}

/**
 * Leaves in grid order: those pulled upwards in the first rows, leftwards in the first
 * columns (fewer crossings, shorter edges); unlinked ones last; ties keep the given order.
 */
function arrange(leaves: readonly Measured[], columns: number, pull: Pull | undefined): Measured[] {
  if (pull === undefined) return [...leaves];
  const linked = leaves.filter((l) => pull.has(l.node.id));
  const free = leaves.filter((l) => !pull.has(l.node.id));
  const at = (l: Measured): { x: number; y: number } => pull.get(l.node.id) ?? { x: 0, y: 0 };
  const byY = [...linked].sort((a, b) => at(a).y - at(b).y);
  const result: Measured[] = [];
  for (let i = 0; i < byY.length; i += columns)
    result.push(...byY.slice(i, i + columns).sort((a, b) => at(a).x - at(b).x));
  return [...result, ...free];
}

function gridBlock(given: readonly Measured[], room: number, ctx: Context): Block {
  const { gap } = ctx;
  const widest = Math.max(...given.map((l) => l.width));
  const fit = Math.max(1, Math.floor((room + gap) / (widest + gap)));
  // as wide as the room allows: pages are short of height, not of width
  const columns = Math.max(1, Math.min(given.length, fit));
  const leaves = arrange(given, columns, ctx.pull);
  const rows = Math.ceil(leaves.length / columns);
  const colWidth = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...leaves.filter((_, i) => i % columns === c).map((l) => l.width)),
  );
  const rowHeight = Array.from({ length: rows }, (_, r) =>
    Math.max(0, ...leaves.slice(r * columns, (r + 1) * columns).map((l) => l.height)),
  );
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    width: sum(colWidth) + gap * (columns - 1),
    height: sum(rowHeight) + gap * (rows - 1),
    place: (x, y, depth, out) => {
      leaves.forEach((m, i) => {
        const c = i % columns;
        const r = Math.floor(i / columns);
        const cellX = x + sum(colWidth.slice(0, c)) + gap * c;
        const cellY = y + sum(rowHeight.slice(0, r)) + gap * r;
        out.push({
          m,
          x: cellX + ((colWidth[c] ?? 0) - m.width) / 2,
          y: cellY + ((rowHeight[r] ?? 0) - m.height) / 2,
          width: m.width,
          height: m.height,
          depth,
        });
      });
    },
  };
}

/** Blocks in rows (left to right, a new row when the next block does not fit). */
function rowsBlock(blocks: readonly Block[], room: number, gap: number): Block {
  const rows: { blocks: Block[]; width: number; height: number }[] = [];
  for (const block of blocks) {
    const row = rows[rows.length - 1];
    if (row !== undefined && row.width + gap + block.width <= room) {
      row.blocks.push(block);
      row.width += gap + block.width;
      row.height = Math.max(row.height, block.height);
    } else rows.push({ blocks: [block], width: block.width, height: block.height });
  }
  return {
    width: Math.max(0, ...rows.map((r) => r.width)),
    height: rows.reduce((sum, r) => sum + r.height, 0) + gap * Math.max(0, rows.length - 1),
    place: (x, y, depth, out) => {
      let top = y;
      for (const row of rows) {
        let left = x;
        for (const block of row.blocks) {
          block.place(left, top, depth, out);
          left += block.width + gap;
        }
        top += row.height + gap;
      }
    },
  };
}

function groupBlock(node: SceneNode, room: number, ctx: Context): Block {
  const { measured, gap } = ctx;
  const m = measured.get(node.id);
  if (m === undefined) throw new Error(`unmeasured node ${node.id}`);
  const inner = Math.max(BOX.minWidth, room - 2 * GROUP_PAD);
  const children = node.children ?? [];
  const leaves = children
    .filter((c) => c.children === undefined)
    .flatMap((c) => measured.get(c.id) ?? []);
  const groups = children.filter((c) => c.children !== undefined);
  const parts: Block[] = [];
  if (leaves.length > 0) parts.push(gridBlock(leaves, inner, ctx));
  for (const group of groups) parts.push(nodeBlock(group, inner, ctx));
  const content = parts.length === 0 ? undefined : rowsBlock(parts, inner, gap);
  const top = m.textHeight + GROUP_PAD + 4;
  const width = Math.ceil(Math.max(m.width, (content?.width ?? 0) + 2 * GROUP_PAD));
  const height = Math.ceil(content === undefined ? m.height : top + content.height + GROUP_PAD);
  return {
    width,
    height,
    place: (x, y, depth, out) => {
      out.push({ m, x, y, width, height, depth });
      content?.place(x + GROUP_PAD, y + top, depth + 1, out);
    },
  };
}

function nodeBlock(node: SceneNode, room: number, ctx: Context): Block {
  const { measured } = ctx;
  if (node.children !== undefined) return groupBlock(node, room, ctx);
  const m = measured.get(node.id);
  if (m === undefined) throw new Error(`unmeasured node ${node.id}`);
  return leafBlock(m);
}

/** Packs the scene's boxes into `width` (wider only when a box cannot be made narrower). */
export function pack(
  nodes: readonly SceneNode[],
  measured: ReadonlyMap<string, Measured>,
  width: number,
  gap = GAP,
  pull?: Pull,
): Packed {
  const ctx: Context = { measured, gap, pull };
  const room = width - 2 * OUTER;
  const top = nodes.filter((n) => n.children !== undefined).map((n) => nodeBlock(n, room, ctx));
  const loose = nodes
    .filter((n) => n.children === undefined)
    .flatMap((n) => measured.get(n.id) ?? []);
  const blocks = loose.length === 0 ? top : [...top, gridBlock(loose, room, ctx)];
  const all = rowsBlock(blocks, room, gap);
  const placed: PlacedBox[] = [];
  all.place(OUTER, OUTER, 0, placed);
  const groups = placed.filter((b) => b.m.group);
  const leaves = placed.filter((b) => !b.m.group);
  return {
    boxes: [...groups, ...leaves],
    width: Math.ceil(all.width + 2 * OUTER),
    height: Math.ceil(all.height + 2 * OUTER),
  };
}
