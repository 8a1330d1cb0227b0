/**
 * Page geometry and the flow of the PDF renderer: a cursor going down A4 pages. The whole
 * document is laid out twice with the same code: a dry pass that only measures (to learn on
 * which page each section lands and how many pages there are), then the drawing pass, which
 * then knows the table of contents' page numbers and "Page n of N" when each page starts.
 */
import type { DocumentLabels } from '../labels.js';
import type { DocumentMeta } from '../model.js';
import type { Outline } from '../outline.js';
import type { RefInfo } from './pdf-inline.js';
import type { Metrics, Pen } from './pdf-text.js';

/** A4 in points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
/** Content box: 20 mm side margins; room for the running header and footer. */
export const LEFT = 56.69;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * LEFT;
export const TOP = 68;
export const BOTTOM = 782;

export const BODY_SIZE = 10;
export const BODY_LH = 14;

export const COLORS = {
  text: '#1f2328',
  muted: '#5b6470',
  heading: '#12355b',
  link: '#1a56db',
  rule: '#c9d1db',
  marking: '#a61b1b',
  tableHead: '#1f3b5a',
  tableHeadText: '#ffffff',
  zebra: '#f1f4f8',
  white: '#ffffff',
} as const;

export class Flow {
  page = 0;
  y = TOP;

  constructor(
    readonly pen: Pen,
    readonly dry: boolean,
    private readonly chrome?: (page: number) => void,
  ) {}

  newPage(): void {
    this.page += 1;
    this.y = TOP;
    if (!this.dry) {
      this.pen.doc.addPage({ size: 'A4', margin: 0 });
      this.pen.reset();
      this.chrome?.(this.page);
    }
  }

  /** Nothing drawn yet on this page. */
  get atTop(): boolean {
    return this.y <= TOP + 0.01;
  }

  get room(): number {
    return BOTTOM - this.y;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.room + 0.01 && !this.atTop) this.newPage();
  }

  /** Vertical space between blocks (none at the top of a page). */
  gap(height: number): void {
    if (!this.atTop) this.y = Math.min(this.y + height, BOTTOM);
  }

  /** Drawing happens only in the real pass. */
  paint(draw: (pen: Pen) => void): void {
    if (!this.dry) draw(this.pen);
  }
}

export interface RenderContext {
  readonly flow: Flow;
  readonly metrics: Metrics;
  readonly meta: DocumentMeta;
  readonly labels: DocumentLabels;
  readonly numbering: Outline;
  readonly refs: ReadonlyMap<string, RefInfo>;
  /** Section id → page, learnt during this pass. */
  readonly sectionPages: Map<string, number>;
  /** Section pages learnt by the dry pass (undefined during the dry pass itself). */
  readonly knownPages: ReadonlyMap<string, number> | undefined;
  /** Open bookmarks by level (index 0: level 1). */
  readonly bookmarks: PDFKit.PDFOutline[];
  readonly destinations: Set<string>;
}

/** A named destination at the cursor (once per name). */
export function destination(ctx: RenderContext, name: string): void {
  if (ctx.flow.dry || ctx.destinations.has(name)) return;
  ctx.destinations.add(name);
  ctx.flow.pen.doc.addNamedDestination(name, 'XYZ', 0, Math.max(0, ctx.flow.y - 10), null);
}

/** A bookmark in the PDF outline at the current page, nested under the last one of level - 1. */
export function bookmark(ctx: RenderContext, level: number, title: string): void {
  if (ctx.flow.dry) return;
  const depth = Math.max(1, Math.min(level, ctx.bookmarks.length + 1));
  const parent = depth === 1 ? ctx.flow.pen.doc.outline : ctx.bookmarks[depth - 2];
  if (parent === undefined) return;
  ctx.bookmarks.length = depth - 1;
  ctx.bookmarks.push(parent.addItem(title));
}

/**
 * Lays `count` lines of height `lh` down the pages, `pad` above and below each page's part;
 * `draw` receives each part (first line, number of lines, top, height). At least two lines
 * stay together at a page bottom unless the block has fewer; always progresses.
 */
export function flowLines(
  flow: Flow,
  count: number,
  lh: number,
  pad: number,
  draw: (from: number, n: number, top: number, height: number) => void,
): void {
  let from = 0;
  while (from < count) {
    const left = count - from;
    let n = Math.floor((flow.room - 2 * pad) / lh + 1e-6);
    if (!flow.atTop && (n < 1 || (n < left && n < 2))) {
      flow.newPage();
      continue;
    }
    n = Math.max(1, Math.min(n, left));
    const height = n * lh + 2 * pad;
    draw(from, n, flow.y, height);
    flow.y += height;
    from += n;
    if (from < count) flow.newPage();
  }
}
