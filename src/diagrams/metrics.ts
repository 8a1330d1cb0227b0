/**
 * Text widths in DejaVu Sans, read from the font files themselves (advance widths of the `hmtx`
 * table through the Unicode `cmap`), so boxes fit their labels exactly as resvg and PDF draw
 * them. Kerning is ignored (DejaVu's is slight); a few percent of margin covers it.
 */
import { fontBytes } from '../presentation/fonts.js';

export type Weight = 'regular' | 'bold';

interface FontMetrics {
  readonly unitsPerEm: number;
  /** Advance width per code point (Basic Multilingual Plane). */
  readonly advance: ReadonlyMap<number, number>;
  /** Advance of a character the font lacks (its `.notdef` glyph). */
  readonly missing: number;
}

function tableOffset(font: Buffer, tag: string): number {
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`font table ${tag} missing`);
}

/** Glyph index per code point from the Windows Unicode BMP subtable (format 4). */
function readCmap(font: Buffer): Map<number, number> {
  const cmap = tableOffset(font, 'cmap');
  const tables = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < tables; i += 1) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    if (platform === 3 && encoding === 1 && font.readUInt16BE(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error('font has no Unicode BMP cmap');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  const glyphs = new Map<number, number>();
  for (let s = 0; s < segments; s += 1) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readInt16BE(deltas + s * 2);
    const rangeAt = ranges + s * 2;
    const range = font.readUInt16BE(rangeAt);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (range === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeAt + range + (code - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) glyphs.set(code, glyph);
    }
  }
  return glyphs;
}

function readMetrics(font: Buffer): FontMetrics {
  const unitsPerEm = font.readUInt16BE(tableOffset(font, 'head') + 18);
  const longMetrics = font.readUInt16BE(tableOffset(font, 'hhea') + 34);
  const hmtx = tableOffset(font, 'hmtx');
  const widthOf = (glyph: number): number =>
    font.readUInt16BE(hmtx + Math.min(glyph, longMetrics - 1) * 4);
  const advance = new Map<number, number>();
  for (const [code, glyph] of readCmap(font)) advance.set(code, widthOf(glyph));
  return { unitsPerEm, advance, missing: widthOf(0) };
}

const loaded = new Map<Weight, FontMetrics>();

function metrics(weight: Weight): FontMetrics {
  let found = loaded.get(weight);
  if (found === undefined) {
    found = readMetrics(fontBytes(weight));
    loaded.set(weight, found);
  }
  return found;
}

/** Width of a single-line text, in the same unit as `size` (px). */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const font = metrics(weight);
  let units = 0;
  for (const char of text) {
    units += font.advance.get(char.codePointAt(0) ?? 0) ?? font.missing;
  }
  return (units * size) / font.unitsPerEm;
}

const ELLIPSIS = '…';

/**
 * The text, shortened with an ellipsis so that it fits `width` (px) at `size`. Cuts at a
 * character boundary (never inside a surrogate pair).
 */
export function fitText(
  text: string,
  width: number,
  size: number,
  weight: Weight = 'regular',
): string {
  if (textWidth(text, size, weight) <= width) return text;
  const chars = Array.from(text);
  const room = width - textWidth(ELLIPSIS, size, weight);
  let used = 0;
  let count = 0;
  for (const char of chars) {
    const next = textWidth(char, size, weight);
    if (used + next > room) break;
    used += next;
    count += 1;
  }
  return `${chars.slice(0, count).join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * Word-wraps a text into at most `maxLines` lines of `width` px; the last line is shortened
 * with an ellipsis when the text does not fit, and so is a word longer than a line.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  maxLines: number,
  weight: Weight = 'regular',
): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const fits = (value: string): boolean => textWidth(value, size, weight) <= width;
  const lines: string[] = [];
  let current = '';
  let index = 0;
  while (index < words.length && lines.length < maxLines - 1) {
    const word = words[index] ?? '';
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      index += 1;
    } else if (current === '') {
      lines.push(fitText(word, width, size, weight));
      index += 1;
    } else {
      lines.push(current);
      current = '';
    }
  }
  const rest = [current, ...words.slice(index)].filter((w) => w !== '').join(' ');
  if (rest !== '') lines.push(fitText(rest, width, size, weight));
  return lines;
}
