/**
 * Figures of the PDF renderer: the SVG drawn as vectors by svg-to-pdfkit, scaled to the content
 * width (never enlarged) and to one page at most, caption below. Fonts in the SVG map to the
 * embedded DejaVu faces; external images and links inside the SVG are not followed.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { Block } from '../model.js';
import { BOTTOM, CONTENT_WIDTH, destination, LEFT, TOP, type RenderContext } from './pdf-flow.js';
import { fontFor } from './pdf-inline.js';
import { layoutSpans, type Line, type Span } from './pdf-text.js';

type FigureBlock = Extract<Block, { kind: 'figure' }>;

/** CSS pixels to points. */
const PX = 0.75;
const CAPTION_SIZE = 9;
const CAPTION_LH = 12.5;
const CAPTION_GAP = 6;

export interface FigureLayout {
  readonly width: number;
  readonly height: number;
  readonly caption: readonly Line[];
  /** Drawing, gap and caption. */
  readonly total: number;
}

const positive = (n: number, fallback: number): number =>
  Number.isFinite(n) && n > 0 ? n : fallback;

export function layoutFigure(
  ctx: RenderContext,
  block: FigureBlock,
  caption: readonly Span[],
): FigureLayout {
  const lines = layoutSpans(caption, CAPTION_SIZE, CONTENT_WIDTH, ctx.metrics);
  const captionHeight = lines.length * CAPTION_LH;
  let width = positive(block.width, 400) * PX;
  let height = positive(block.height, 300) * PX;
  const fitWidth = Math.min(1, CONTENT_WIDTH / width);
  width *= fitWidth;
  height *= fitWidth;
  const capacity = BOTTOM - TOP - captionHeight - CAPTION_GAP;
  if (height > capacity) {
    width *= capacity / height;
    height = capacity;
  }
  return { width, height, caption: lines, total: height + CAPTION_GAP + captionHeight };
}

const svgFont = (family: string, bold: boolean, italic: boolean): string =>
  fontFor(bold, italic, /mono/i.test(family));

/** Only inline PNG/JPEG images; never a file path or a URL. */
const safeImage = (link: string): string =>
  /^data:image\/(png|jpe?g);base64,/i.test(link.trim()) ? link.trim() : '';

/**
 * A diagram carries no links: `<a>` elements become plain groups, so svg-to-pdfkit writes no
 * link annotation (whatever their scheme). In well-formed XML "<" cannot occur inside an
 * attribute value or text, so the tags are found reliably.
 */
export const inertSvg = (svg: string): string =>
  svg
    .replace(/<a(?=[\s/>])[^>]*?\/>/g, '<g/>')
    .replace(/<a(?=[\s/>])[^>]*>/g, '<g>')
    .replace(/<\/a\s*>/g, '</g>');

export function renderFigure(
  ctx: RenderContext,
  block: FigureBlock,
  caption: readonly Span[],
  dest: string | undefined,
): void {
  const { flow } = ctx;
  const figure = layoutFigure(ctx, block, caption);
  flow.gap(8);
  flow.ensure(figure.total);
  if (dest !== undefined) destination(ctx, dest);
  const top = flow.y;
  const x = LEFT + (CONTENT_WIDTH - figure.width) / 2;
  flow.paint((pen) => {
    SVGtoPDF(pen.doc, inertSvg(block.svg), x, top, {
      width: figure.width,
      height: figure.height,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: svgFont,
      imageCallback: safeImage,
      warningCallback: () => undefined,
    });
    pen.reset();
    const captionTop = top + figure.height + CAPTION_GAP;
    pen.lines(
      figure.caption,
      { x: LEFT, top: captionTop, width: CONTENT_WIDTH },
      CAPTION_SIZE,
      CAPTION_LH,
      'center',
    );
  });
  flow.y = top + figure.total;
}
