/**
 * The body of a DOCX document: model blocks as `docx` paragraphs (headings with bookmarks,
 * paragraphs, lists, callouts, quotes, figures, the table of contents) and placeholders where
 * tables go (written as XML by docx-table.ts). Pure apart from rasterising figures.
 */
import {
  Bookmark,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LeaderType,
  PageBreak,
  Paragraph,
  TableOfContents,
  TextRun,
  type FileChild,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { svgToPng } from '../../presentation/raster.js';
import type { DocumentLabels } from '../labels.js';
import type { Block, Inlines } from '../model.js';
import type { Outline, OutlineEntry } from '../outline.js';
import { pieces, xmlSafe, type InlineContext, type Piece } from './docx-inline.js';
import { CONTENT_HEIGHT, CONTENT_WIDTH, LIST, STYLE, TONE_COLOURS } from './docx-styles.js';
import { tableLayout, tableXml, type LinkRelationships, type TableSpec } from './docx-table.js';
import { captionPrefix, sectionPrefix } from './markdown.js';

/** Style of the placeholder paragraph a table's XML replaces (never left in the output). */
export const TABLE_SLOT_STYLE = 'VigieTableSlot';

/** Where the page turns to landscape (a wide table) or back to portrait. */
export interface Orientation {
  readonly orientation: 'landscape' | 'portrait';
}

/** What the body is made of: `docx` blocks, and page orientation changes between them. */
export type BodyItem = FileChild | Orientation;

export const isOrientation = (item: BodyItem): item is Orientation => 'orientation' in item;

export interface BodyContext {
  readonly inline: InlineContext;
  readonly labels: DocumentLabels;
  readonly numbering: Outline;
  readonly entries: ReadonlyMap<string, OutlineEntry>;
  /** XML chunks of each table, by placeholder number. */
  readonly tables: string[][];
  readonly links: LinkRelationships;
  /** Ids whose bookmark is already in the document (a name is set once). */
  readonly placed: Set<string>;
  /** Next numbered-list instance (each ordered list restarts at 1). */
  readonly lists: { next: number };
}

interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** Runs for one piece: line breaks in the text become breaks. */
function textRuns(p: Piece, style: string | undefined, format: RunFormat): TextRun[] {
  return p.text.split(/\r\n|\r|\n/).map((line, i) => {
    // Typed apart: TextRun also takes a string, whose deprecated bold()/italics() lint would see.
    const options: IRunOptions = {
      text: line,
      ...(i > 0 ? { break: 1 } : {}),
      ...(style === undefined ? {} : { style }),
      ...(p.bold || format.bold === true ? { bold: true } : {}),
      ...(p.italic || format.italics === true ? { italics: true } : {}),
    };
    return new TextRun(options);
  });
}

/** Paragraph children for inlines: formatted runs, external links, cross-references. */
export function inlineRuns(
  content: Inlines,
  context: BodyContext,
  format: RunFormat = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const p of pieces(content, context.inline)) {
    if (p.href !== undefined) {
      out.push(
        new ExternalHyperlink({ link: p.href, children: textRuns(p, STYLE.hyperlink, format) }),
      );
    } else if (p.anchor !== undefined) {
      out.push(
        new InternalHyperlink({ anchor: p.anchor, children: textRuns(p, STYLE.hyperlink, format) }),
      );
    } else out.push(...textRuns(p, p.code ? STYLE.code : undefined, format));
  }
  return out;
}

/** Plain text runs (model strings that are not inlines: titles, labels). */
export const plainRuns = (text: string, format: RunFormat = {}): TextRun[] =>
  textRuns({ text: xmlSafe(text), bold: false, italic: false, code: false }, undefined, format);

/** The children wrapped in the bookmark of `id` the first time that id is placed. */
function bookmarked(
  id: string | undefined,
  children: ParagraphChild[],
  context: BodyContext,
): ParagraphChild[] {
  if (id === undefined || context.placed.has(id)) return children;
  const name = context.inline.bookmarks.get(id);
  if (name === undefined) return children;
  context.placed.add(id);
  return [new Bookmark({ id: name, children })];
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

function caption(
  label: string,
  n: number | undefined,
  content: Inlines | undefined,
  context: BodyContext,
): ParagraphChild[] {
  const prefix = captionPrefix(label, n);
  const runs: ParagraphChild[] = plainRuns(prefix, { bold: true });
  if (content !== undefined && content.length > 0) {
    runs.push(...plainRuns(' – '), ...inlineRuns(content, context));
  }
  return runs;
}

/** A table: its caption above, then a placeholder the package step replaces with the table's XML. */
export function tableBlock(
  spec: TableSpec,
  heading:
    { readonly id?: string; readonly number?: number; readonly caption?: Inlines } | undefined,
  context: BodyContext,
  out: BodyItem[],
): void {
  if (spec.columns.length === 0) return;
  const layout = tableLayout(spec);
  if (layout.landscape) out.push({ orientation: 'landscape' });
  if (heading !== undefined) {
    const runs = caption(context.labels.table, heading.number, heading.caption, context);
    out.push(
      new Paragraph({
        style: STYLE.caption,
        keepNext: true,
        children: bookmarked(heading.id, runs, context),
      }),
    );
  }
  const slot = context.tables.length;
  context.tables.push(tableXml(spec, layout.widths, context.inline, context.links));
  out.push(new Paragraph({ style: TABLE_SLOT_STYLE, children: [new TextRun(String(slot))] }));
  out.push(new Paragraph({ style: STYLE.tableAfter }));
  if (layout.landscape) out.push({ orientation: 'portrait' });
}

/** CSS pixels (96 per inch) per twip. */
const PX_PER_TWIP = 96 / 1440;
const MAX_FIGURE_WIDTH = Math.floor(CONTENT_WIDTH * PX_PER_TWIP);
/** Room left for the caption under a full-page figure. */
const MAX_FIGURE_HEIGHT = Math.floor(CONTENT_HEIGHT * PX_PER_TWIP) - 90;

/** Display size of a figure: its own size, scaled down to fit the text width and a page. */
export function figureSize(width: number, height: number): { width: number; height: number } {
  const w = Number.isFinite(width) && width > 0 ? width : MAX_FIGURE_WIDTH;
  const h = Number.isFinite(height) && height > 0 ? height : w / 2;
  const scale = Math.min(1, MAX_FIGURE_WIDTH / w, MAX_FIGURE_HEIGHT / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/**
 * Pixel width of the PNG fallback (what LibreOffice and Word before 2016 show): twice the display
 * width, and no less than the drawing's own width (up to 1,200 px) so that a figure shrunk to fit
 * the page can still be zoomed into.
 */
export function fallbackWidth(intrinsic: number, display: number): number {
  return Math.round(Math.min(4000, Math.max(display * 2, Math.min(intrinsic, 1200))));
}

function figure(
  b: Extract<Block, { kind: 'figure' }>,
  context: BodyContext,
  out: BodyItem[],
): void {
  const n = context.numbering.figureNumber(b);
  const size = figureSize(b.width, b.height);
  const alt = xmlSafe(b.alt);
  let png: Buffer | undefined;
  try {
    png = svgToPng(b.svg, { width: fallbackWidth(b.width, size.width) });
  } catch {
    png = undefined;
  }
  // An SVG that cannot be drawn is replaced by its text alternative rather than failing the document.
  const picture: ParagraphChild[] =
    png === undefined
      ? plainRuns(`[${alt}]`, { italics: true })
      : [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(b.svg, 'utf8'),
            fallback: { type: 'png', data: png },
            transformation: size,
            altText: {
              name: captionPrefix(context.labels.figure, n),
              description: alt,
              title: captionPrefix(context.labels.figure, n),
            },
          }),
        ];
  out.push(new Paragraph({ style: STYLE.figure, children: picture }));
  const runs = caption(context.labels.figure, n, b.caption, context);
  out.push(new Paragraph({ style: STYLE.caption, children: bookmarked(b.id, runs, context) }));
}

function callout(b: Extract<Block, { kind: 'callout' }>, context: BodyContext): Paragraph {
  const label = context.labels.tone[b.tone];
  const colours = TONE_COLOURS[b.tone];
  const side = { style: 'single', size: 4, color: colours.border, space: 6 } as const;
  const children: ParagraphChild[] = plainRuns(label, { bold: true });
  const title = b.title === undefined ? '' : b.title;
  if (title !== '' && title !== label) {
    children.push(...plainRuns(' — '), ...plainRuns(title, { bold: true }));
    children.push(new TextRun({ text: '', break: 1 }));
  } else children.push(...plainRuns(' — '));
  children.push(...inlineRuns(b.content, context));
  return new Paragraph({
    style: STYLE.callout,
    border: { top: side, bottom: side, right: side, left: { ...side, size: 24 } },
    shading: { type: 'clear', color: 'auto', fill: colours.fill },
    children,
  });
}

/** A paragraph that only breaks the page. */
export const pageBreak = (): Paragraph =>
  new Paragraph({ style: STYLE.pageBreak, children: [new PageBreak()] });

function toc(context: BodyContext, out: BodyItem[]): void {
  out.push(
    new Paragraph({ style: STYLE.unnumberedHeading, children: plainRuns(context.labels.contents) }),
  );
  // docx fills the field with an entry per heading, linked to it, so the table is not empty
  // before Word updates it (LibreOffice never does on conversion). No leader: page numbers only
  // appear once Word updates the field (it asks when opening), dots leading to nothing look broken.
  out.push(
    new TableOfContents(context.labels.contents, {
      hyperlink: true,
      headingStyleRange: '1-3',
      tabLeader: LeaderType.NONE,
    }),
  );
  out.push(pageBreak());
}

/** The document body for these blocks (sections nest: `level` 1 is a top-level section). */
export function blocks(
  list: readonly Block[],
  level: number,
  context: BodyContext,
  out: BodyItem[],
): void {
  for (const b of list) block(b, level, context, out);
}

function block(b: Block, level: number, context: BodyContext, out: BodyItem[]): void {
  switch (b.kind) {
    case 'section': {
      const entry = context.entries.get(b.id);
      const prefix = entry === undefined ? '' : `${sectionPrefix(entry, context.labels)} `;
      const heading = HEADINGS[Math.min(level, HEADINGS.length) - 1] ?? HeadingLevel.HEADING_4;
      out.push(
        new Paragraph({
          heading,
          children: bookmarked(b.id, plainRuns(prefix + b.title), context),
        }),
      );
      blocks(b.children, level + 1, context, out);
      return;
    }
    case 'paragraph':
      out.push(new Paragraph({ children: inlineRuns(b.content, context) }));
      return;
    case 'list': {
      const ordered = b.ordered === true;
      const instance = context.lists.next++;
      for (const item of b.items) {
        out.push(
          new Paragraph({
            numbering: ordered
              ? { reference: LIST.numbers, level: 0, instance }
              : { reference: LIST.bullets, level: 0 },
            children: inlineRuns(item, context),
          }),
        );
      }
      return;
    }
    case 'table': {
      const number = context.numbering.tableNumber(b);
      tableBlock(
        b,
        {
          ...(b.id === undefined ? {} : { id: b.id }),
          ...(b.caption === undefined ? {} : { caption: b.caption }),
          ...(number === undefined ? {} : { number }),
        },
        context,
        out,
      );
      return;
    }
    case 'figure':
      figure(b, context, out);
      return;
    case 'callout':
      out.push(callout(b, context));
      return;
    case 'quote':
      out.push(new Paragraph({ style: STYLE.quote, children: inlineRuns(b.content, context) }));
      if (b.source !== undefined && b.source.length > 0) {
        out.push(
          new Paragraph({
            style: STYLE.quoteSource,
            children: [...plainRuns('— '), ...inlineRuns(b.source, context)],
          }),
        );
      }
      return;
    case 'toc':
      toc(context, out);
      return;
    case 'pagebreak':
      out.push(pageBreak());
      return;
  }
}
