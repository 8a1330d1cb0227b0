import { describe, expect, it } from 'vitest';
import { escapeXml, num, svgDocument, SvgWriter } from './svg.js';

describe('escapeXml', () => {
  it('keeps markup inert', () => {
    expect(escapeXml('<script>alert("x") & \'y\'</script>')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;',
    );
  });

  it('drops characters XML cannot carry, keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0007c\tdé\u202f€\ud83d\ude00\ud800')).toBe(
      'abc\tdé\u202f€\ud83d\ude00',
    );
  });
});

describe('num', () => {
  it('rounds to one decimal and never writes -0', () => {
    expect(num(1.26)).toBe('1.3');
    expect(num(-0.01)).toBe('0');
    expect(num(12)).toBe('12');
  });
});

describe('svgDocument', () => {
  it('is standalone: namespace, size, viewBox, font, escaped title', () => {
    const body = new SvgWriter();
    body.element('text', { x: 1, y: 2, 'data-id': 'a"b' }, '<b>');
    const svg = svgDocument({ width: 10.2, height: 5, title: 'T & t', description: 'd', body });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('width="11" height="5" viewBox="0 0 11 5"');
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('<title>T &amp; t</title>');
    expect(svg).toContain('<text x="1" y="2" data-id="a&quot;b">&lt;b&gt;</text>');
    expect(svg).not.toMatch(/href|url\(/);
  });
});
