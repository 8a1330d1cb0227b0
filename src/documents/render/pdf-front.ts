/**
 * Front matter and page furniture of the PDF renderer: the cover page, the document history,
 * the table of contents (numbered entries, dot leaders, page numbers learnt by the dry pass,
 * clickable) and the running header and footer drawn when each page starts.
 */
import { historyTable, longDate, pageOf } from '../labels.js';
import type { FontStyle } from '../../presentation/fonts.js';
import { COLORS, CONTENT_WIDTH, LEFT, PAGE_HEIGHT, type RenderContext } from './pdf-flow.js';
import { renderHeading } from './pdf-heading.js';
import { destName } from './pdf-inline.js';
import { renderTable, tableLead, type TableSpec } from './pdf-table.js';
import {
  capLines,
  layoutSpans,
  type Line,
  type Metrics,
  type Pen,
  type SpanStyle,
} from './pdf-text.js';
import type { OutlineEntry } from '../outline.js';
import type { DocumentMeta } from '../model.js';

/** `text` cut with an ellipsis to fit `width` (linear). */
export function fit(
  metrics: Metrics,
  font: FontStyle,
  size: number,
  text: string,
  width: number,
): string {
  if (metrics.width(font, text, size) <= width) return text;
  const room = width - metrics.width(font, '…', size);
  let used = 0;
  let out = '';
  for (const char of text) {
    used += metrics.width(font, char, size);
    if (used > room) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** Classification and title at the top, organisation and "Page n of N" at the bottom. */
export function drawChrome(pen: Pen, meta: DocumentMeta, page: number, pages: number): void {
  if (page === 1) return;
  const m = pen.metrics;
  const size = 8;
  const right = LEFT + CONTENT_WIDTH;
  const marking = fit(m, 'bold', size, meta.classification, CONTENT_WIDTH / 2);
  const markingWidth = m.width('bold', marking, size);
  pen.text(marking, { font: 'bold', color: COLORS.marking }, size, LEFT, 30, 10);
  const title = fit(m, 'regular', size, meta.title, CONTENT_WIDTH - markingWidth - 24);
  const titleStyle = { font: 'regular', color: COLORS.muted } as const;
  pen.text(title, titleStyle, size, right - m.width('regular', title, size), 30, 10);
  pen.line(LEFT, 44, right, 44, COLORS.rule, 0.6);

  const footer = PAGE_HEIGHT - 42;
  pen.line(LEFT, footer - 6, right, footer - 6, COLORS.rule, 0.6);
  const number = pageOf(meta.lang, page, pages);
  const numberWidth = m.width('regular', number, size);
  const organisation = fit(m, 'regular', size, meta.organisation, CONTENT_WIDTH - numberWidth - 24);
  pen.text(organisation, titleStyle, size, LEFT, footer, 10);
  pen.text(number, titleStyle, size, right - numberWidth, footer, 10);
}

/** Text wrapped in a box, at most `max` lines, drawn from `top`; returns its height. */
function coverText(
  pen: Pen,
  text: string,
  style: SpanStyle,
  size: number,
  lh: number,
  top: number,
  max: number,
  box: { readonly x: number; readonly width: number; readonly align?: 'left' | 'center' } = {
    x: LEFT,
    width: CONTENT_WIDTH,
  },
): number {
  const lines = capLines(layoutSpans([{ text, style }], size, box.width, pen.metrics), max, style);
  pen.lines(lines, { x: box.x, top, width: box.width }, size, lh, box.align ?? 'left');
  return lines.length * lh;
}

/** The cover: classification marking at the top and bottom, organisation, title, details. */
export function renderCover(ctx: RenderContext): void {
  const { flow, meta, labels } = ctx;
  flow.newPage();
  flow.paint((pen) => {
    const marking: SpanStyle = { font: 'bold', color: COLORS.marking };
    const muted = (font: FontStyle): SpanStyle => ({ font, color: COLORS.muted });
    const inBox = { x: LEFT + 12, width: CONTENT_WIDTH - 24, align: 'center' } as const;
    const boxHeight = coverText(pen, meta.classification, marking, 13, 17, 72, 3, inBox) + 16;
    pen.doc.lineWidth(1.5).strokeColor(COLORS.marking);
    pen.doc.rect(LEFT, 64, CONTENT_WIDTH, boxHeight).stroke();

    let y = 230;
    y += coverText(pen, meta.organisation, muted('bold'), 13, 18, y, 2) + 14;
    const heading: SpanStyle = { font: 'bold', color: COLORS.heading };
    y += coverText(pen, meta.title, heading, 25, 31, y, 6) + 8;
    if (meta.subtitle !== undefined) {
      y += coverText(pen, meta.subtitle, muted('regular'), 15, 20, y, 4) + 8;
    }
    pen.fillRect(LEFT, y + 14, 70, 2.5, COLORS.heading);
    y += 36;
    const details: [string, string][] = [
      [labels.version, meta.version],
      [labels.date, longDate(meta.lang, meta.date)],
      [labels.author, meta.author],
      [labels.classification, meta.classification],
    ];
    const value = { x: LEFT + 110, width: CONTENT_WIDTH - 110 };
    for (const [label, text] of details) {
      pen.text(label, muted('bold'), 10, LEFT, y, 18);
      y += coverText(pen, text, { font: 'regular', color: COLORS.text }, 10.5, 18, y, 2, value);
    }

    const centred = { x: LEFT, width: CONTENT_WIDTH, align: 'center' } as const;
    coverText(pen, labels.generatedBy, muted('italic'), 8.5, 12, 750, 3, centred);
    const bottom = fit(pen.metrics, 'bold', 9, meta.classification, CONTENT_WIDTH);
    coverText(pen, bottom, marking, 9, 12, PAGE_HEIGHT - 42, 1, centred);
  });
}

export function renderHistory(ctx: RenderContext): void {
  const { labels, meta } = ctx;
  ctx.flow.newPage();
  const spec: TableSpec = {
    ...historyTable(meta),
    dense: false,
  };
  renderHeading(ctx, {
    title: labels.history,
    level: 1,
    dest: 'vigie:history',
    lead: tableLead(ctx, spec),
  });
  renderTable(ctx, spec);
}

interface TocStyle {
  readonly size: number;
  readonly lh: number;
  readonly font: FontStyle;
  readonly indent: number;
  readonly number: number;
  readonly before: number;
}

const TOC_STYLES: readonly TocStyle[] = [
  { size: 10.5, lh: 16, font: 'bold', indent: 0, number: 24, before: 5 },
  { size: 10, lh: 14, font: 'regular', indent: 14, number: 30, before: 0 },
  { size: 9.5, lh: 13, font: 'regular', indent: 28, number: 38, before: 0 },
];
const TOC_DEPTH = TOC_STYLES.length;
const PAGE_COLUMN = 34;

interface TocEntry {
  readonly entry: OutlineEntry;
  readonly style: TocStyle;
  readonly number: string;
  readonly numberWidth: number;
  readonly lines: readonly Line[];
}

function tocEntries(ctx: RenderContext): TocEntry[] {
  const sections = ctx.numbering.sections.filter((s) => s.level <= TOC_DEPTH);
  const ordered = sections.filter((s) => !s.appendix).concat(sections.filter((s) => s.appendix));
  const styleOf = (level: number): TocStyle =>
    TOC_STYLES[level - 1] ?? {
      size: 9.5,
      lh: 13,
      font: 'regular',
      indent: 28,
      number: 38,
      before: 0,
    };
  const label = (entry: OutlineEntry): string =>
    entry.appendix && entry.level === 1 ? `${ctx.labels.appendix} ${entry.number}` : entry.number;
  // One number column per level (and one for the appendices), so titles line up.
  const group = (entry: OutlineEntry): string =>
    entry.appendix && entry.level === 1 ? 'appendix' : String(entry.level);
  const columns = new Map<string, number>();
  for (const entry of ordered) {
    const style = styleOf(entry.level);
    const width = Math.max(
      style.number,
      ctx.metrics.width(style.font, label(entry), style.size) + 8,
    );
    columns.set(group(entry), Math.max(columns.get(group(entry)) ?? 0, width));
  }
  return ordered.map((entry) => {
    const style = styleOf(entry.level);
    const numberWidth = columns.get(group(entry)) ?? style.number;
    const width = CONTENT_WIDTH - style.indent - numberWidth - PAGE_COLUMN - 10;
    const titleStyle: SpanStyle = { font: style.font, color: COLORS.text };
    const lines = layoutSpans(
      [{ text: entry.title, style: titleStyle }],
      style.size,
      width,
      ctx.metrics,
    );
    return { entry, style, number: label(entry), numberWidth, lines };
  });
}

function renderEntry(ctx: RenderContext, toc: TocEntry): void {
  const { flow } = ctx;
  const { style, lines } = toc;
  const height = lines.length * style.lh;
  flow.gap(style.before);
  flow.ensure(height);
  const top = flow.y;
  const page = ctx.knownPages?.get(toc.entry.id);
  flow.paint((pen) => {
    const textStyle: SpanStyle = { font: style.font, color: COLORS.text };
    const x = LEFT + style.indent;
    const titleX = x + toc.numberWidth;
    pen.text(toc.number, textStyle, style.size, x, top, style.lh);
    pen.lines(lines, { x: titleX, top, width: CONTENT_WIDTH }, style.size, style.lh);
    const pageText = page === undefined ? '' : String(page);
    const pageX = LEFT + CONTENT_WIDTH - ctx.metrics.width(style.font, pageText, style.size);
    const lastTop = top + height - style.lh;
    pen.text(pageText, textStyle, style.size, pageX, lastTop, style.lh);
    const from = titleX + (lines[lines.length - 1]?.width ?? 0) + 5;
    const to = pageX - 5;
    if (to - from > 6) {
      const y = lastTop + style.lh / 2 + style.size * 0.3;
      pen.doc.save();
      pen.doc
        .moveTo(from, y)
        .lineTo(to, y)
        .lineWidth(0.9)
        .lineCap('round')
        .dash(0.01, { space: 3 });
      pen.doc.strokeColor(COLORS.muted).stroke().undash().restore();
    }
    pen.doc.goTo(x, top, CONTENT_WIDTH - style.indent, height, destName(toc.entry.id));
  });
  flow.y = top + height;
}

/** The table of contents, on a new page; top-level entries bold, appendices last. */
export function renderToc(ctx: RenderContext): void {
  const { flow } = ctx;
  if (!flow.atTop) flow.newPage();
  const entries = tocEntries(ctx);
  const first = entries[0];
  const lead = first === undefined ? 0 : first.lines.length * first.style.lh + first.style.before;
  renderHeading(ctx, { title: ctx.labels.contents, level: 1, dest: 'vigie:toc', lead });
  for (const entry of entries) renderEntry(ctx, entry);
}
