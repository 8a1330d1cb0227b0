/**
 * The rule sanitizeSvg adds to DOMPurify's SVG profile (the whole sanitiser runs in Chromium:
 * test/e2e/sanitize-svg.e2e.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { SVG_PURIFY_CONFIG, isDroppedAttribute } from './sanitize-svg';

describe('isDroppedAttribute', () => {
  it.each([
    ['onclick', 'x()', true],
    ['ONMOUSEOVER', 'x()', true],
    ['onbegin', 'x()', true],
    ['href', '#a', false],
    ['href', ' #a', false],
    ['href', 'https://evil.example/x.svg#a', true],
    ['href', 'data:image/svg+xml,...', true],
    ['xlink:href', '/api/x', true],
    ['xlink:href', '#n1', false],
    ['src', 'http://tracker.example/p.png', true],
    ['fill', 'url(#grad)', false],
    ['style', 'fill:url(java\nscript:alert(1))', true],
    ['class', 'node', false],
    ['data-id', 'srv-fichiers', false],
  ])('%s=%s → %s', (name, value, dropped) => {
    expect(isDroppedAttribute(name, value)).toBe(dropped);
  });
});

describe('SVG_PURIFY_CONFIG', () => {
  it('uses the SVG profiles of DOMPurify and adds only <use>', () => {
    expect(SVG_PURIFY_CONFIG.USE_PROFILES).toEqual({ svg: true, svgFilters: true });
    expect(SVG_PURIFY_CONFIG.ADD_TAGS).toEqual(['use']);
  });
});
