/**
 * The body blocks of the PDF renderer: sections (numbered headings kept with what follows;
 * top-level ones on a new page), paragraphs, lists, callouts, quotes, tables, figures, the
 * table of contents and page breaks.
 */
import type { Block, CalloutTone, Inlines } from '../model.js';
import { layoutFigure, renderFigure } from './pdf-figure.js';
import {
  BODY_LH,
  BODY_SIZE,
  BOTTOM,
  COLORS,
  CONTENT_WIDTH,
  flowLines,
  LEFT,
  TOP,
  type RenderContext,
} from './pdf-flow.js';
import { renderToc } from './pdf-front.js';
import { headingHeight, renderHeading, type HeadingSpec } from './pdf-heading.js';
import { destName, inlineSpans, type InlineTheme } from './pdf-inline.js';
import { renderTable, tableLead, type TableSpec } from './pdf-table.js';
import { layoutSpans, type Line, type Span } from './pdf-text.js';

type SectionBlock = Extract<Block, { kind: 'section' }>;
type TableBlock = Extract<Block, { kind: 'table' }>;
type FigureBlock = Extract<Block, { kind: 'figure' }>;
type CalloutBlock = Extract<Block, { kind: 'callout' }>;
type QuoteBlock = Extract<Block, { kind: 'quote' }>;

const BLOCK_GAP = 6;
const BODY: InlineTheme = { color: COLORS.text, linkColor: COLORS.link };

const TONES: Readonly<Record<CalloutTone, { readonly bar: string; readonly fill: string }>> = {
  info: { bar: '#1a56db', fill: '#eef4ff' },
  warning: { bar: '#b45309', fill: '#fff6e5' },
  danger: { bar: '#b42318', fill: '#fdecea' },
  success: { bar: '#15803d', fill: '#eafaf0' },
  todo: { bar: '#6d28d9', fill: '#f3eefe' },
};

const bodyLines = (ctx: RenderContext, content: Inlines, width: number, theme = BODY): Line[] =>
  layoutSpans(inlineSpans(content, theme, ctx.refs), BODY_SIZE, width, ctx.metrics);

/** "Table 3 – caption" / "Figure 2 – caption". */
function captionSpans(
  ctx: RenderContext,
  word: string,
  n: number | undefined,
  caption: Inlines,
): Span[] {
  const label = n === undefined ? '' : `${word} ${String(n)}`;
  const spans: Span[] = [];
  if (label !== '') {
    spans.push({
      text: caption.length > 0 ? `${label} – ` : label,
      style: { font: 'bold', color: COLORS.text },
    });
  }
  return spans.concat(inlineSpans(caption, BODY, ctx.refs));
}

function tableSpec(ctx: RenderContext, block: TableBlock): TableSpec {
  const n = ctx.numbering.tableNumber(block);
  return {
    columns: block.columns,
    rows: block.rows,
    dense: block.dense === true,
    caption: captionSpans(ctx, ctx.labels.table, n, block.caption ?? []),
    ...(block.id === undefined ? {} : { dest: destName(block.id) }),
  };
}

function figureCaption(ctx: RenderContext, block: FigureBlock): Span[] {
  return captionSpans(ctx, ctx.labels.figure, ctx.numbering.figureNumber(block), block.caption);
}

function sectionHeading(
  ctx: RenderContext,
  block: SectionBlock,
  index: number,
  lead: number,
): HeadingSpec {
  const entry = ctx.numbering.sections[index];
  const number = entry === undefined ? '' : entry.number;
  return {
    number:
      entry?.appendix === true && entry.level === 1 ? `${ctx.labels.appendix} ${number}` : number,
    title: block.title,
    level: entry?.level ?? 1,
    id: block.id,
    dest: destName(block.id),
    lead,
  };
}

function calloutLines(
  ctx: RenderContext,
  block: CalloutBlock,
): { lines: Line[]; tone: (typeof TONES)[CalloutTone] } {
  const tone = TONES[block.tone];
  const width = CONTENT_WIDTH - 24;
  const label =
    ctx.labels.tone[block.tone] + (block.title === undefined ? '' : ` – ${block.title}`);
  const head = layoutSpans(
    [{ text: label, style: { font: 'bold', color: tone.bar } }],
    BODY_SIZE,
    width,
    ctx.metrics,
  );
  return { lines: head.concat(bodyLines(ctx, block.content, width)), tone };
}

/** Height that must stay with a heading placed just before `block`. */
function leadHeight(ctx: RenderContext, block: Block | undefined, sectionIndex: number): number {
  if (block === undefined) return 0;
  switch (block.kind) {
    case 'paragraph':
      return Math.min(2, bodyLines(ctx, block.content, CONTENT_WIDTH).length) * BODY_LH + BLOCK_GAP;
    case 'list': {
      const first = block.items[0];
      return first === undefined
        ? 0
        : Math.min(2, bodyLines(ctx, first, CONTENT_WIDTH - 40).length) * BODY_LH + BLOCK_GAP;
    }
    case 'callout':
      return Math.min(calloutLines(ctx, block).lines.length, 3) * BODY_LH + 12 + BLOCK_GAP;
    case 'quote':
      return (
        Math.min(2, bodyLines(ctx, block.content, CONTENT_WIDTH - 32).length) * BODY_LH + BLOCK_GAP
      );
    case 'table':
      return tableLead(ctx, tableSpec(ctx, block)) + 8;
    case 'figure':
      return layoutFigure(ctx, block, figureCaption(ctx, block)).total + 8;
    case 'section': {
      const inner = leadHeight(ctx, block.children[0], sectionIndex + 1);
      return headingHeight(ctx, sectionHeading(ctx, block, sectionIndex, 0)) + inner;
    }
    case 'toc':
    case 'pagebreak':
      return 0;
  }
}

function renderParagraph(ctx: RenderContext, content: Inlines): void {
  const lines = bodyLines(ctx, content, CONTENT_WIDTH);
  ctx.flow.gap(BLOCK_GAP);
  flowLines(ctx.flow, lines.length, BODY_LH, 0, (from, n, top) => {
    ctx.flow.paint((pen) => {
      pen.lines(lines, { x: LEFT, top, width: CONTENT_WIDTH }, BODY_SIZE, BODY_LH, 'left', from, n);
    });
  });
}

function renderList(ctx: RenderContext, items: readonly Inlines[], ordered: boolean): void {
  const indent = 12;
  const markerWidth = ordered
    ? ctx.metrics.width('regular', `${String(items.length)}.`, BODY_SIZE) + 6
    : 12;
  const x = LEFT + indent + markerWidth;
  const width = CONTENT_WIDTH - indent - markerWidth;
  ctx.flow.gap(BLOCK_GAP);
  items.forEach((item, i) => {
    const lines = bodyLines(ctx, item, width);
    const marker = ordered ? `${String(i + 1)}.` : '•';
    if (i > 0) ctx.flow.gap(2);
    flowLines(ctx.flow, lines.length, BODY_LH, 0, (from, n, top) => {
      ctx.flow.paint((pen) => {
        if (from === 0)
          pen.text(
            marker,
            { font: 'regular', color: COLORS.text },
            BODY_SIZE,
            LEFT + indent,
            top,
            BODY_LH,
          );
        pen.lines(lines, { x, top, width }, BODY_SIZE, BODY_LH, 'left', from, n);
      });
    });
  });
}

function renderCallout(ctx: RenderContext, block: CalloutBlock): void {
  const { flow } = ctx;
  const { lines, tone } = calloutLines(ctx, block);
  const pad = 6;
  const total = lines.length * BODY_LH + 2 * pad;
  flow.gap(BLOCK_GAP + 2);
  if (total <= BOTTOM - TOP) flow.ensure(total);
  flowLines(flow, lines.length, BODY_LH, pad, (from, n, top, height) => {
    flow.paint((pen) => {
      pen.fillRect(LEFT, top, CONTENT_WIDTH, height, tone.fill);
      pen.fillRect(LEFT, top, 3, height, tone.bar);
      pen.lines(
        lines,
        { x: LEFT + 14, top: top + pad, width: CONTENT_WIDTH - 24 },
        BODY_SIZE,
        BODY_LH,
        'left',
        from,
        n,
      );
    });
  });
  flow.y += 2;
}

function renderQuote(ctx: RenderContext, block: QuoteBlock): void {
  const { flow } = ctx;
  const x = LEFT + 16;
  const width = CONTENT_WIDTH - 32;
  const lines = bodyLines(ctx, block.content, width, { ...BODY, italic: true });
  const bar = (top: number, height: number): void => {
    flow.paint((pen) => {
      pen.fillRect(LEFT + 4, top, 2.5, height, COLORS.rule);
    });
  };
  flow.gap(BLOCK_GAP);
  flowLines(flow, lines.length, BODY_LH, 0, (from, n, top, height) => {
    bar(top, height);
    flow.paint((pen) => {
      pen.lines(lines, { x, top, width }, BODY_SIZE, BODY_LH, 'left', from, n);
    });
  });
  if (block.source === undefined) return;
  const size = 8.5;
  const lh = 12;
  const muted = { color: COLORS.muted, linkColor: COLORS.link };
  const spans: Span[] = [{ text: '— ', style: { font: 'regular', color: COLORS.muted } }];
  const source = layoutSpans(
    spans.concat(inlineSpans(block.source, muted, ctx.refs)),
    size,
    width,
    ctx.metrics,
  );
  flowLines(flow, source.length, lh, 1, (from, n, top, height) => {
    bar(top, height);
    flow.paint((pen) => {
      pen.lines(source, { x, top: top + 1, width }, size, lh, 'left', from, n);
    });
  });
}

interface Cursor {
  section: number;
}

function renderSection(ctx: RenderContext, block: SectionBlock, cursor: Cursor): void {
  const index = cursor.section;
  cursor.section += 1;
  const spec = sectionHeading(ctx, block, index, 0);
  if (spec.level === 1 && !ctx.flow.atTop) ctx.flow.newPage();
  renderHeading(ctx, { ...spec, lead: leadHeight(ctx, block.children[0], cursor.section) });
  renderChildren(ctx, block.children, cursor);
}

function renderBlock(ctx: RenderContext, block: Block, cursor: Cursor): void {
  switch (block.kind) {
    case 'section':
      renderSection(ctx, block, cursor);
      break;
    case 'paragraph':
      renderParagraph(ctx, block.content);
      break;
    case 'list':
      renderList(ctx, block.items, block.ordered === true);
      break;
    case 'callout':
      renderCallout(ctx, block);
      break;
    case 'quote':
      renderQuote(ctx, block);
      break;
    case 'table':
      renderTable(ctx, tableSpec(ctx, block));
      break;
    case 'figure':
      renderFigure(
        ctx,
        block,
        figureCaption(ctx, block),
        block.id === undefined ? undefined : destName(block.id),
      );
      break;
    case 'toc':
      renderToc(ctx);
      break;
    case 'pagebreak':
      if (!ctx.flow.atTop) ctx.flow.newPage();
      break;
  }
}

function renderChildren(ctx: RenderContext, blocks: readonly Block[], cursor: Cursor): void {
  for (const block of blocks) renderBlock(ctx, block, cursor);
}

/** The document's blocks, in order (sections are numbered as `outline` numbers them). */
export function renderBlocks(ctx: RenderContext, blocks: readonly Block[]): void {
  renderChildren(ctx, blocks, { section: 0 });
}
