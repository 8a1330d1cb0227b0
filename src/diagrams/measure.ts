/**
 * The scene a view describes (boxes, nested groups, edges, legend) and the measured size of
 * each box: its text wrapped and cut to the box's maximum width with the real font metrics.
 */
import type { Direction } from './layout.js';
import type { LegendItem } from './legend.js';
import { textWidth, wrapText, type Weight } from './metrics.js';
import { BOX, LINE, SPACING } from './styles.js';

export interface TextLine {
  readonly text: string;
  readonly size: number;
  readonly weight?: Weight;
  readonly colour?: string;
  /** Lines the text may wrap to (default 1); the last one ends with an ellipsis if needed. */
  readonly maxLines?: number;
}

export interface BoxStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth?: number;
  readonly dash?: string;
  /** Colour of a bar along the left side (e.g. reachable from the Internet). */
  readonly accent?: string;
  /** Colour of a dot in the top-right corner (e.g. worst open finding). */
  readonly dot?: string;
}

export interface SceneNode {
  /** Unique in the scene. */
  readonly id: string;
  /** What it stands for (`asset`, `zone`…), written as `data-kind`. */
  readonly kind: string;
  /** The model entity, written as `data-id`. */
  readonly entity?: string;
  /** Leaf: centred lines; group: its title, top left. */
  readonly lines: readonly TextLine[];
  readonly style: BoxStyle;
  /** A group when defined (even empty): drawn as a box around its children. */
  readonly children?: readonly SceneNode[];
  /** Widest a leaf may be (default `BOX.maxWidth`). */
  readonly maxWidth?: number;
}

export interface SceneEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly colour: string;
  readonly dashed: boolean;
  /** Arrowheads at both ends. */
  readonly both: boolean;
  readonly width?: number;
  /** The flows it stands for, written as `data-flows`. */
  readonly flows?: readonly string[];
}

export interface Scene {
  /**
   * `packed`: nested boxes packed for a portrait page, edges routed between them (zones,
   * processes); `layered`: ELK's layered layout, for chains (attack paths).
   */
  readonly layout: 'packed' | 'layered';
  readonly direction?: Direction;
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
  readonly legend: readonly LegendItem[];
  /** Drawn above the diagram when set (standalone output). */
  readonly heading?: string;
  /** `<title>` and `<desc>` of the SVG. */
  readonly title: string;
  readonly description: string;
  /** Space between sibling boxes (packed layout; default `GAP`): wider leaves room for labels. */
  readonly gap?: number;
  /** Extra ELK options (layered layout only). */
  readonly options?: Readonly<Record<string, string>>;
}

export interface Measured {
  readonly node: SceneNode;
  readonly lines: readonly TextLine[];
  readonly textWidth: number;
  readonly textHeight: number;
  readonly group: boolean;
  /** Size of a leaf, or of a group without children; a group's minimum size otherwise. */
  readonly width: number;
  readonly height: number;
}

/** Width of the bar of `accent`, and room kept for the corner dot. */
export const ACCENT = 5;
export const DOT = 9;

/** Measures a node and its descendants. */
export function measureAll(
  nodes: readonly SceneNode[],
  out = new Map<string, Measured>(),
): Map<string, Measured> {
  for (const node of nodes) {
    out.set(node.id, measure(node));
    if (node.children !== undefined) measureAll(node.children, out);
  }
  return out;
}

function measure(node: SceneNode): Measured {
  const group = node.children !== undefined;
  const extra =
    (node.style.accent === undefined ? 0 : ACCENT) + (node.style.dot === undefined ? 0 : DOT);
  const room = group
    ? BOX.groupTitleMax
    : (node.maxWidth ?? BOX.maxWidth) - 2 * SPACING.box - extra;
  const lines = node.lines.flatMap((line) =>
    wrapText(line.text, room, line.size, line.maxLines ?? 1, line.weight).map((text) => ({
      ...line,
      text,
    })),
  );
  const widest = Math.max(0, ...lines.map((l) => textWidth(l.text, l.size, l.weight)));
  const textHeight = lines.reduce((sum, l) => sum + l.size * LINE, 0);
  const pad = group ? SPACING.group : SPACING.box;
  return {
    node,
    lines,
    textWidth: widest + extra,
    textHeight,
    group,
    width: Math.ceil(
      Math.max(group ? 0 : BOX.minWidth, widest + extra + 2 * pad + (group ? 2 : 0)),
    ),
    height: Math.ceil(textHeight + 2 * pad),
  };
}
