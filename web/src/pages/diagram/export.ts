/**
 * Export of the diagram as shown (highlights included, collapsing and keyboard attributes left
 * out): a self-contained SVG (its styles inlined, sanitised again) and a PNG rasterised through a
 * canvas. The file name is made from the view.
 */
import { sanitizeSvg } from '../../lib/sanitize-svg';

/** A file name for a view (`zone:dmz` → `diagram-zone-dmz`). */
export function exportName(view: string): string {
  const slug = view
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug === '' ? 'diagram' : `diagram-${slug}`;
}

/** Highlight styles written into the exported file (no CSS variables: it stands alone). */
export function exportStyles(colours: {
  readonly highlight: string;
  readonly flow: string;
}): string {
  return [
    `.diagram-highlight > rect:first-of-type { stroke: ${colours.highlight}; stroke-width: 4px; }`,
    `.diagram-highlight-within > rect:first-of-type { stroke: ${colours.highlight}; stroke-width: 4px; stroke-dasharray: 8 4; }`,
    `.diagram-highlight-flow path { stroke: ${colours.flow}; stroke-width: 4px; }`,
    `.diagram-highlight-flow polygon { fill: ${colours.flow}; }`,
  ].join('\n');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG text of a displayed diagram, standalone and sanitised. */
export function exportSvgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  for (const element of clone.querySelectorAll('.diagram-summary')) element.remove();
  for (const element of clone.querySelectorAll('.diagram-summarised')) {
    element.classList.remove('diagram-summarised');
  }
  for (const element of clone.querySelectorAll('[data-collapsible]')) {
    element.removeAttribute('data-collapsible');
  }
  for (const element of clone.querySelectorAll('[tabindex]')) {
    element.removeAttribute('tabindex');
    element.removeAttribute('role');
    element.removeAttribute('aria-label');
  }
  clone.setAttribute('role', 'img');
  clone.setAttribute('xmlns', SVG_NS);
  const styles = getComputedStyle(document.documentElement);
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = exportStyles({
    highlight: styles.getPropertyValue('--diagram-highlight').trim() || '#b3400a',
    flow: styles.getPropertyValue('--diagram-highlight-flow').trim() || '#0b5cad',
  });
  clone.insertBefore(style, clone.firstChild);
  return sanitizeSvg(new XMLSerializer().serializeToString(clone));
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/** The SVG text rasterised at `scale` (2: sharp on high-density screens) as a PNG. */
export async function svgToPng(
  text: string,
  size: { readonly width: number; readonly height: number },
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    // Browsers cap canvases (about 16k px a side, 268M px): shrink very large drawings.
    const limit = Math.min(1, 16_000 / (size.width * scale), 16_000 / (size.height * scale));
    canvas.width = Math.max(1, Math.floor(size.width * scale * limit));
    canvas.height = Math.max(1, Math.floor(size.height * scale * limit));
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('canvas 2d unavailable');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob === null) reject(new Error('PNG encoding failed'));
        else resolve(blob);
      }, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
