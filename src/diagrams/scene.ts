/**
 * Draws a scene: measures its boxes, lays them out (packed boxes with routed edges, or ELK's
 * layered layout for chains), then writes the SVG: groups, boxes, edges with arrowheads, edge
 * labels, the legend and an optional heading.
 */
import { layeredLayout } from './layered.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { placeLabels } from './labels.js';
import { ACCENT, DOT, measureAll, type Measured, type Scene, type SceneEdge } from './measure.js';
import { fitText, wrapText } from './metrics.js';
import { OUTER, pack, type Packed, type PlacedBox, type Pull } from './pack.js';
import { routeEdges, type LabelBox, type Point } from './route.js';
import { BOX, COLOUR, DASH, FONT, LINE, SPACING } from './styles.js';
import { svgDocument, SvgWriter } from './svg.js';

export type { BoxStyle, Scene, SceneEdge, SceneNode, TextLine } from './measure.js';
export type { LegendItem };

/**
 * The page a diagram should fit, in px: an A4 text block at the size where the smallest text
 * (10 px) stays readable. Wider or taller diagrams get scaled down by the renderers.
 */
export const PAGE = { width: 680, height: 980 } as const;
/** Widths tried for packed layouts: the narrowest that fits the page, else the least shrunk. */
const WIDTHS = [680, 800, 940, 1100, 1300, 1550, 1850] as const;

export interface Drawing {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Boxes and routed edges, in root coordinates. */
export interface Laid {
  readonly boxes: readonly PlacedBox[];
  readonly edges: readonly {
    readonly edge: SceneEdge;
    readonly points: readonly Point[];
    readonly label?: LabelBox;
  }[];
  readonly width: number;
  readonly height: number;
}

function textAttributes(
  size: number,
  weight: string | undefined,
  colour: string | undefined,
): Record<string, string | number | undefined> {
  return {
    'font-size': size,
    'font-weight': weight === 'bold' ? 'bold' : undefined,
    fill: colour ?? COLOUR.text,
  };
}

function drawBox(svg: SvgWriter, p: PlacedBox): void {
  const { style, kind, entity } = p.m.node;
  svg.open('g', { 'data-kind': kind, 'data-id': entity });
  svg.element('rect', {
    x: p.x,
    y: p.y,
    width: p.width,
    height: p.height,
    rx: BOX.radius,
    fill: style.fill,
    stroke: style.stroke,
    'stroke-width': style.strokeWidth ?? 1,
    'stroke-dasharray': style.dash,
  });
  if (style.accent !== undefined) {
    svg.element('rect', {
      x: p.x + 0.5,
      y: p.y + 0.5,
      width: ACCENT - 1,
      height: p.height - 1,
      fill: style.accent,
    });
  }
  if (style.dot !== undefined) {
    svg.element('circle', { cx: p.x + p.width - 6.5, cy: p.y + 6.5, r: 3.5, fill: style.dot });
  }
  const accent = style.accent === undefined ? 0 : ACCENT;
  if (p.m.group) {
    const room = p.width - 2 * SPACING.group - accent - (style.dot === undefined ? 0 : DOT);
    let y = p.y + SPACING.group;
    for (const line of p.m.lines) {
      y += line.size;
      svg.element(
        'text',
        {
          x: p.x + SPACING.group + accent,
          y,
          ...textAttributes(line.size, line.weight, line.colour),
        },
        fitText(line.text, room, line.size, line.weight),
      );
      y += line.size * (LINE - 1);
    }
  } else {
    const centre = p.x + accent / 2 + p.width / 2;
    let y = p.y + (p.height - p.m.textHeight) / 2;
    for (const line of p.m.lines) {
      svg.element(
        'text',
        {
          x: centre,
          // baseline at ~80 % of the em box below the line's top: visually centred
          y: y + (line.size * (LINE - 1)) / 2 + line.size * 0.8,
          'text-anchor': 'middle',
          ...textAttributes(line.size, line.weight, line.colour),
        },
        line.text,
      );
      y += line.size * LINE;
    }
  }
  svg.close('g');
}

const ARROW = 7;
const fmt = (value: number): string => String(Math.round(value * 10) / 10);

/** Draws an arrowhead with its tip at `tip`; returns the base, where the line should stop. */
function arrowHead(svg: SvgWriter, from: Point, tip: Point, colour: string): Point {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const size = Math.min(ARROW, length);
  const base = { x: tip.x - ux * size, y: tip.y - uy * size };
  const half = ARROW / 2.2;
  svg.element('polygon', {
    points: [
      `${fmt(tip.x)},${fmt(tip.y)}`,
      `${fmt(base.x - uy * half)},${fmt(base.y + ux * half)}`,
      `${fmt(base.x + uy * half)},${fmt(base.y - ux * half)}`,
    ].join(' '),
    fill: colour,
  });
  return base;
}

function drawEdge(svg: SvgWriter, edge: SceneEdge, route: readonly Point[]): void {
  const points = [...route];
  const last = points.length - 1;
  const beforeEnd = points[last - 1];
  const end = points[last];
  if (beforeEnd === undefined || end === undefined) return;
  svg.open('g', { 'data-kind': 'edge' });
  points[last] = arrowHead(svg, beforeEnd, end, edge.colour);
  const start = points[0];
  const afterStart = points[1];
  if (edge.both && start !== undefined && afterStart !== undefined)
    points[0] = arrowHead(svg, afterStart, start, edge.colour);
  svg.element('path', {
    d: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p.x)} ${fmt(p.y)}`).join(' '),
    fill: 'none',
    stroke: edge.colour,
    'stroke-width': edge.width ?? 1.3,
    'stroke-dasharray': edge.dashed ? DASH : undefined,
    'stroke-linejoin': 'round',
    'data-flows': edge.flows?.join(' '),
    'data-dashed': edge.dashed ? 'true' : 'false',
  });
  svg.close('g');
}

function drawLabel(svg: SvgWriter, label: LabelBox): void {
  svg.element('rect', {
    x: label.x,
    y: label.y,
    width: label.width,
    height: label.height,
    rx: 2,
    fill: COLOUR.labelBackground,
    'fill-opacity': 0.9,
  });
  svg.element(
    'text',
    {
      x: label.x + label.width / 2,
      y: label.y + (FONT.edge * (LINE - 1)) / 2 + FONT.edge * 0.8,
      'text-anchor': 'middle',
      ...textAttributes(FONT.edge, undefined, COLOUR.muted),
    },
    label.text,
  );
}

async function layOut(scene: Scene): Promise<Laid> {
  const measured = measureAll(scene.nodes);
  if (scene.layout === 'layered') return layeredLayout(scene, measured);
  const packed = bestPacking(scene, measured);
  const routes = routeEdges(packed.boxes, scene.edges, packed.width, packed.height);
  return crop({ ...packed, edges: placeLabels(routes, packed.boxes) });
}

/** How much a drawing of this size must shrink to fit the page (1: not at all). */
function fitScale(width: number, height: number): number {
  return Math.min(1, PAGE.width / width, PAGE.height / height);
}

/** Packs at each candidate width and keeps the one that needs the least shrinking. */
/** Where each box's edges pull it: the mean centre of the boxes at their other ends. */
function pulls(packed: Packed, edges: readonly SceneEdge[]): Pull {
  const centre = new Map(
    packed.boxes.map((b) => [b.m.node.id, { x: b.x + b.width / 2, y: b.y + b.height / 2 }]),
  );
  const sums = new Map<string, { x: number; y: number; n: number }>();
  const add = (id: string, other: string): void => {
    const at = centre.get(other);
    if (at === undefined || id === other) return;
    const sum = sums.get(id) ?? { x: 0, y: 0, n: 0 };
    sums.set(id, { x: sum.x + at.x, y: sum.y + at.y, n: sum.n + 1 });
  };
  for (const edge of edges) {
    add(edge.from, edge.to);
    add(edge.to, edge.from);
  }
  return new Map([...sums].map(([id, s]) => [id, { x: s.x / s.n, y: s.y / s.n }]));
}

/**
 * Packs at each candidate width and keeps the one that needs the least shrinking; at that
 * width, boxes are then reordered towards what they are linked to (twice: positions settle).
 */
function bestPacking(scene: Scene, measured: ReadonlyMap<string, Measured>): Packed {
  const extra = 2 * (OUTER - SPACING.margin);
  let best: { packed: Packed; width: number } | undefined;
  let bestScale = 0;
  for (const width of WIDTHS) {
    const packed = pack(scene.nodes, measured, width + extra, scene.gap);
    const inner = { width: packed.width - extra, height: packed.height - extra };
    const scale = fitScale(inner.width, inner.height + legendHeight(scene.legend, inner.width));
    if (best === undefined || scale > bestScale + 0.01) {
      best = { packed, width };
      bestScale = scale;
    }
    if (scale === 1) break;
  }
  if (best === undefined) return pack(scene.nodes, measured, PAGE.width + extra, scene.gap);
  let packed = best.packed;
  for (let round = 0; round < 2; round += 1)
    packed = pack(scene.nodes, measured, best.width + extra, scene.gap, pulls(packed, scene.edges));
  return packed;
}

/** Moves the drawing to the top-left corner and trims the unused margins. */
function crop(laid: Laid): Laid {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const cover = (x: number, y: number, width = 0, height = 0): void => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  };
  for (const box of laid.boxes) cover(box.x, box.y, box.width, box.height);
  for (const { points, label } of laid.edges) {
    for (const p of points) cover(p.x - 4, p.y - 4, 8, 8);
    if (label !== undefined) cover(label.x, label.y, label.width, label.height);
  }
  if (!Number.isFinite(minX)) return laid;
  const dx = SPACING.margin - minX;
  const dy = SPACING.margin - minY;
  const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  return {
    boxes: laid.boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy })),
    edges: laid.edges.map((e) => ({
      ...e,
      points: e.points.map(move),
      ...(e.label === undefined
        ? {}
        : { label: { ...e.label, x: e.label.x + dx, y: e.label.y + dy } }),
    })),
    width: Math.ceil(maxX - minX + 2 * SPACING.margin),
    height: Math.ceil(maxY - minY + 2 * SPACING.margin),
  };
}

/** Lays a scene out and draws it as a standalone SVG. */
export async function drawScene(scene: Scene): Promise<Drawing> {
  const laid = await layOut(scene);
  const width = Math.max(Math.ceil(laid.width), 360);
  const headingLines =
    scene.heading === undefined
      ? []
      : wrapText(scene.heading, width - 2 * SPACING.margin, FONT.heading, 3, 'bold');
  const headingHeight =
    headingLines.length === 0
      ? 0
      : Math.ceil(SPACING.margin + headingLines.length * FONT.heading * LINE);
  const legendTop = headingHeight + Math.ceil(laid.height);
  const height = legendTop + legendHeight(scene.legend, width);

  const svg = new SvgWriter();
  headingLines.forEach((line, i) => {
    svg.element(
      'text',
      {
        x: SPACING.margin,
        y: SPACING.margin + FONT.heading + i * FONT.heading * LINE,
        ...textAttributes(FONT.heading, 'bold', undefined),
      },
      line,
    );
  });
  svg.open('g', headingHeight === 0 ? {} : { transform: `translate(0 ${String(headingHeight)})` });
  for (const box of laid.boxes) drawBox(svg, box);
  for (const { edge, points } of laid.edges) drawEdge(svg, edge, points);
  for (const { label } of laid.edges) if (label !== undefined) drawLabel(svg, label);
  svg.close('g');
  drawLegend(svg, scene.legend, legendTop, width);
  return {
    svg: svgDocument({
      width,
      height,
      title: scene.title,
      description: scene.description,
      body: svg,
    }),
    width,
    height,
  };
}
