import { describe, expect, it } from 'vitest';
import { isDroppedAttribute, sanitizeSvg, sanitizeTree } from './sanitize-svg';
import type { SanitizableElement, SvgCodec } from './sanitize-svg';

/** A tiny mutable element tree standing in for the DOM. */
class FakeElement implements SanitizableElement {
  parent: FakeElement | null = null;
  readonly kids: FakeElement[] = [];
  readonly attrs: Map<string, string>;

  constructor(
    readonly localName: string,
    attrs: Record<string, string> = {},
    kids: FakeElement[] = [],
  ) {
    this.attrs = new Map(Object.entries(attrs));
    for (const kid of kids) {
      kid.parent = this;
      this.kids.push(kid);
    }
  }

  get attributes(): { name: string; value: string }[] {
    return [...this.attrs].map(([name, value]) => ({ name, value }));
  }

  get children(): FakeElement[] {
    return [...this.kids];
  }

  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }

  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }

  remove(): void {
    if (this.parent === null) return;
    this.parent.kids.splice(this.parent.kids.indexOf(this), 1);
    this.parent = null;
  }

  render(): string {
    return render(this);
  }
}

/** A compact serialisation for assertions. */
function render(element: SanitizableElement): string {
  const attrs = Array.from(element.attributes, (a) => ` ${a.name}="${a.value}"`).join('');
  const kids = Array.from(element.children, render).join('');
  return `<${element.localName}${attrs}>${kids}</${element.localName}>`;
}

const el = (name: string, attrs: Record<string, string> = {}, ...kids: FakeElement[]) =>
  new FakeElement(name, attrs, kids);

describe('sanitizeTree', () => {
  it('drops active elements with their content and keeps the drawing and styles', () => {
    const root = el(
      'svg',
      { viewBox: '0 0 10 10', onload: 'alert(1)' },
      el('style', {}, el('x')),
      el('script', {}, el('y')),
      el('foreignObject', {}, el('iframe')),
      el('g', { 'data-kind': 'assets', 'data-id': 'srv' }, el('rect', { onclick: 'x()' })),
      el('iframe'),
      el('object'),
      el('embed'),
    );
    sanitizeTree(root);
    expect(root.render()).toBe(
      '<svg viewBox="0 0 10 10"><style><x></x></style><g data-kind="assets" data-id="srv"><rect></rect></g></svg>',
    );
  });

  it('keeps local links and use, drops external ones', () => {
    const root = el(
      'svg',
      {},
      el('use', { href: '#arrow' }),
      el('use', { 'xlink:href': 'https://evil.example/x.svg#a' }),
      el('use', {}),
      el('a', { href: 'javascript:alert(1)' }, el('text')),
      el('a', { 'xlink:href': '#n1' }),
      el('image', { href: 'http://tracker.example/p.png' }),
    );
    sanitizeTree(root);
    expect(root.render()).toBe(
      '<svg><use href="#arrow"></use><a><text></text></a><a xlink:href="#n1"></a><image></image></svg>',
    );
  });

  it('drops animations that rewrite links or handlers', () => {
    const root = el(
      'svg',
      {},
      el('set', { attributeName: 'href', to: 'javascript:alert(1)' }),
      el('animate', { attributeName: 'onclick' }),
      el('animate', { attributeName: 'opacity', from: '0', to: '1' }),
    );
    sanitizeTree(root);
    expect(root.render()).toBe(
      '<svg><animate attributeName="opacity" from="0" to="1"></animate></svg>',
    );
  });
});

describe('isDroppedAttribute', () => {
  it.each([
    ['onclick', 'x()', true],
    ['ONMOUSEOVER', 'x()', true],
    ['href', '#a', false],
    ['href', ' #a', false],
    ['href', 'data:image/svg+xml,...', true],
    ['xlink:href', '/api/x', true],
    ['fill', 'url(#grad)', false],
    ['style', 'fill:url(java\nscript:alert(1))', true],
    ['class', 'node', false],
  ])('%s=%s → %s', (name, value, dropped) => {
    expect(isDroppedAttribute(name, value)).toBe(dropped);
  });
});

describe('sanitizeSvg', () => {
  const codec = (root: FakeElement | null, ok = true): SvgCodec => ({
    parse: () => ({ root, ok }),
    serialise: render,
  });

  it('serialises the filtered root', () => {
    const root = el('svg', {}, el('script'), el('rect', { onclick: 'x' }));
    expect(sanitizeSvg('<svg/>', codec(root))).toBe('<svg><rect></rect></svg>');
  });

  it('gives nothing for a parse error or a non-SVG root', () => {
    expect(sanitizeSvg('<svg', codec(el('svg'), false))).toBe('');
    expect(sanitizeSvg('<html/>', codec(el('html')))).toBe('');
    expect(sanitizeSvg('', codec(null, false))).toBe('');
  });
});
