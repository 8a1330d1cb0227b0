/**
 * Tables of the PDF renderer: columns sharing the content width in proportion to their
 * `width`, wrapped cells, a row as tall as its tallest cell, the header row repeated on every
 * page the table continues on, zebra rows. A row taller than what is left of a page is split
 * line by line across pages (a cell is capped at MAX_CELL_LINES lines, then an ellipsis).
 * One row is laid out at a time: time is linear in the number of cells, memory constant.
 */
import type { Inlines, TableColumn } from '../model.js';
import {
  BOTTOM,
  COLORS,
  CONTENT_WIDTH,
  destination,
  LEFT,
  TOP,
  type RenderContext,
} from './pdf-flow.js';
import { inlineSpans } from './pdf-inline.js';
import { capLines, layoutSpans, type Align, type Line, type Span } from './pdf-text.js';

export interface TableSpec {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Inlines[])[];
  readonly dense: boolean;
  /** "Table 3 – …", already composed. */
  readonly caption?: readonly Span[];
  readonly dest?: string;
}

const MAX_CELL_LINES = 400;
const CAPTION_SIZE = 9;
const CAPTION_LH = 12.5;

interface Geometry {
  readonly xs: readonly number[];
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  readonly size: number;
  readonly lh: number;
  readonly padX: number;
  readonly padY: number;
}

/** Rows looked at to find each column's longest word. */
const SCAN_ROWS = 300;

/** Width of each column's longest word (header and first rows), so that words are not cut. */
function longestWords(ctx: RenderContext, spec: TableSpec, size: number): number[] {
  const theme = { color: COLORS.text, linkColor: COLORS.link };
  const longest = (spans: readonly Span[]): number => {
    let max = 0;
    for (const span of spans) {
      // Long words are cut after "-", "/"… first: only the pieces between must fit.
      for (const word of span.text.split(/[ \t\r\n]+|(?<=[-/_.:@,;])/)) {
        if (word !== '') max = Math.max(max, ctx.metrics.width(span.style.font, word, size));
      }
    }
    return max;
  };
  return spec.columns.map((column, j) => {
    let max = longest([{ text: column.title, style: { font: 'bold', color: COLORS.text } }]);
    const rows = Math.min(spec.rows.length, SCAN_ROWS);
    for (let i = 0; i < rows; i++) {
      max = Math.max(max, longest(inlineSpans(spec.rows[i]?.[j] ?? [], theme, ctx.refs)));
    }
    return max;
  });
}

/**
 * Column widths in proportion to `width`, then widened to their longest word (up to 30% of
 * the page each) by taking room from columns that have more than they need.
 */
function columnWidths(weights: readonly number[], minimums: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => (w / total) * CONTENT_WIDTH);
  const floors = minimums.map((m) => Math.min(m, CONTENT_WIDTH * 0.3));
  const needed = floors.reduce((a, b) => a + b, 0);
  if (needed > CONTENT_WIDTH) return floors.map((f) => (f / needed) * CONTENT_WIDTH);
  const deficit = widths.reduce((sum, w, j) => sum + Math.max(0, (floors[j] ?? 0) - w), 0);
  const slack = widths.reduce((sum, w, j) => sum + Math.max(0, w - (floors[j] ?? 0)), 0);
  if (deficit <= 0 || slack <= 0) return widths;
  return widths.map((w, j) => {
    const floor = floors[j] ?? 0;
    return w <= floor ? floor : w - ((w - floor) / slack) * deficit;
  });
}

function geometry(ctx: RenderContext, spec: TableSpec): Geometry {
  const size = spec.dense ? 7 : 8.5;
  const padX = 3;
  const weights = spec.columns.map((c) =>
    c.width !== undefined && Number.isFinite(c.width) && c.width > 0 ? c.width : 1,
  );
  const minimums = longestWords(ctx, spec, size).map((w) => w + 2 * padX + 0.5);
  const widths = columnWidths(weights, minimums);
  const xs: number[] = [];
  let x = LEFT;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  return {
    xs,
    widths,
    aligns: spec.columns.map((c) => c.align ?? 'left'),
    size,
    lh: spec.dense ? 9 : 11,
    padX,
    padY: spec.dense ? 1.8 : 2.5,
  };
}

function layoutRow(ctx: RenderContext, g: Geometry, row: readonly Inlines[]): (readonly Line[])[] {
  const theme = { color: COLORS.text, linkColor: COLORS.link };
  const ellipsis = { font: 'regular', color: COLORS.muted } as const;
  return g.widths.map((w, j) =>
    capLines(
      layoutSpans(inlineSpans(row[j] ?? [], theme, ctx.refs), g.size, w - 2 * g.padX, ctx.metrics),
      MAX_CELL_LINES,
      ellipsis,
    ),
  );
}

function layoutHeader(ctx: RenderContext, g: Geometry, columns: readonly TableColumn[]) {
  const style = { font: 'bold', color: COLORS.tableHeadText } as const;
  return columns.map((c, j) =>
    layoutSpans([{ text: c.title, style }], g.size, (g.widths[j] ?? 0) - 2 * g.padX, ctx.metrics),
  );
}

const tallest = (cells: readonly (readonly Line[])[]): number =>
  cells.reduce((m, c) => Math.max(m, c.length), 1);

function captionLines(ctx: RenderContext, spec: TableSpec): readonly Line[] {
  return spec.caption === undefined
    ? []
    : layoutSpans(spec.caption, CAPTION_SIZE, CONTENT_WIDTH, ctx.metrics);
}

/** What must stay together at a page bottom: caption, header and the start of the first row. */
export function tableLead(ctx: RenderContext, spec: TableSpec): number {
  const g = geometry(ctx, spec);
  const caption = captionLines(ctx, spec).length * CAPTION_LH + 3;
  if (spec.columns.length === 0) return caption;
  const header = tallest(layoutHeader(ctx, g, spec.columns)) * g.lh + 2 * g.padY;
  const first = spec.rows[0];
  const row = first === undefined ? 0 : Math.min(tallest(layoutRow(ctx, g, first)), 3) * g.lh;
  return caption + header + row + 2 * g.padY;
}

/** Draws one table down the pages; one row is laid out at a time. */
class TableWriter {
  private readonly header: readonly (readonly Line[])[];
  private readonly headerHeight: number;
  private segmentTop = 0;
  private rowsOnPage = false;

  constructor(
    private readonly ctx: RenderContext,
    private readonly g: Geometry,
    columns: readonly TableColumn[],
  ) {
    this.header = layoutHeader(ctx, g, columns);
    this.headerHeight = tallest(this.header) * g.lh + 2 * g.padY;
  }

  private cellBox(j: number, top: number) {
    const { g } = this;
    return {
      x: (g.xs[j] ?? 0) + g.padX,
      top: top + g.padY,
      width: (g.widths[j] ?? 0) - 2 * g.padX,
    };
  }

  /** The header row, at the top of the table and of each page it continues on. */
  drawHeader(): void {
    const { flow } = this.ctx;
    const top = flow.y;
    this.segmentTop = top;
    flow.paint((pen) => {
      pen.fillRect(LEFT, top, CONTENT_WIDTH, this.headerHeight, COLORS.tableHead);
      this.header.forEach((lines, j) => {
        pen.lines(lines, this.cellBox(j, top), this.g.size, this.g.lh, this.g.aligns[j]);
      });
    });
    flow.y += this.headerHeight;
    this.rowsOnPage = false;
  }

  /** Column rules and bottom border of the part of the table on this page. */
  closeSegment(): void {
    const { flow } = this.ctx;
    const top = this.segmentTop;
    const bottom = flow.y;
    flow.paint((pen) => {
      for (const x of [...this.g.xs, LEFT + CONTENT_WIDTH])
        pen.line(x, top, x, bottom, COLORS.rule);
      pen.line(LEFT, bottom, LEFT + CONTENT_WIDTH, bottom, COLORS.rule);
    });
  }

  private nextPage(): void {
    this.closeSegment();
    this.ctx.flow.newPage();
    this.drawHeader();
  }

  /** Lines `from`..`from + n` of every cell of a row. */
  private paintRow(
    cells: readonly (readonly Line[])[],
    from: number,
    n: number,
    zebra: boolean,
  ): void {
    const { flow } = this.ctx;
    const { g } = this;
    const top = flow.y;
    const height = n * g.lh + 2 * g.padY;
    flow.paint((pen) => {
      if (zebra) pen.fillRect(LEFT, top, CONTENT_WIDTH, height, COLORS.zebra);
      cells.forEach((lines, j) => {
        if (from >= lines.length) return;
        const count = Math.min(n, lines.length - from);
        pen.lines(lines, this.cellBox(j, top), g.size, g.lh, g.aligns[j], from, count);
      });
      pen.line(LEFT, top + height, LEFT + CONTENT_WIDTH, top + height, COLORS.rule, 0.3);
    });
    flow.y += height;
    this.rowsOnPage = true;
  }

  /** A row on this page, or on the next one; split line by line if taller than a page. */
  row(row: readonly Inlines[], index: number): void {
    const { flow } = this.ctx;
    const { g } = this;
    const cells = layoutRow(this.ctx, g, row);
    const total = tallest(cells);
    const zebra = index % 2 === 1;
    let done = 0;
    while (done < total) {
      const height = (total - done) * g.lh + 2 * g.padY;
      if (height <= flow.room + 0.01) {
        this.paintRow(cells, done, total - done, zebra);
        done = total;
      } else if (this.rowsOnPage && height <= BOTTOM - TOP - this.headerHeight) {
        this.nextPage();
      } else {
        const fit = Math.floor((flow.room - 2 * g.padY) / g.lh + 1e-6);
        if (fit < 2 && this.rowsOnPage) {
          this.nextPage();
          continue;
        }
        // Always at least one line: every turn of the loop progresses.
        const n = Math.max(1, Math.min(fit, total - done));
        this.paintRow(cells, done, n, zebra);
        done += n;
        if (done < total) this.nextPage();
      }
    }
  }
}

export function renderTable(ctx: RenderContext, spec: TableSpec): void {
  const { flow } = ctx;
  const g = geometry(ctx, spec);
  const caption = captionLines(ctx, spec);
  flow.gap(8);
  flow.ensure(tableLead(ctx, spec));
  if (spec.dest !== undefined) destination(ctx, spec.dest);
  if (caption.length > 0) {
    const top = flow.y;
    flow.paint((pen) => {
      pen.lines(caption, { x: LEFT, top, width: CONTENT_WIDTH }, CAPTION_SIZE, CAPTION_LH);
    });
    flow.y += caption.length * CAPTION_LH + 3;
  }
  if (spec.columns.length === 0) return;
  const writer = new TableWriter(ctx, g, spec.columns);
  writer.drawHeader();
  spec.rows.forEach((row, index) => {
    writer.row(row, index);
  });
  writer.closeSegment();
  flow.y += 8;
}
