/**
 * Sanitises SVG before it is inserted as markup (the server's diagrams and attack paths, the
 * diagram export) with DOMPurify's SVG profile (`USE_PROFILES: { svg: true, svgFilters: true }`):
 * scripts, foreignObject, iframes, animations and every `on*` handler go. On top of the profile,
 * links must stay inside the document: an `href`/`xlink:href`/`src` that is not `#…` is removed
 * (no tracking pixel, no external `<use>`), as is any value hiding `javascript:`. `<use>` of a
 * local symbol and `<style>` are kept; `data-*` attributes (the diagram's click targets) too.
 *
 * The attribute rule (`isDroppedAttribute`) is pure and tested in Node; `sanitizeSvg` needs a
 * DOM (the browser; test/e2e/sanitize-svg.e2e.test.ts runs it in Chromium).
 */
import DOMPurify from 'dompurify';
import type { Config, DOMPurify as Purifier } from 'dompurify';

const LINK_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'xlink:href',
  'src',
  'action',
  'formaction',
]);

function isLocalReference(value: string): boolean {
  return value.trim().startsWith('#');
}

function isLinkAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return LINK_ATTRIBUTES.has(lower) || lower.endsWith(':href');
}

/** Whether the attribute must go: event handlers, non-local links, `javascript:` values. */
export function isDroppedAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return true;
  if (isLinkAttribute(lower)) return !isLocalReference(value);
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
  return compact.includes('javascript:') || compact.includes('vbscript:');
}

/** The DOMPurify settings: the SVG profiles, plus `<use>` (its link is checked by the hook). */
export const SVG_PURIFY_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ['use'],
  RETURN_DOM_FRAGMENT: true,
};

let purifier: Purifier | null = null;

/** One DOMPurify instance of our own (its hooks do not leak into other users of DOMPurify). */
function instance(): Purifier {
  if (purifier !== null) return purifier;
  const created = DOMPurify(window);
  created.addHook('uponSanitizeAttribute', (_node, data) => {
    if (isDroppedAttribute(data.attrName, data.attrValue)) data.keepAttr = false;
  });
  purifier = created;
  return created;
}

/** The sanitised SVG markup (XML, with its namespace), or '' when the text is not an SVG document. */
export function sanitizeSvg(svg: string): string {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (
    parsed.documentElement.localName !== 'svg' ||
    parsed.getElementsByTagName('parsererror').length > 0
  ) {
    return '';
  }
  const fragment = instance().sanitize(parsed.documentElement, {
    ...SVG_PURIFY_CONFIG,
    RETURN_DOM_FRAGMENT: true,
  });
  const root = fragment.firstElementChild;
  if (root?.localName !== 'svg') return '';
  return new XMLSerializer().serializeToString(root);
}
