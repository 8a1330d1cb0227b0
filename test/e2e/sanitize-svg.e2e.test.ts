/**
 * web/src/lib/sanitize-svg.ts (DOMPurify, SVG profile) in Debian's Chromium: bundled on the fly
 * with Vite, loaded into a blank page, fed hostile SVG. Scripts, event handlers, foreign objects,
 * animations and external links go; the drawing, styles, local links and data-* attributes stay.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startBrowser } from './support.js';
import type { Driver } from './support.js';

let driver: Driver;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: join(ROOT, 'web', 'src', 'lib', 'sanitize-svg.ts'),
        formats: ['iife'],
        name: 'Sanitizer',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk !== undefined) return chunk.code;
    }
  }
  throw new Error('vite built no chunk for sanitize-svg.ts');
}

async function sanitize(svg: string): Promise<string> {
  // Runs in the page, where the bundle defined `Sanitizer` on the global object.
  return driver.page.evaluate((input) => {
    const scope = globalThis as unknown as { Sanitizer: { sanitizeSvg(s: string): string } };
    return scope.Sanitizer.sanitizeSvg(input);
  }, svg);
}

beforeAll(async () => {
  const code = await bundle();
  driver = await startBrowser('http://127.0.0.1:9');
  await driver.page.setContent('<!doctype html><html><body></body></html>');
  await driver.page.addScriptTag({ content: code });
}, 120_000);

afterAll(async () => {
  await driver.close();
});

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

describe('sanitizeSvg in Chromium', () => {
  it('removes scripts, handlers and foreign objects, keeps the drawing, styles and data-*', async () => {
    const out = await sanitize(
      `<svg ${SVG} viewBox="0 0 10 10" onload="alert(1)"><style>.n{fill:red}</style>` +
        '<script>alert(2)</script><foreignObject><iframe src="https://evil.example"></iframe></foreignObject>' +
        '<g class="n" data-kind="assets" data-id="srv"><rect width="4" height="4" onclick="x()"/></g>' +
        '<text x="1" y="9">Serveur &amp; &lt;fichiers&gt;</text></svg>',
    );
    expect(out).not.toMatch(/script|onload|onclick|foreignObject|iframe|alert/i);
    expect(out).toContain('<style>.n{fill:red}</style>');
    expect(out).toContain('data-kind="assets"');
    expect(out).toContain('data-id="srv"');
    expect(out).toContain('<rect width="4" height="4"');
    expect(out).toContain('Serveur &amp; &lt;fichiers&gt;');
    expect(out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('keeps local links, removes external and javascript: ones', async () => {
    const out = await sanitize(
      `<svg ${SVG}><defs><symbol id="arrow"><path d="M0 0L1 1"/></symbol></defs>` +
        '<use href="#arrow"/><use xlink:href="https://evil.example/x.svg#a"/>' +
        '<a href="javascript:alert(1)"><text>x</text></a><a xlink:href="#n1"><text>y</text></a>' +
        '<image href="http://tracker.example/p.png"/></svg>',
    );
    expect(out).toContain('<use href="#arrow"');
    expect(out).toContain('xlink:href="#n1"');
    expect(out).not.toContain('evil.example');
    expect(out).not.toContain('javascript');
    expect(out).not.toContain('tracker.example');
  });

  it('removes animations that could rewrite links or handlers', async () => {
    const out = await sanitize(
      `<svg ${SVG}><a><set attributeName="href" to="javascript:alert(1)"/>` +
        '<animate attributeName="onclick" to="alert(1)"/><text>z</text></a></svg>',
    );
    expect(out).not.toMatch(/<set|<animate|javascript|alert/);
    expect(out).toContain('<text>z</text>');
  });

  it('gives nothing for text that is not an SVG document', async () => {
    expect(await sanitize('<svg')).toBe('');
    expect(await sanitize('<html><body>x</body></html>')).toBe('');
    expect(await sanitize('')).toBe('');
  });
});
