/**
 * Font subsetting for documents that carry their fonts inline (HTML, figures inside it): keeps
 * only the glyphs of the characters a text uses, so a page embeds tens of kilobytes instead of
 * the whole 750 kB DejaVu file. fontkit (pdfkit's font engine) copies the glyph outlines and
 * metrics; its subsets are made for PDF and lack the tables a browser requires (cmap, OS/2,
 * name, post), so this module adds them: a cmap built from the characters kept, OS/2 copied,
 * a short name table (family, style, copyright, licence URL) and a `post` without glyph names.
 * Deterministic: same font and characters → same bytes.
 */
import { createRequire } from 'node:module';
import { fontBytes, type FontStyle } from '../../presentation/fonts.js';

/** The parts of fontkit used here (the package ships no type declarations). */
interface FontkitGlyph {
  readonly id: number;
}
interface FontkitSubset {
  includeGlyph(glyph: number | FontkitGlyph): number;
  encode(): Uint8Array;
}
interface FontkitFont {
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  createSubset(): FontkitSubset;
}
interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
}

let fontkitModule: Fontkit | undefined;

function fontkit(): Fontkit {
  if (fontkitModule === undefined) {
    const require = createRequire(import.meta.url);
    fontkitModule = require('fontkit') as Fontkit;
  }
  return fontkitModule;
}

const parsed = new Map<FontStyle, FontkitFont>();

function openFont(style: FontStyle): FontkitFont {
  let font = parsed.get(style);
  if (font === undefined) {
    font = fontkit().create(fontBytes(style));
    parsed.set(style, font);
  }
  return font;
}

/** The tables of an sfnt (TrueType) file, by tag. */
function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length + ((4 - (data.length % 4)) % 4);
  for (let i = 0; i < padded; i += 4) {
    const word =
      ((data[i] ?? 0) << 24) |
      ((data[i + 1] ?? 0) << 16) |
      ((data[i + 2] ?? 0) << 8) |
      (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/** Assembles an sfnt file from its tables (sorted by tag, 4-byte aligned, checksums set). */
function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  const headerSize = 12 + 16 * count;
  let size = headerSize;
  for (const tag of tags) size += ((tables.get(tag)?.length ?? 0) + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerSize;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) ?? new Uint8Array(0);
    const record = 12 + 16 * i;
    out.write(tag, record, 'latin1');
    if (tag === 'head') {
      headOffset = offset;
      const head = Uint8Array.from(data);
      new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment, set below
      out.set(head, offset);
      out.writeUInt32BE(checksum(head), record + 4);
    } else {
      out.set(data, offset);
      out.writeUInt32BE(checksum(data), record + 4);
    }
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(data.length, record + 12);
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}

/** A cmap with a format 4 subtable (BMP) and, when needed, a format 12 one (all planes). */
function buildCmap(mapping: readonly (readonly [number, number])[]): Uint8Array {
  // Segments of consecutive code points whose glyph ids follow each other (one idDelta each).
  const bmp = mapping.filter(([cp]) => cp < 0xffff);
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of bmp) {
    const last = segments[segments.length - 1];
    const delta = (gid - cp) & 0xffff;
    if (last !== undefined && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const format4 = Buffer.alloc(16 + 8 * segCount);
  let power = 1;
  let log = 0;
  while (power * 2 <= segCount) {
    power *= 2;
    log++;
  }
  format4.writeUInt16BE(4, 0);
  format4.writeUInt16BE(format4.length, 2);
  format4.writeUInt16BE(0, 4);
  format4.writeUInt16BE(segCount * 2, 6);
  format4.writeUInt16BE(power * 2, 8);
  format4.writeUInt16BE(log, 10);
  format4.writeUInt16BE(segCount * 2 - power * 2, 12);
  segments.forEach((s, i) => {
    format4.writeUInt16BE(s.end, 14 + 2 * i);
    format4.writeUInt16BE(s.start, 16 + 2 * segCount + 2 * i);
    format4.writeUInt16BE(s.delta, 16 + 4 * segCount + 2 * i);
    format4.writeUInt16BE(0, 16 + 6 * segCount + 2 * i);
  });
  const needs12 = mapping.some(([cp]) => cp > 0xffff);
  const subtables: { platform: number; encoding: number; data: Buffer }[] = [
    { platform: 3, encoding: 1, data: format4 },
  ];
  if (needs12) {
    const format12 = Buffer.alloc(16 + 12 * mapping.length);
    format12.writeUInt16BE(12, 0);
    format12.writeUInt32BE(format12.length, 4);
    format12.writeUInt32BE(mapping.length, 12);
    mapping.forEach(([cp, gid], i) => {
      format12.writeUInt32BE(cp, 16 + 12 * i);
      format12.writeUInt32BE(cp, 20 + 12 * i);
      format12.writeUInt32BE(gid, 24 + 12 * i);
    });
    subtables.push({ platform: 3, encoding: 10, data: format12 });
  }
  const header = Buffer.alloc(4 + 8 * subtables.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(subtables.length, 2);
  let offset = header.length;
  subtables.forEach((t, i) => {
    header.writeUInt16BE(t.platform, 4 + 8 * i);
    header.writeUInt16BE(t.encoding, 6 + 8 * i);
    header.writeUInt32BE(offset, 8 + 8 * i);
    offset += t.data.length;
  });
  return Buffer.concat([header, ...subtables.map((t) => t.data)]);
}

/** Name ids kept: copyright, family, subfamily, unique id, full name, version, PostScript name, licence URL. */
const KEPT_NAMES = new Set([0, 1, 2, 3, 4, 5, 6, 14]);

/** The original name table reduced to the Windows-platform records of KEPT_NAMES. */
function shortNameTable(name: Uint8Array): Uint8Array {
  const view = new DataView(name.buffer, name.byteOffset, name.byteLength);
  const count = view.getUint16(2);
  const storage = view.getUint16(4);
  const records: { ids: number[]; text: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    const platform = view.getUint16(r);
    const nameId = view.getUint16(r + 6);
    if (platform !== 3 || !KEPT_NAMES.has(nameId)) continue;
    const length = view.getUint16(r + 8);
    const offset = storage + view.getUint16(r + 10);
    records.push({
      ids: [platform, view.getUint16(r + 2), view.getUint16(r + 4), nameId],
      text: name.subarray(offset, offset + length),
    });
  }
  const head = Buffer.alloc(6 + 12 * records.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((rec, i) => {
    const r = 6 + 12 * i;
    rec.ids.forEach((v, j) => head.writeUInt16BE(v, r + 2 * j));
    head.writeUInt16BE(rec.text.length, r + 8);
    head.writeUInt16BE(offset, r + 10);
    offset += rec.text.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.text)]);
}

/** A `post` table of version 3 (no glyph names), from the original's header. */
function postV3(post: Uint8Array): Uint8Array {
  const out = Buffer.alloc(32);
  out.set(post.subarray(0, 32));
  out.writeUInt32BE(0x00030000, 0);
  return out;
}

/** The code points of a text, sorted and unique. */
export function codePointsOf(text: string): number[] {
  const seen = new Set<number>();
  for (const char of text) {
    const cp = char.codePointAt(0);
    if (cp !== undefined) seen.add(cp);
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * Printable ASCII plus every other character of a (possibly very long) text, sorted. Linear
 * and fast on mostly-ASCII text: only non-ASCII code units are looked at closely.
 */
export function usedCodePoints(text: string): number[] {
  const seen = new Set<number>();
  for (let c = 0x20; c < 0x7f; c++) seen.add(c);
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const cp = text.codePointAt(i) ?? 0;
    seen.add(cp);
    if (cp > 0xffff) i++;
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * A TrueType font with only the glyphs of these code points (and the glyphs they are built
 * from), usable by browsers (e.g. as a data: URI in `@font-face`). Code points the font lacks
 * are left out. Throws if the font cannot be read: callers fall back to `fontBytes(style)`.
 */
export function subsetFont(style: FontStyle, codePoints: readonly number[]): Buffer {
  const font = openFont(style);
  const subset = font.createSubset();
  const mapping: [number, number][] = [];
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const glyph = font.glyphForCodePoint(cp);
    if (glyph.id === 0) continue;
    mapping.push([cp, subset.includeGlyph(glyph)]);
  }
  const base = readTables(subset.encode());
  const original = readTables(fontBytes(style));
  const os2 = original.get('OS/2');
  const name = original.get('name');
  const post = original.get('post');
  if (os2 === undefined || name === undefined || post === undefined) {
    throw new Error(`font ${style} lacks OS/2, name or post`);
  }
  const tables = new Map(base);
  tables.set('cmap', buildCmap(mapping));
  tables.set('OS/2', os2);
  tables.set('name', shortNameTable(name));
  tables.set('post', postV3(post));
  return writeSfnt(tables);
}

/** A font for embedding: the subset, or the whole font if subsetting fails. */
export function embeddableFont(style: FontStyle, codePoints: readonly number[]): Buffer {
  try {
    return subsetFont(style, codePoints);
  } catch {
    return fontBytes(style);
  }
}

/** The characters an SVG draws: its text nodes, with character references decoded. */
function svgText(svg: string): string {
  const named: Readonly<Record<string, string>> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
  };
  let text = '';
  for (const match of svg.matchAll(/>([^<]+)</g)) text += match[1] ?? '';
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const cp =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return named[body] ?? entity;
  });
}

/** Index just past the `>` of the root `<svg …>` start tag, or -1. */
function rootTagEnd(svg: string): number {
  const start = svg.search(/<svg[\s>]/);
  if (start < 0) return -1;
  let quote = '';
  for (let i = start + 4; i < svg.length; i++) {
    const c = svg[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return svg[i - 1] === '/' ? -1 : i + 1;
  }
  return -1;
}

/**
 * The SVG with `@font-face` rules for the DejaVu fonts it names, subset to the characters it
 * draws (as data: URIs), so its text looks the same where DejaVu is not installed. An SVG whose
 * root element cannot be found, or that draws no text, is returned unchanged.
 */
export function svgWithFonts(svg: string): string {
  const at = rootTagEnd(svg);
  if (at < 0) return svg;
  const codePoints = codePointsOf(svgText(svg).replace(/[ \t\r\n]/g, ''));
  if (codePoints.length === 0) return svg;
  codePoints.push(0x20);
  const faces: [FontStyle, string, string][] = [['regular', 'DejaVu Sans', '']];
  if (/font-weight\s*[:=]\s*["']?\s*(bold|[6-9]00)/i.test(svg)) {
    faces.push(['bold', 'DejaVu Sans', 'font-weight:700;']);
  }
  if (/DejaVu Sans Mono/.test(svg)) faces.push(['mono', 'DejaVu Sans Mono', '']);
  const css = faces
    .map(
      ([style, family, extra]) =>
        `@font-face{font-family:"${family}";${extra}src:url(data:font/ttf;base64,${embeddableFont(style, codePoints).toString('base64')})}`,
    )
    .join('');
  return `${svg.slice(0, at)}<style>${css}</style>${svg.slice(at)}`;
}
