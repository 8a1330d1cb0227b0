/**
 * Sanitises the server's diagram SVG before it is inserted as markup: parses it as
 * image/svg+xml, drops active content (script, foreignObject, iframe, object, embed, external
 * `use`, animations that rewrite links or handlers), every `on*` attribute and every link that
 * does not point inside the document (`#...`). Style elements are kept.
 *
 * The filtering (`sanitizeTree`) works over a minimal element interface so it is tested in Node
 * without a DOM; `sanitizeSvg` plugs in the browser's DOMParser / XMLSerializer.
 */

/** The part of a DOM element the filter needs. */
export interface SanitizableElement {
  readonly localName: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly children: ArrayLike<SanitizableElement>;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  remove(): void;
}

const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'foreignobject',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'handler',
  'listener',
]);

const ANIMATIONS: ReadonlySet<string> = new Set([
  'set',
  'animate',
  'animatetransform',
  'animatemotion',
]);

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

function linkOf(element: SanitizableElement): string | null {
  return element.getAttribute('href') ?? element.getAttribute('xlink:href');
}

/** Whether the element must go, with all its content. */
export function isDroppedElement(element: SanitizableElement): boolean {
  const name = element.localName.toLowerCase();
  if (DROPPED_ELEMENTS.has(name)) return true;
  if (name === 'use') {
    const link = linkOf(element);
    return link === null || !isLocalReference(link);
  }
  if (ANIMATIONS.has(name)) {
    const target = (element.getAttribute('attributeName') ?? '').toLowerCase();
    return target.startsWith('on') || isLinkAttribute(target) || target === 'style';
  }
  return false;
}

/** Whether the attribute must be removed (event handlers, non-local links, `javascript:` values). */
export function isDroppedAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return true;
  if (isLinkAttribute(lower)) return !isLocalReference(value);
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
  return compact.includes('javascript:') || compact.includes('vbscript:');
}

/** Filters the element and its descendants in place. */
export function sanitizeTree(root: SanitizableElement): void {
  const names = Array.from(root.attributes, (a) => ({ name: a.name, value: a.value }));
  for (const { name, value } of names) {
    if (isDroppedAttribute(name, value)) root.removeAttribute(name);
  }
  for (const child of Array.from(root.children)) {
    if (isDroppedElement(child)) child.remove();
    else sanitizeTree(child);
  }
}

export interface SvgCodec {
  readonly parse: (text: string) => {
    readonly root: SanitizableElement | null;
    readonly ok: boolean;
  };
  readonly serialise: (root: SanitizableElement) => string;
}

function browserCodec(): SvgCodec {
  return {
    parse: (text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const ok = root.localName === 'svg' && doc.getElementsByTagName('parsererror').length === 0;
      return { root, ok };
    },
    serialise: (root) => new XMLSerializer().serializeToString(root as unknown as Node),
  };
}

/** The sanitised SVG markup, or '' when the text is not a well-formed SVG document. */
export function sanitizeSvg(svg: string, codec: SvgCodec = browserCodec()): string {
  const { root, ok } = codec.parse(svg);
  if (!ok || root === null || root.localName.toLowerCase() !== 'svg') return '';
  sanitizeTree(root);
  return codec.serialise(root);
}
