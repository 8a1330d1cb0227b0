/**
 * The fonts documents are drawn with: DejaVu Sans and DejaVu Sans Mono (free licence, wide
 * Unicode coverage including French and the typographic spaces), read from the
 * `dejavu-fonts-ttf` package. PDF embeds them (subset), HTML inlines a subset, diagrams are
 * rasterised with them, so output never depends on the fonts of the machine. I/O at the edge:
 * `loadFonts` reads the files once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono' | 'monoBold';

const FILES: Readonly<Record<FontStyle, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  monoBold: 'DejaVuSansMono-Bold.ttf',
};

/** The family name to use in SVG and CSS for the embedded fonts. */
export const FONT_FAMILY = 'DejaVu Sans';
export const MONO_FAMILY = 'DejaVu Sans Mono';

let directory: string | undefined;

function fontDirectory(): string {
  if (directory === undefined) {
    const require = createRequire(import.meta.url);
    directory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return directory;
}

/** Absolute path of a font file. */
export function fontPath(style: FontStyle): string {
  return join(fontDirectory(), FILES[style]);
}

const cache = new Map<FontStyle, Buffer>();

/** The bytes of a font file (read once per process). */
export function fontBytes(style: FontStyle): Buffer {
  let bytes = cache.get(style);
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(style));
    cache.set(style, bytes);
  }
  return bytes;
}

/** Every font file path, e.g. for an SVG rasteriser. */
export function allFontPaths(): string[] {
  return (Object.keys(FILES) as FontStyle[]).map(fontPath);
}
