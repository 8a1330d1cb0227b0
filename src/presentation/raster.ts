/**
 * SVG → PNG, for formats and viewers that need a raster image (DOCX fallback, `vigie diagram -o
 * x.png`). resvg renders with the embedded DejaVu fonts only (system fonts are not loaded), so
 * the output is the same on every machine.
 */
import { Resvg } from '@resvg/resvg-js';
import { allFontPaths, FONT_FAMILY } from './fonts.js';

export interface RasterOptions {
  /** Output width in pixels (height follows the aspect ratio). Default: twice the SVG's width. */
  readonly width?: number;
  /** Background colour; default white (documents are printed on white). */
  readonly background?: string;
}

/** Largest raster produced, in pixels per side (a huge diagram is scaled down to fit). */
const MAX_SIDE = 8000;

export function svgToPng(svg: string, options: RasterOptions = {}): Buffer {
  // the size alone needs no fonts (loading them takes most of the time of a small render)
  const probe = new Resvg(svg, { font: { loadSystemFonts: false } });
  const natural = probe.width;
  const wanted = Math.min(
    options.width ?? natural * 2,
    MAX_SIDE,
    (MAX_SIDE * natural) / Math.max(1, probe.height),
  );
  const resvg = new Resvg(svg, {
    background: options.background ?? '#ffffff',
    fitTo: { mode: 'width', value: Math.max(1, Math.round(wanted)) },
    font: {
      loadSystemFonts: false,
      fontFiles: allFontPaths(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
