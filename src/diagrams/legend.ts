/**
 * The legend under a diagram: samples (line styles, box styles, dots) with their meaning,
 * flowed left to right in rows as wide as the diagram.
 */
import { fitText, textWidth } from './metrics.js';
import { BOX, COLOUR, DASH, FONT, SPACING } from './styles.js';
import type { SvgWriter } from './svg.js';

export type LegendItem =
  | {
      readonly kind: 'line';
      readonly label: string;
      readonly colour: string;
      readonly dashed: boolean;
    }
  | {
      readonly kind: 'box';
      readonly label: string;
      readonly fill: string;
      readonly stroke: string;
      readonly accent?: string;
      readonly dash?: string;
    }
  | { readonly kind: 'dot'; readonly label: string; readonly colour: string }
  | { readonly kind: 'text'; readonly label: string };

const ROW = 17;
const GAP = 16;
const SYMBOL: Readonly<Record<LegendItem['kind'], number>> = { line: 26, box: 16, dot: 8, text: 0 };

interface Slot {
  readonly item: LegendItem;
  readonly x: number;
  readonly row: number;
  readonly label: string;
}

function slots(items: readonly LegendItem[], width: number): Slot[] {
  const room = width - 2 * SPACING.margin;
  const result: Slot[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const symbol = SYMBOL[item.kind] === 0 ? 0 : SYMBOL[item.kind] + 5;
    const label = fitText(item.label, room - symbol, FONT.legend);
    const size = symbol + textWidth(label, FONT.legend);
    if (x > 0 && x + size > room) {
      x = 0;
      row += 1;
    }
    result.push({ item, x, row, label });
    x += size + GAP;
  }
  return result;
}

/** Height the legend takes under a diagram of this width (0 without items). */
export function legendHeight(items: readonly LegendItem[], width: number): number {
  if (items.length === 0) return SPACING.margin;
  const rows = Math.max(0, ...slots(items, width).map((s) => s.row)) + 1;
  return rows * ROW + 2 * SPACING.margin;
}

function drawSymbol(svg: SvgWriter, item: LegendItem, x: number, middle: number): void {
  switch (item.kind) {
    case 'line':
      svg.element('path', {
        d: `M${String(x)} ${String(middle)} H${String(x + SYMBOL.line)}`,
        stroke: item.colour,
        'stroke-width': 1.6,
        'stroke-dasharray': item.dashed ? DASH : undefined,
        fill: 'none',
      });
      break;
    case 'box':
      svg.element('rect', {
        x,
        y: middle - 5.5,
        width: SYMBOL.box,
        height: 11,
        rx: BOX.radius / 2,
        fill: item.fill,
        stroke: item.stroke,
        'stroke-dasharray': item.dash === undefined ? undefined : '3 2',
      });
      if (item.accent !== undefined)
        svg.element('rect', { x: x + 0.5, y: middle - 5, width: 4, height: 10, fill: item.accent });
      break;
    case 'dot':
      svg.element('circle', { cx: x + 4, cy: middle, r: 3.5, fill: item.colour });
      break;
    case 'text':
      break;
  }
}

/** Draws the legend from `top`, with a rule above it. */
export function drawLegend(
  svg: SvgWriter,
  items: readonly LegendItem[],
  top: number,
  width: number,
): void {
  if (items.length === 0) return;
  svg.open('g', { 'data-kind': 'legend' });
  svg.element('path', {
    d: `M${String(SPACING.margin)} ${String(top + SPACING.margin / 2)} H${String(width - SPACING.margin)}`,
    stroke: COLOUR.legendStroke,
    'stroke-width': 0.6,
    fill: 'none',
  });
  for (const slot of slots(items, width)) {
    const x = SPACING.margin + slot.x;
    const middle = top + SPACING.margin + slot.row * ROW + ROW / 2;
    drawSymbol(svg, slot.item, x, middle);
    const symbol = SYMBOL[slot.item.kind] === 0 ? 0 : SYMBOL[slot.item.kind] + 5;
    svg.element(
      'text',
      {
        x: x + symbol,
        y: middle + FONT.legend * 0.35,
        'font-size': FONT.legend,
        fill: COLOUR.text,
      },
      slot.label,
    );
  }
  svg.close('g');
}
