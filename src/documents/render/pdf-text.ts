/**
 * Rich text for the PDF renderer: runs of styled text (spans) broken into lines by our own
 * greedy line breaker, then drawn fragment by fragment at computed positions. Measuring and
 * drawing use the same line objects, so a box's height is known exactly before anything is
 * drawn, and pdfkit never breaks a page on its own (text is always drawn with `lineBreak: false`).
 */
import type { FontStyle } from '../../presentation/fonts.js';

export type LinkTarget =
  | { readonly kind: 'uri'; readonly href: string }
  | { readonly kind: 'dest'; readonly name: string };

export interface SpanStyle {
  readonly font: FontStyle;
  readonly color: string;
  readonly link?: LinkTarget;
  readonly underline?: boolean;
}

export interface Span {
  readonly text: string;
  readonly style: SpanStyle;
}

/** A run of text of one style at a horizontal offset inside its line. */
export interface Fragment {
  readonly text: string;
  readonly style: SpanStyle;
  readonly x: number;
  readonly width: number;
}

export interface Line {
  readonly fragments: readonly Fragment[];
  readonly width: number;
}

export type Align = 'left' | 'right' | 'center';

/** Text widths, cached per font (a long table repeats the same words many times). */
export class Metrics {
  private readonly cache = new Map<FontStyle, Map<string, number>>();
  /** Words pdfkit may have added to its layout caches since they were last emptied. */
  private cached = 0;
  /** Height of the font's ascender-to-descender box at size 1. */
  readonly box: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    doc.font('regular').fontSize(1);
    this.box = doc.currentLineHeight(false);
  }

  /** Width of `text` in `font` at `size` points. */
  width(font: FontStyle, text: string, size: number): number {
    let perFont = this.cache.get(font);
    if (perFont === undefined) {
      perFont = new Map();
      this.cache.set(font, perFont);
    }
    let unit = perFont.get(text);
    if (unit === undefined) {
      this.doc.font(font).fontSize(1);
      unit = this.doc.widthOfString(text);
      if (perFont.size > 50_000) perFont.clear();
      perFont.set(text, unit);
      this.grew();
    }
    return unit * size;
  }

  /**
   * Width of a word followed by a space: measured as pdfkit will lay it out when drawing
   * ("word " is one entry of its layout cache), so a word is shaped once, not twice.
   */
  widthBeforeSpace(font: FontStyle, word: string, size: number): number {
    return this.width(font, `${word} `, size) - this.width(font, ' ', size);
  }

  /** Counts text drawn or measured; empties pdfkit's caches past a bound. */
  grew(): void {
    this.cached += 1;
    if (this.cached > LAYOUT_CACHE_BOUND) {
      trimLayoutCaches(this.doc);
      this.cached = 0;
    }
  }
}

/** Entries pdfkit's layout caches may hold (a few kilobytes each) before they are emptied. */
const LAYOUT_CACHE_BOUND = 30_000;

/**
 * pdfkit caches the glyph layout of every distinct word of each font for the life of the
 * document: a 50,000-row table of distinct identifiers would keep hundreds of megabytes.
 * Emptying these caches now and then (the `layoutCache` of each embedded font; private, hence
 * the defensive checks) keeps memory bounded at the cost of laying out common words again.
 */
export function trimLayoutCaches(doc: PDFKit.PDFDocument): void {
  const families: unknown = (doc as unknown as { _fontFamilies?: unknown })._fontFamilies;
  if (typeof families !== 'object' || families === null) return;
  for (const font of Object.values(families) as unknown[]) {
    if (typeof font === 'object' && font !== null && 'layoutCache' in font) {
      const cached = font.layoutCache;
      if (typeof cached === 'object' && cached !== null) {
        (font as { layoutCache: object }).layoutCache = Object.create(null) as object;
      }
    }
  }
}

const sameStyle = (a: SpanStyle, b: SpanStyle): boolean =>
  a === b ||
  (a.font === b.font && a.color === b.color && a.link === b.link && a.underline === b.underline);

interface Piece {
  readonly text: string;
  readonly style: SpanStyle;
  readonly width: number;
}

interface MutableFragment {
  text: string;
  readonly style: SpanStyle;
  readonly x: number;
  width: number;
}

/** Greedy line filling; spaces (U+0020, tabs) break, U+00A0 and U+202F do not; \n forces a break. */
class LineBuilder {
  private readonly lines: Line[] = [];
  private fragments: MutableFragment[] = [];
  private x = 0;
  private word: Piece[] = [];
  private wordWidth = 0;
  private wordSpace: SpanStyle | undefined;
  private pendingSpace: SpanStyle | undefined;

  constructor(
    private readonly size: number,
    private readonly width: number,
    private readonly metrics: Metrics,
  ) {}

  add(span: Span): void {
    const parts = span.text.split(/([ \t\r\n]+)/);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      if (part === '') continue;
      if (i % 2 === 1) {
        this.endWord();
        const breaks = part.split('\n').length - 1;
        for (let b = 0; b < breaks; b++) this.endLine();
        this.pendingSpace = breaks > 0 ? undefined : span.style;
      } else {
        if (this.word.length === 0) {
          this.wordSpace = this.pendingSpace;
          this.pendingSpace = undefined;
        }
        const next = parts[i + 1];
        const spaced = next !== undefined && next !== '' && !next.includes('\n');
        const width = spaced
          ? this.metrics.widthBeforeSpace(span.style.font, part, this.size)
          : this.metrics.width(span.style.font, part, this.size);
        this.word.push({ text: part, style: span.style, width });
        this.wordWidth += width;
      }
    }
  }

  finish(): Line[] {
    this.endWord();
    if (this.fragments.length > 0 || this.lines.length === 0) this.endLine();
    return this.lines;
  }

  private endLine(): void {
    this.lines.push({ fragments: this.fragments, width: this.x });
    this.fragments = [];
    this.x = 0;
  }

  private append(text: string, style: SpanStyle, width: number): void {
    const last = this.fragments[this.fragments.length - 1];
    if (last !== undefined && sameStyle(last.style, style)) {
      last.text += text;
      last.width += width;
    } else this.fragments.push({ text, style, x: this.x, width });
    this.x += width;
  }

  private endWord(): void {
    if (this.word.length === 0) return;
    const space = this.fragments.length > 0 ? this.wordSpace : undefined;
    let spaceWidth = space === undefined ? 0 : this.metrics.width(space.font, ' ', this.size);
    if (this.fragments.length > 0 && this.x + spaceWidth + this.wordWidth > this.width + 0.01) {
      this.endLine();
      spaceWidth = 0;
    }
    if (this.wordWidth > this.width + 0.01) this.placeLongWord();
    else {
      if (space !== undefined && spaceWidth > 0) this.append(' ', space, spaceWidth);
      for (const piece of this.word) this.append(piece.text, piece.style, piece.width);
    }
    this.word = [];
    this.wordWidth = 0;
    this.wordSpace = undefined;
  }

  /**
   * A word wider than the line (a long identifier, a URL): cut after a "-", "/", "_", ".", ":"
   * or "@" (the last one that fits, at least 3 characters in), else between characters. Linear.
   */
  private placeLongWord(): void {
    if (this.fragments.length > 0) this.endLine();
    const chars: { readonly char: string; readonly style: SpanStyle; readonly width: number }[] =
      [];
    for (const piece of this.word) {
      for (const char of piece.text) {
        chars.push({
          char,
          style: piece.style,
          width: this.metrics.width(piece.style.font, char, this.size),
        });
      }
    }
    const limit = this.width * 0.98;
    let start = 0;
    while (start < chars.length) {
      let end = start;
      let used = 0;
      let cut = -1;
      while (end < chars.length) {
        const c = chars[end];
        if (c === undefined || (end > start && used + c.width > limit)) break;
        used += c.width;
        end += 1;
        if (BREAK_AFTER.has(c.char) && end - start >= 3) cut = end;
      }
      const last = end >= chars.length;
      if (!last && cut > start) end = cut;
      for (let i = start; i < end; i++) {
        const c = chars[i];
        if (c !== undefined) this.append(c.char, c.style, c.width);
      }
      start = end;
      if (!last) this.endLine();
    }
  }
}

const BREAK_AFTER = new Set(['-', '/', '_', '.', ':', '@', ',', ';']);

/** Lines of `spans` at `size` points filling `width` points (at least one line, maybe empty). */
export function layoutSpans(
  spans: readonly Span[],
  size: number,
  width: number,
  metrics: Metrics,
): Line[] {
  const builder = new LineBuilder(size, Math.max(1, width), metrics);
  for (const span of spans) builder.add(span);
  return builder.finish();
}

/** Keeps at most `max` lines; the last kept one becomes an ellipsis (never cut silently). */
export function capLines(lines: readonly Line[], max: number, style: SpanStyle): readonly Line[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, Math.max(0, max - 1));
  kept.push({ fragments: [{ text: '…', style, x: 0, width: 0 }], width: 0 });
  return kept;
}

/** Draws with as few colour changes as possible; reset when a page starts. */
export class Pen {
  private fill: string | undefined;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly metrics: Metrics,
  ) {}

  reset(): void {
    this.fill = undefined;
  }

  fillColor(color: string): void {
    if (color !== this.fill) {
      this.doc.fillColor(color);
      this.fill = color;
    }
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.fillColor(color);
    this.doc.rect(x, y, w, h).fill();
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, width = 0.5): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  /** One run of text whose line box (height `lineHeight`) starts at `top`. */
  text(text: string, style: SpanStyle, size: number, x: number, top: number, lh: number): void {
    this.doc.font(style.font).fontSize(size);
    this.metrics.grew();
    this.fillColor(style.color);
    this.doc.text(text, x, top + (lh - this.metrics.box * size) / 2, { lineBreak: false });
  }

  /** Lines `from`..`from + count` of a block, the first one at `top`, in a box of `width`. */
  lines(
    lines: readonly Line[],
    box: { readonly x: number; readonly top: number; readonly width: number },
    size: number,
    lh: number,
    align: Align = 'left',
    from = 0,
    count = lines.length - from,
  ): void {
    for (let i = 0; i < count; i++) {
      const line = lines[from + i];
      if (line === undefined) break;
      const top = box.top + i * lh;
      const offset =
        align === 'right'
          ? box.width - line.width
          : align === 'center'
            ? (box.width - line.width) / 2
            : 0;
      for (const fragment of line.fragments) {
        const x = box.x + offset + fragment.x;
        this.text(fragment.text, fragment.style, size, x, top, lh);
        this.decorate(fragment, x, top, size, lh);
      }
    }
  }

  private decorate(fragment: Fragment, x: number, top: number, size: number, lh: number): void {
    const { link, underline, color } = fragment.style;
    if (underline === true) {
      const y = top + (lh - this.metrics.box * size) / 2 + size * 1.02;
      this.line(x, y, x + fragment.width, y, color, 0.5);
    }
    if (link?.kind === 'uri') this.doc.link(x, top, fragment.width, lh, link.href);
    else if (link?.kind === 'dest') this.doc.goTo(x, top, fragment.width, lh, link.name);
  }
}
