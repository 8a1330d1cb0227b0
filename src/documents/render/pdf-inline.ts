/**
 * Model inlines → styled spans for the PDF renderer: bold, italic and code pick a DejaVu face,
 * external links keep only http/https/mailto targets, cross-references become internal links
 * that show the number of what they point at ("section 2.3", "Table 4").
 */
import type { DocumentLabels } from '../labels.js';
import type { Block, Inlines, ReportDocument } from '../model.js';
import type { FontStyle } from '../../presentation/fonts.js';
import type { Outline } from '../outline.js';
import type { Span, SpanStyle } from './pdf-text.js';

/** What a cross-reference shows and where it jumps. */
export interface RefInfo {
  readonly label: string;
  readonly dest: string;
}

export interface InlineTheme {
  readonly color: string;
  readonly linkColor: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** The named destination of a section, table or figure id. */
export const destName = (id: string): string => `vigie-${id}`;

/** External links: only these schemes become clickable. */
export const isSafeHref = (href: string): boolean => /^(https?:|mailto:)/i.test(href.trim());

export function fontFor(bold: boolean, italic: boolean, code: boolean): FontStyle {
  if (code) return bold ? 'monoBold' : 'mono';
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** Every id a reference can point at, with its label in the document's language. */
export function referenceTargets(
  document: ReportDocument,
  numbering: Outline,
  labels: DocumentLabels,
): Map<string, RefInfo> {
  const targets = new Map<string, RefInfo>();
  for (const section of numbering.sections) {
    const label =
      section.appendix && section.level === 1
        ? `${labels.appendix} ${section.number}`
        : `section ${section.number}`;
    if (!targets.has(section.id)) targets.set(section.id, { label, dest: destName(section.id) });
  }
  const walk = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'section') walk(block.children);
      else if ((block.kind === 'table' || block.kind === 'figure') && block.id !== undefined) {
        const n =
          block.kind === 'table' ? numbering.tableNumber(block) : numbering.figureNumber(block);
        const word = block.kind === 'table' ? labels.table : labels.figure;
        if (n !== undefined && !targets.has(block.id)) {
          targets.set(block.id, { label: `${word} ${String(n)}`, dest: destName(block.id) });
        }
      }
    }
  };
  walk(document.blocks);
  return targets;
}

/** Spans of `inlines` in a theme (base colour and emphasis of the surrounding block). */
export function inlineSpans(
  inlines: Inlines,
  theme: InlineTheme,
  refs: ReadonlyMap<string, RefInfo>,
): Span[] {
  const bold = theme.bold === true;
  const italic = theme.italic === true;
  const plain: SpanStyle = { font: fontFor(bold, italic, false), color: theme.color };
  const spans: Span[] = [];
  for (const inline of inlines) {
    if (typeof inline === 'string') {
      spans.push({ text: inline, style: plain });
      continue;
    }
    switch (inline.kind) {
      case 'text': {
        const font = fontFor(
          bold || inline.bold === true,
          italic || inline.italic === true,
          inline.code === true,
        );
        spans.push({ text: inline.text, style: font === plain.font ? plain : { ...plain, font } });
        break;
      }
      case 'link':
        spans.push(
          isSafeHref(inline.href)
            ? {
                text: inline.text,
                style: {
                  ...plain,
                  color: theme.linkColor,
                  underline: true,
                  link: { kind: 'uri', href: inline.href.trim() },
                },
              }
            : { text: inline.text, style: plain },
        );
        break;
      case 'ref': {
        const target = refs.get(inline.target);
        if (target === undefined) spans.push({ text: inline.text, style: plain });
        else {
          const text = inline.text === '' ? target.label : `${inline.text} (${target.label})`;
          const link = { kind: 'dest', name: target.dest } as const;
          spans.push({ text, style: { ...plain, color: theme.linkColor, link } });
        }
        break;
      }
    }
  }
  return spans;
}
