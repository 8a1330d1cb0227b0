/**
 * "Fit" that stays readable: below a zoom level the zones' contents are too small to read, so each
 * outermost zone collapses to a summary (its name and what it holds). Pure geometry over the
 * boxes, edges and loose labels of the drawing (the SVG draws them as siblings, not nested).
 */

/** Below this scale (11 px text drawn under ~6 px) zones collapse to their summaries. */
export const COLLAPSE_BELOW = 0.55;

export function shouldCollapse(scale: number): boolean {
  return scale < COLLAPSE_BELOW;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Box extends Rect {
  /** `zone`, `site`, `asset`… (the SVG's `data-kind`). */
  readonly kind: string;
  readonly id: string;
}

export interface Piece {
  /** Index of the element in the caller's list. */
  readonly index: number;
  /** Points it spans (a box's corners, an edge's route, a label's anchor). */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** The box it draws, if any (a zone never hides itself). */
  readonly box?: { readonly kind: string; readonly id: string };
}

export interface ZoneSummary {
  readonly id: string;
  readonly box: Rect;
  readonly assets: number;
  readonly zones: number;
  /** Indexes of the pieces hidden while the zone is collapsed. */
  readonly hidden: readonly number[];
}

function inside(rect: Rect, point: { readonly x: number; readonly y: number }): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  );
}

function corners(rect: Rect): { x: number; y: number }[] {
  return [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.width, y: rect.y + rect.height },
  ];
}

function within(outer: Rect, inner: Rect): boolean {
  return corners(inner).every((p) => inside(outer, p)) && outer !== inner;
}

/**
 * The summaries of the outermost zones (zones in no other zone; sites stay drawn): how many
 * assets and sub-zones each holds, and which pieces lie wholly inside it (hidden when collapsed).
 */
export function zoneSummaries(boxes: readonly Box[], pieces: readonly Piece[]): ZoneSummary[] {
  const zones = boxes.filter((b) => b.kind === 'zone');
  const outermost = zones.filter((zone) => !zones.some((other) => within(other, zone)));
  return outermost.map((zone) => {
    const contained = boxes.filter((b) => b !== zone && within(zone, b));
    return {
      id: zone.id,
      box: { x: zone.x, y: zone.y, width: zone.width, height: zone.height },
      assets: contained.filter((b) => b.kind === 'asset').length,
      zones: contained.filter((b) => b.kind === 'zone').length,
      hidden: pieces
        .filter(
          (piece) =>
            piece.points.length > 0 &&
            !(piece.box?.kind === 'zone' && piece.box.id === zone.id) &&
            (piece.box === undefined && piece.points.length > 2
              ? // an edge: both ends inside (its route may go round by the margins)
                inside(zone, piece.points[0] ?? { x: -1, y: -1 }) &&
                inside(zone, piece.points[piece.points.length - 1] ?? { x: -1, y: -1 })
              : piece.points.every((p) => inside(zone, p))),
        )
        .map((piece) => piece.index),
    };
  });
}

/** The points of an SVG path's `d` made of M/L commands with absolute coordinates. */
export function pathPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (const match of d.matchAll(/[ML]\s*(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)/g)) {
    points.push({ x: Number(match[1]), y: Number(match[2]) });
  }
  return points;
}

/** A font size (drawing units) that reads about `screen` px at `scale`, within the box. */
export function summaryFontSize(box: Rect, scale: number, lines: readonly string[]): number {
  const wanted = 13 / Math.max(scale, 0.01);
  const longest = Math.max(1, ...lines.map((line) => line.length));
  const byWidth = (box.width - 12) / (longest * 0.62);
  const byHeight = (box.height - 8) / (lines.length * 1.3);
  return Math.max(4, Math.min(wanted, byWidth, byHeight));
}
