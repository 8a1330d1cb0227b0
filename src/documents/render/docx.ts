/**
 * DOCX renderer: a document to edit in Word or LibreOffice, with real styles (Title, Heading 1–4,
 * Caption, a table style…), a table of contents field, running header (classification marking
 * and title) and footer (page X of Y as fields), lists, bookmarks for cross-references, and
 * figures as SVG with a PNG fallback. Paragraphs are built with the `docx` library; tables are
 * written as XML (docx-table.ts, for speed on 50,000-row tables); the package is then made
 * deterministic (docx-package.ts): same document, same bytes.
 */
import {
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { historyTable, LABELS, longDate, type DocumentLabels } from '../labels.js';
import type { DocumentMeta, ReportDocument } from '../model.js';
import { outline } from '../outline.js';
import {
  blocks,
  isOrientation,
  pageBreak,
  plainRuns,
  tableBlock,
  type BodyContext,
  type BodyItem,
} from './docx-content.js';
import { bookmarkNames, xmlSafe } from './docx-inline.js';
import { finishPackage } from './docx-package.js';
import {
  CONTENT_WIDTH,
  documentStyles,
  LANDSCAPE_WIDTH,
  NUMBERING,
  PAGE,
  STYLE,
} from './docx-styles.js';
import { LinkRelationships } from './docx-table.js';
import { refTargets } from './markdown.js';

const colon = (meta: DocumentMeta): string => (meta.lang === 'fr' ? '\u00A0:' : ':');

function cover(meta: DocumentMeta, labels: DocumentLabels): Paragraph[] {
  const detail = (label: string, value: string): Paragraph =>
    new Paragraph({
      style: STYLE.coverMeta,
      children: [...plainRuns(`${label}${colon(meta)} `, { bold: true }), ...plainRuns(value)],
    });
  const out = [
    new Paragraph({ style: STYLE.coverClassification, children: plainRuns(meta.classification) }),
    new Paragraph({ style: STYLE.coverOrganisation, children: plainRuns(meta.organisation) }),
    new Paragraph({ style: STYLE.title, children: plainRuns(meta.title) }),
  ];
  if (meta.subtitle !== undefined && meta.subtitle !== '') {
    out.push(new Paragraph({ style: STYLE.subtitle, children: plainRuns(meta.subtitle) }));
  }
  out.push(
    detail(labels.version, meta.version),
    detail(labels.date, longDate(meta.lang, meta.date)),
    detail(labels.author, meta.author),
    detail(labels.classification, meta.classification),
    new Paragraph({ style: STYLE.coverNote, children: plainRuns(labels.generatedBy) }),
    pageBreak(),
  );
  return out;
}

function history(document: ReportDocument, context: BodyContext, out: BodyItem[]): void {
  const { meta } = document;
  if (meta.history.length === 0) return;
  const { labels } = context;
  out.push(new Paragraph({ style: STYLE.unnumberedHeading, children: plainRuns(labels.history) }));
  tableBlock(
    {
      ...historyTable(meta),
    },
    undefined,
    context,
    out,
  );
  // The table of contents usually follows on the same page; anything else starts a new one.
  if (document.blocks[0]?.kind !== 'toc') out.push(pageBreak());
}

/** "Page {page} of {pages}" with the numbers as PAGE and NUMPAGES fields. */
function pageOfRun(labels: DocumentLabels): TextRun {
  const children = labels.pageOf
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part,
    );
  return new TextRun({ children });
}

function headersAndFooters(meta: DocumentMeta, labels: DocumentLabels, width: number) {
  const marking = (): TextRun[] => plainRuns(meta.classification, { bold: true });
  const tabs = [{ type: TabStopType.RIGHT, position: width }];
  const line = (style: string, right: ParagraphChild[]): Paragraph =>
    new Paragraph({
      style,
      tabStops: tabs,
      children: [...marking(), new TextRun({ children: [new Tab()] }), ...right],
    });
  return {
    headers: {
      default: new Header({ children: [line(STYLE.header, plainRuns(meta.title))] }),
      first: new Header({
        children: [new Paragraph({ style: STYLE.header, children: marking() })],
      }),
    },
    footers: {
      default: new Footer({ children: [line(STYLE.footer, [pageOfRun(labels)])] }),
      first: new Footer({
        children: [new Paragraph({ style: STYLE.footer, children: marking() })],
      }),
    },
  };
}

/** Body items cut into portrait and landscape runs (empty runs dropped, neighbours merged). */
function orientationRuns(
  items: readonly BodyItem[],
): { landscape: boolean; children: FileChild[] }[] {
  const runs = [{ landscape: false, children: [] as FileChild[] }];
  for (const item of items) {
    let current = runs[runs.length - 1] ?? { landscape: false, children: [] };
    if (!isOrientation(item)) {
      current.children.push(item);
      continue;
    }
    const landscape = item.orientation === 'landscape';
    if (current.children.length === 0 && runs.length > 1) {
      runs.pop();
      current = runs[runs.length - 1] ?? current;
    }
    if (current.landscape !== landscape) runs.push({ landscape, children: [] });
  }
  return runs.filter((run, i) => i === 0 || run.children.length > 0);
}

function sections(
  items: readonly BodyItem[],
  meta: DocumentMeta,
  labels: DocumentLabels,
): ISectionOptions[] {
  const margin = {
    top: PAGE.top,
    bottom: PAGE.bottom,
    left: PAGE.left,
    right: PAGE.right,
    header: PAGE.header,
    footer: PAGE.footer,
    gutter: 0,
  };
  const portrait = headersAndFooters(meta, labels, CONTENT_WIDTH);
  const landscape = headersAndFooters(meta, labels, LANDSCAPE_WIDTH);
  return orientationRuns(items).map((run, i) => {
    const { headers, footers } = run.landscape ? landscape : portrait;
    return {
      properties: {
        titlePage: i === 0,
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: run.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin,
        },
      },
      // Only the first section has the cover page: the others need no first-page parts.
      headers: i === 0 ? headers : { default: headers.default },
      footers: i === 0 ? footers : { default: footers.default },
      children: run.children,
    };
  });
}

/** The document as a .docx file. */
export async function renderDocx(document: ReportDocument): Promise<Buffer> {
  const { meta } = document;
  const labels = LABELS[meta.lang];
  const numbering = outline(document);
  const targets = refTargets(document, numbering);
  const context: BodyContext = {
    inline: { lang: meta.lang, targets, bookmarks: bookmarkNames(targets) },
    labels,
    numbering,
    entries: new Map(numbering.sections.map((s) => [s.id, s])),
    tables: [],
    links: new LinkRelationships(),
    placed: new Set(),
    lists: { next: 1 },
  };
  const body: BodyItem[] = cover(meta, labels);
  history(document, context, body);
  blocks(document.blocks, 1, context, body);

  const file = new Document({
    title: xmlSafe(meta.title),
    ...(meta.subtitle === undefined ? {} : { subject: xmlSafe(meta.subtitle) }),
    creator: xmlSafe(meta.author),
    lastModifiedBy: xmlSafe(meta.author),
    description: xmlSafe(labels.generatedBy),
    customProperties: [
      { name: labels.classification, value: xmlSafe(meta.classification) },
      { name: labels.organisation, value: xmlSafe(meta.organisation) },
      { name: labels.version, value: xmlSafe(meta.version) },
    ],
    styles: documentStyles(meta.lang),
    numbering: NUMBERING,
    sections: sections(body, meta, labels),
  });
  const packed = await Packer.toBuffer(file);
  return finishPackage(packed, {
    date: meta.date,
    tables: context.tables,
    links: context.links.entries(),
  });
}
