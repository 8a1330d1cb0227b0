/**
 * Edge labels where they fit: on the longest straight stretch of the edge that leaves the label
 * clear of every box, group title and label already placed; otherwise the label is left out
 * (the legend and the document's tables carry the detail).
 */
import { textWidth } from './metrics.js';
import type { PlacedBox } from './pack.js';
import { titleRect, type LabelBox, type Point, type RoutedEdge } from './route.js';
import { FONT, LINE } from './styles.js';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: Rect, b: Rect, margin: number): boolean =>
  a.x < b.x + b.width + margin &&
  b.x < a.x + a.width + margin &&
  a.y < b.y + b.height + margin &&
  b.y < a.y + a.height + margin;

interface Segment {
  readonly a: Point;
  readonly b: Point;
  readonly length: number;
  readonly horizontal: boolean;
}

function segments(points: readonly Point[]): Segment[] {
  const result: Segment[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined) continue;
    result.push({
      a,
      b,
      length: Math.abs(a.x - b.x) + Math.abs(a.y - b.y),
      horizontal: a.y === b.y,
    });
  }
  // horizontal stretches first (text reads along them), longest first
  return result.sort((s, t) => Number(t.horizontal) - Number(s.horizontal) || t.length - s.length);
}

/** Adds a label to the routed edges that have one, where it fits. */
export function placeLabels(
  routes: readonly RoutedEdge[],
  boxes: readonly PlacedBox[],
): RoutedEdge[] {
  const obstacles: Rect[] = [];
  for (const box of boxes) {
    if ((box.m.node.children?.length ?? 0) === 0) obstacles.push(box);
    else obstacles.push(titleRect(box));
  }
  const height = Math.ceil(FONT.edge * LINE);
  return routes.map((route) => {
    const text = route.edge.label;
    if (text === undefined) return route;
    const width = Math.ceil(textWidth(text, FONT.edge) + 6);
    for (const segment of segments(route.points)) {
      const room = segment.horizontal ? width + 14 : height + 20;
      if (segment.length < room) continue;
      for (const t of [0.5, 0.3, 0.7]) {
        const x = segment.a.x + (segment.b.x - segment.a.x) * t;
        const y = segment.a.y + (segment.b.y - segment.a.y) * t;
        // across a horizontal stretch; beside a vertical one (the line stays visible)
        const label: LabelBox = segment.horizontal
          ? { text, x: x - width / 2, y: y - height / 2, width, height }
          : { text, x: x + 3, y: y - height / 2, width, height };
        if (obstacles.some((o) => overlaps(label, o, 2))) continue;
        obstacles.push(label);
        return { ...route, label };
      }
    }
    return route;
  });
}
