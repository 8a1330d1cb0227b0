/**
 * Text hygiene and French typography, applied once to a whole document before rendering (every
 * format goes through `renderDocument`, which calls this).
 * - In every language, control characters and the bidirectional embedding, override and isolate
 *   controls become U+FFFD: a model text cannot reorder the text around it (Trojan Source) nor
 *   carry characters a format cannot hold.
 * - In French, a narrow no-break space (U+202F) before ; ! ? and inside « », a no-break space
 *   (U+00A0) before : and between a number and its unit or the percent sign. Identifiers, code and
 *   link targets are left untouched, as are colons inside times, URLs and IPv6 addresses (no space
 *   before them in the source).
 * Pure.
 */
import type { Block, Inline, Inlines, ReportDocument } from './model.js';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** French spacing for one text (idempotent). */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
    .replace(/[ \u00A0\u202F]+:/g, `${NBSP}:`)
    .replace(/«[ \u00A0\u202F]*/g, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NNBSP}»`)
    .replace(/(\d)[ \u00A0\u202F]+%/g, `$1${NNBSP}%`);
}

// eslint-disable-next-line no-control-regex -- control characters are what is neutralised
const HIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** The text with control and bidi-override characters shown as U+FFFD (idempotent). */
export function neutraliseControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, '\uFFFD');
}

/** A text transformation, and whether it also applies to code (identifiers, ports…). */
interface Fix {
  (text: string): string;
  readonly code?: boolean;
}

function inline(i: Inline, fix: Fix): Inline {
  if (typeof i === 'string') return fix(i);
  if (i.kind === 'text')
    return i.code === true && fix.code !== true ? i : { ...i, text: fix(i.text) };
  return { ...i, text: fix(i.text) };
}

function inlines(list: Inlines, fix: Fix): Inlines {
  return list.map((i) => inline(i, fix));
}

function block(b: Block, fix: Fix): Block {
  switch (b.kind) {
    case 'section':
      return { ...b, title: fix(b.title), children: b.children.map((c) => block(c, fix)) };
    case 'paragraph':
      return { ...b, content: inlines(b.content, fix) };
    case 'list':
      return { ...b, items: b.items.map((item) => inlines(item, fix)) };
    case 'table':
      return {
        ...b,
        columns: b.columns.map((c) => ({ ...c, title: fix(c.title) })),
        rows: b.rows.map((row) => row.map((cell) => inlines(cell, fix))),
        ...(b.caption === undefined ? {} : { caption: inlines(b.caption, fix) }),
      };
    case 'figure':
      return { ...b, caption: inlines(b.caption, fix), alt: fix(b.alt) };
    case 'callout':
      return {
        ...b,
        content: inlines(b.content, fix),
        ...(b.title === undefined ? {} : { title: fix(b.title) }),
      };
    case 'quote':
      return {
        ...b,
        content: inlines(b.content, fix),
        ...(b.source === undefined ? {} : { source: inlines(b.source, fix) }),
      };
    case 'toc':
    case 'pagebreak':
      return b;
  }
}

function mapTexts(document: ReportDocument, fix: Fix, everyField: boolean): ReportDocument {
  const { meta } = document;
  const more = everyField
    ? {
        organisation: fix(meta.organisation),
        version: fix(meta.version),
        author: fix(meta.author),
        classification: fix(meta.classification),
      }
    : {};
  return {
    meta: {
      ...meta,
      ...more,
      title: fix(meta.title),
      ...(meta.subtitle === undefined ? {} : { subtitle: fix(meta.subtitle) }),
      history: meta.history.map((h) => ({
        ...h,
        changes: fix(h.changes),
        ...(everyField ? { version: fix(h.version), author: fix(h.author) } : {}),
      })),
    },
    blocks: document.blocks.map((b) => block(b, fix)),
  };
}

const everyText: Fix = Object.assign((text: string) => neutraliseControls(text), { code: true });

/** The document with hidden controls neutralised and its language's typography (French spacing). */
export function applyTypography(document: ReportDocument): ReportDocument {
  const clean = mapTexts(document, everyText, true);
  return clean.meta.lang === 'fr' ? mapTexts(clean, frenchSpacing, false) : clean;
}
