/**
 * A minimal SVG writer: every text and attribute value goes through `escapeXml`, numbers are
 * rounded the same way every time (deterministic output), and the document is standalone
 * (namespace, viewBox, explicit size, the embedded font family, no external reference).
 */
import { FONT_FAMILY } from '../presentation/fonts.js';

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes a text for XML content and attribute values (markup in a name stays text). */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate with at most one decimal, never `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributes(attrs: Attributes): string {
  let result = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    result += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return result;
}

/** Appends elements to a list of parts joined once at the end (linear in the output size). */
export class SvgWriter {
  readonly #parts: string[] = [];

  open(tag: string, attrs: Attributes = {}): void {
    this.#parts.push(`<${tag}${attributes(attrs)}>`);
  }

  close(tag: string): void {
    this.#parts.push(`</${tag}>`);
  }

  /** An element with text content (escaped), or empty. */
  element(tag: string, attrs: Attributes, text?: string): void {
    this.#parts.push(
      text === undefined
        ? `<${tag}${attributes(attrs)}/>`
        : `<${tag}${attributes(attrs)}>${escapeXml(text)}</${tag}>`,
    );
  }

  toString(): string {
    return this.#parts.join('');
  }
}

export interface SvgDocument {
  readonly width: number;
  readonly height: number;
  /** Accessible title and description (escaped). */
  readonly title: string;
  readonly description: string;
  readonly body: SvgWriter;
}

/** The standalone SVG document. */
export function svgDocument(doc: SvgDocument): string {
  const width = Math.ceil(doc.width);
  const height = Math.ceil(doc.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${String(width)}" height="${String(height)}"` +
    ` viewBox="0 0 ${String(width)} ${String(height)}" font-family="${FONT_FAMILY}" role="img">` +
    `<title>${escapeXml(doc.title)}</title><desc>${escapeXml(doc.description)}</desc>` +
    `<rect x="0" y="0" width="${String(width)}" height="${String(height)}" fill="#ffffff"/>` +
    `${doc.body.toString()}</svg>\n`
  );
}
