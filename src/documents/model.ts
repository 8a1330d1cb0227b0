/**
 * The document model every report of Vigie is built as (DAT, analysis report, and later the PRA,
 * audit and incident reports), and every renderer reads: Markdown, HTML, PDF and DOCX. Plain,
 * immutable data: builders produce it from the model and the analyses, renderers turn it into
 * bytes; neither side knows the other. Texts are already in the document's language; French
 * typography is applied once by `applyTypography` (typography.ts), not by each renderer.
 */
import type { Locale } from '../i18n/index.js';

/** The language a document is written in (the locales of the catalogues). */
export type DocumentLocale = Locale;

/** A run of text inside a paragraph, a list item, a table cell or a caption. */
export type Inline =
  | string
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
      /** Identifiers, ports, file names: a monospace font. */
      readonly code?: boolean;
    }
  /** An external link (http, https or mailto only; renderers drop other schemes). */
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  /** A cross-reference to a block with this `id` (section, table, figure) in the document. */
  | { readonly kind: 'ref'; readonly text: string; readonly target: string };

export type Inlines = readonly Inline[];

export interface TableColumn {
  readonly title: string;
  /** Relative width (defaults to 1); renderers share the page width in these proportions. */
  readonly width?: number;
  readonly align?: 'left' | 'right' | 'center';
}

export type CalloutTone = 'info' | 'warning' | 'danger' | 'success' | 'todo';

export type Block =
  /** A titled section; nesting gives the heading level (top-level sections are level 1). */
  | {
      readonly kind: 'section';
      readonly id: string;
      readonly title: string;
      readonly children: readonly Block[];
      /** Appendix sections are numbered A, B… and listed after the others in the table of contents. */
      readonly appendix?: boolean;
    }
  | { readonly kind: 'paragraph'; readonly content: Inlines }
  | { readonly kind: 'list'; readonly ordered?: boolean; readonly items: readonly Inlines[] }
  | {
      readonly kind: 'table';
      readonly id?: string;
      readonly caption?: Inlines;
      readonly columns: readonly TableColumn[];
      /** Each row has one cell per column. Long tables continue across pages, header repeated. */
      readonly rows: readonly (readonly Inlines[])[];
      /** Smaller type, for wide matrices (flow matrix, inventory). */
      readonly dense?: boolean;
    }
  | {
      readonly kind: 'figure';
      readonly id?: string;
      /** A standalone SVG document (no external reference), with a viewBox. */
      readonly svg: string;
      /** Intrinsic size of the drawing in CSS pixels (the SVG's viewBox size). */
      readonly width: number;
      readonly height: number;
      readonly caption: Inlines;
      /** Text alternative for readers that cannot see the drawing. */
      readonly alt: string;
    }
  | {
      readonly kind: 'callout';
      readonly tone: CalloutTone;
      readonly title?: string;
      readonly content: Inlines;
    }
  /** A citation (quoted text from a regulation or a guide) with where it comes from. */
  | { readonly kind: 'quote'; readonly content: Inlines; readonly source?: Inlines }
  /** Where the table of contents goes (usually after the cover and the history). */
  | { readonly kind: 'toc' }
  | { readonly kind: 'pagebreak' };

/** Each kind of block once: the compiler makes this list follow the `Block` union. */
const EVERY_BLOCK_KIND: Readonly<Record<Block['kind'], true>> = {
  section: true,
  paragraph: true,
  list: true,
  table: true,
  figure: true,
  callout: true,
  quote: true,
  toc: true,
  pagebreak: true,
};

/** Every kind of block, for the tests every renderer runs (a new kind must be rendered by all). */
export const BLOCK_KINDS = Object.keys(EVERY_BLOCK_KIND) as readonly Block['kind'][];

export interface HistoryEntry {
  readonly version: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly author: string;
  readonly changes: string;
}

export interface DocumentMeta {
  readonly title: string;
  readonly subtitle?: string;
  readonly organisation: string;
  readonly version: string;
  /** ISO date, YYYY-MM-DD (injected: renderers never read the clock). */
  readonly date: string;
  readonly author: string;
  /** Classification marking printed on the cover and in running headers, e.g. "Diffusion restreinte". */
  readonly classification: string;
  readonly lang: DocumentLocale;
  readonly history: readonly HistoryEntry[];
}

export interface ReportDocument {
  readonly meta: DocumentMeta;
  readonly blocks: readonly Block[];
}

/** The text of inlines without formatting (for alt texts, Markdown tables, search). */
export function plainText(inlines: Inlines): string {
  return inlines.map((i) => (typeof i === 'string' ? i : i.text)).join('');
}

/** A formatted run of text. */
export type TextRun = Extract<Inline, { readonly kind: 'text' }>;

/** Shorthands for builders. */
export const bold = (text: string): TextRun => ({ kind: 'text', text, bold: true });
export const italic = (text: string): TextRun => ({ kind: 'text', text, italic: true });
export const code = (text: string): TextRun => ({ kind: 'text', text, code: true });
export const ref = (text: string, target: string): Inline => ({ kind: 'ref', text, target });
export const link = (text: string, href: string): Inline => ({ kind: 'link', text, href });
