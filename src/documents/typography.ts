/**
 * French typography, applied once to a whole document before rendering: a narrow no-break space
 * (U+202F) before ; ! ? and inside « », a no-break space (U+00A0) before : and between a number
 * and its unit or the percent sign. Identifiers, code and link targets are left untouched, as
 * are colons inside times, URLs and IPv6 addresses (no space before them in the source). Pure.
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

function inline(i: Inline, fix: (s: string) => string): Inline {
  if (typeof i === 'string') return fix(i);
  if (i.kind === 'text') return i.code === true ? i : { ...i, text: fix(i.text) };
  return { ...i, text: fix(i.text) };
}

function inlines(list: Inlines, fix: (s: string) => string): Inlines {
  return list.map((i) => inline(i, fix));
}

function block(b: Block, fix: (s: string) => string): Block {
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

/** The document with its language's typography (French spacing; English unchanged). */
export function applyTypography(document: ReportDocument): ReportDocument {
  if (document.meta.lang !== 'fr') return document;
  const fix = frenchSpacing;
  const { meta } = document;
  return {
    meta: {
      ...meta,
      title: fix(meta.title),
      ...(meta.subtitle === undefined ? {} : { subtitle: fix(meta.subtitle) }),
      history: meta.history.map((h) => ({ ...h, changes: fix(h.changes) })),
    },
    blocks: document.blocks.map((b) => block(b, fix)),
  };
}
