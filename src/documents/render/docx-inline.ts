/**
 * What the DOCX renderer makes of inlines, before they become `docx` runs (paragraphs) or raw
 * WordprocessingML (table cells): one resolution, two writers, so both agree on link schemes,
 * cross-reference labels and bookmark names. Pure.
 */
import type { DocumentLocale, Inline, Inlines } from '../model.js';
import { refLabel, safeHref, type RefTarget } from './markdown.js';

/** A run of text with its formatting, and where it links to (at most one of href/anchor). */
export interface Piece {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly code: boolean;
  /** External link (already checked: http, https or mailto). */
  readonly href?: string;
  /** Bookmark name of a cross-reference target. */
  readonly anchor?: string;
}

export interface InlineContext {
  readonly lang: DocumentLocale;
  readonly targets: ReadonlyMap<string, RefTarget>;
  /** Model id → bookmark name, for every id a reference may point to. */
  readonly bookmarks: ReadonlyMap<string, string>;
}

// eslint-disable-next-line no-control-regex -- characters XML 1.0 does not allow are what is replaced
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A model string that XML can hold (forbidden characters become U+FFFD). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

const PLAIN = { bold: false, italic: false, code: false } as const;

function piece(item: Inline, context: InlineContext): Piece {
  if (typeof item === 'string') return { text: item, ...PLAIN };
  switch (item.kind) {
    case 'text':
      return {
        text: item.text,
        bold: item.bold === true,
        italic: item.italic === true,
        code: item.code === true,
      };
    case 'link': {
      const href = safeHref(item.href);
      const text = item.text === '' ? item.href : item.text;
      return href === undefined ? { text, ...PLAIN } : { text, ...PLAIN, href };
    }
    case 'ref': {
      const target = context.targets.get(item.target);
      const anchor = context.bookmarks.get(item.target);
      if (target === undefined || anchor === undefined) return { text: item.text, ...PLAIN };
      const label = refLabel(context.lang, target);
      return { text: item.text === '' ? label : `${item.text} (${label})`, ...PLAIN, anchor };
    }
  }
}

/** The pieces of some inlines (empty texts dropped). */
export function pieces(content: Inlines, context: InlineContext): Piece[] {
  const out: Piece[] = [];
  for (const item of content) {
    const p = piece(item, context);
    if (p.text !== '') out.push({ ...p, text: xmlSafe(p.text) });
  }
  return out;
}

/** A valid Word bookmark name for the n-th id: a letter first, then letters, digits, `_`, ≤ 40. */
export function bookmarkName(id: string, n: number): string {
  const slug = id.replace(/[^A-Za-z0-9_]/g, '_');
  return `v${String(n)}_${slug}`.slice(0, 40);
}

/** Bookmark names for every reference target, numbered in document order. */
export function bookmarkNames(targets: ReadonlyMap<string, RefTarget>): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of targets.keys()) names.set(id, bookmarkName(id, names.size + 1));
  return names;
}
