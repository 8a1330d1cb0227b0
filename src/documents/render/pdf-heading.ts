/**
 * Headings of the PDF renderer: numbered section headings (sizes by level, kept with what
 * follows, a named destination and a bookmark) and the unnumbered headings of the front matter.
 */
import {
  bookmark,
  COLORS,
  CONTENT_WIDTH,
  destination,
  LEFT,
  type RenderContext,
} from './pdf-flow.js';
import { layoutSpans, type Line } from './pdf-text.js';

interface HeadingStyle {
  readonly size: number;
  readonly lh: number;
  readonly before: number;
  readonly after: number;
}

const STYLES: readonly HeadingStyle[] = [
  { size: 17, lh: 22, before: 0, after: 10 },
  { size: 13.5, lh: 18, before: 14, after: 2 },
  { size: 11.5, lh: 15, before: 10, after: 1 },
  { size: 10.5, lh: 14, before: 8, after: 0 },
];

const styleOf = (level: number): HeadingStyle =>
  STYLES[Math.min(Math.max(level, 1), STYLES.length) - 1] ?? {
    size: 10,
    lh: 14,
    before: 8,
    after: 3,
  };

export interface HeadingSpec {
  /** "2.3", "Annexe A"; absent for front-matter headings. */
  readonly number?: string;
  readonly title: string;
  readonly level: number;
  /** Section id (records its page, adds a destination). */
  readonly id?: string;
  /** Named destination for the heading. */
  readonly dest?: string;
  /** Height of what must stay on the same page as the heading. */
  readonly lead: number;
}

interface HeadingLayout {
  readonly style: HeadingStyle;
  readonly indent: number;
  readonly lines: readonly Line[];
  readonly height: number;
}

function layoutHeading(ctx: RenderContext, spec: HeadingSpec): HeadingLayout {
  const style = styleOf(spec.level);
  const indent =
    spec.number === undefined
      ? 0
      : ctx.metrics.width('bold', spec.number, style.size) + style.size * 0.7;
  const lines = layoutSpans(
    [{ text: spec.title, style: { font: 'bold', color: COLORS.heading } }],
    style.size,
    CONTENT_WIDTH - indent,
    ctx.metrics,
  );
  return { style, indent, lines, height: lines.length * style.lh };
}

/** Vertical room a heading takes with its spacing (for keeping it with its section). */
export function headingHeight(ctx: RenderContext, spec: HeadingSpec): number {
  const { style, height } = layoutHeading(ctx, spec);
  return style.before + height + style.after;
}

export function renderHeading(ctx: RenderContext, spec: HeadingSpec): void {
  const { flow } = ctx;
  const { style, indent, lines, height } = layoutHeading(ctx, spec);
  flow.gap(style.before);
  flow.ensure(height + style.after + spec.lead);
  if (spec.id !== undefined) ctx.sectionPages.set(spec.id, flow.page);
  if (spec.dest !== undefined) destination(ctx, spec.dest);
  const top = flow.y;
  bookmark(
    ctx,
    spec.level,
    spec.number === undefined ? spec.title : `${spec.number} ${spec.title}`,
  );
  flow.paint((pen) => {
    if (spec.number !== undefined) {
      pen.text(
        spec.number,
        { font: 'bold', color: COLORS.heading },
        style.size,
        LEFT,
        top,
        style.lh,
      );
    }
    pen.lines(
      lines,
      { x: LEFT + indent, top, width: CONTENT_WIDTH - indent },
      style.size,
      style.lh,
    );
    if (spec.level === 1) {
      const y = top + height + 3;
      pen.line(LEFT, y, LEFT + CONTENT_WIDTH, y, COLORS.heading, 1);
    }
  });
  flow.y = top + height + style.after;
}
