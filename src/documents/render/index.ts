/**
 * One entry point for every format: applies the document language's typography, then the
 * format's renderer (loaded on demand: PDF and DOCX libraries are only read when used).
 */
import type { ReportDocument } from '../model.js';
import { applyTypography } from '../typography.js';

export const DOCUMENT_FORMATS = ['html', 'pdf', 'docx', 'md'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface RenderedDocument {
  readonly bytes: Buffer;
  /** Number of pages, for paged formats whose renderer knows it (PDF). */
  readonly pages?: number;
  readonly mediaType: string;
  readonly extension: string;
}

/** The format a file name asks for (by extension), if any. */
export function formatOfFile(file: string): DocumentFormat | undefined {
  const match = /\.([a-z]+)$/i.exec(file);
  const extension = match?.[1]?.toLowerCase();
  if (extension === 'htm' || extension === 'html') return 'html';
  if (extension === 'pdf') return 'pdf';
  if (extension === 'docx') return 'docx';
  if (extension === 'md' || extension === 'markdown') return 'md';
  return undefined;
}

/** Binary formats cannot go to a terminal. */
export const isBinaryFormat = (format: DocumentFormat): boolean =>
  format === 'pdf' || format === 'docx';

export async function renderDocument(
  document: ReportDocument,
  format: DocumentFormat,
): Promise<RenderedDocument> {
  const typeset = applyTypography(document);
  switch (format) {
    case 'md': {
      const { renderMarkdown } = await import('./markdown.js');
      return {
        bytes: Buffer.from(renderMarkdown(typeset), 'utf8'),
        mediaType: 'text/markdown; charset=utf-8',
        extension: 'md',
      };
    }
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return {
        bytes: Buffer.from(renderHtml(typeset), 'utf8'),
        mediaType: 'text/html; charset=utf-8',
        extension: 'html',
      };
    }
    case 'pdf': {
      const { renderPdf } = await import('./pdf.js');
      const { bytes, pages } = await renderPdf(typeset);
      return { bytes, pages, mediaType: 'application/pdf', extension: 'pdf' };
    }
    case 'docx': {
      const { renderDocx } = await import('./docx.js');
      return {
        bytes: await renderDocx(typeset),
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
  }
}
