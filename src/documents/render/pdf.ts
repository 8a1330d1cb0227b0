/**
 * PDF renderer, in pure JavaScript (pdfkit): A4 pages, DejaVu fonts embedded (subset), cover,
 * document history, table of contents with page numbers and links, numbered headings with PDF
 * bookmarks, running header with the classification marking, "Page n of N" footer, tables that
 * continue across pages with their header row, figures drawn as vectors.
 *
 * The document is laid out twice by the same code: a dry pass that only measures learns the
 * page of every section and the number of pages; the real pass then writes the table of contents'
 * page numbers and each page's header and footer as the page starts, so pages are flushed as
 * they are done (memory does not grow with the page count, only the output bytes do).
 * Deterministic: dates come from meta.date, pdfkit's file /ID is a hash of the info dictionary.
 */
import PDFDocument from 'pdfkit';
import { fontBytes, type FontStyle } from '../../presentation/fonts.js';
import { LABELS } from '../labels.js';
import type { ReportDocument } from '../model.js';
import { outline } from '../outline.js';
import { renderBlocks } from './pdf-blocks.js';
import { Flow, type RenderContext } from './pdf-flow.js';
import { drawChrome, renderCover, renderHistory } from './pdf-front.js';
import { referenceTargets } from './pdf-inline.js';
import { Metrics, Pen } from './pdf-text.js';

export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
}

const FACES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic', 'mono', 'monoBold'];

/** meta.date at UTC midnight (the epoch if it is not a valid YYYY-MM-DD). */
function documentDate(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return new Date(0);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(time) ? new Date(time) : new Date(0);
}

interface PassResult {
  readonly pages: number;
  readonly sectionPages: ReadonlyMap<string, number>;
}

export async function renderPdf(document: ReportDocument): Promise<RenderedPdf> {
  const { meta } = document;
  const date = documentDate(meta.date);
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    // No default font: pdfkit would otherwise load Helvetica; every text names a DejaVu face.
    font: '',
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subtitle ?? meta.title,
      Keywords: meta.classification,
      Creator: 'Vigie',
      Producer: 'Vigie (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  for (const face of FACES) doc.registerFont(face, fontBytes(face));
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const metrics = new Metrics(doc);
  const pen = new Pen(doc, metrics);
  const numbering = outline(document);
  const labels = LABELS[meta.lang];
  const refs = referenceTargets(document, numbering, labels);

  const pass = (flow: Flow, knownPages: ReadonlyMap<string, number> | undefined): PassResult => {
    const ctx: RenderContext = {
      flow,
      metrics,
      meta,
      labels,
      numbering,
      refs,
      sectionPages: new Map(),
      knownPages,
      bookmarks: [],
      destinations: new Set(),
    };
    renderCover(ctx);
    renderHistory(ctx);
    renderBlocks(ctx, document.blocks);
    return { pages: flow.page, sectionPages: ctx.sectionPages };
  };

  const dry = pass(new Flow(pen, true), undefined);
  const real = pass(
    new Flow(pen, false, (page) => {
      drawChrome(pen, meta, page, dry.pages);
    }),
    dry.sectionPages,
  );
  // Both passes run the same layout code on the same measures: a difference is a bug.
  const moved = [...real.sectionPages].find(([id, page]) => dry.sectionPages.get(id) !== page);
  if (real.pages !== dry.pages || moved !== undefined) {
    throw new Error(
      `PDF layout passes disagree (${String(dry.pages)} / ${String(real.pages)} pages)`,
    );
  }
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages: real.pages };
}
