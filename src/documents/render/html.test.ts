import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontBytes } from '../../presentation/fonts.js';
import { code, link, ref, type Block, type ReportDocument } from '../model.js';
import { outline } from '../outline.js';
import { sampleDocument } from '../sample.js';
import { applyTypography } from '../typography.js';
import { subsetFont, svgWithFonts } from './font-subset.js';
import { escapeHtml, renderHtml } from './html.js';

interface Font {
  glyphForCodePoint(cp: number): { id: number };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): Font };

/** Every reference to something outside the file: the HTML must have none. */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  const check = (source: string, where: string): void => {
    for (const m of source.matchAll(/\bsrc\s*=\s*["']?([^"'\s>]*)/gi)) {
      if (!(m[1] ?? '').startsWith('data:')) found.push(`${where} src=${m[1] ?? ''}`);
    }
    for (const m of source.matchAll(
      /<([a-z][\w:-]*)\b[^>]*?\s(?:xlink:)?href\s*=\s*["']?([^"'\s>]*)/gi,
    )) {
      const [, tag = '', target = ''] = m;
      const internal = target.startsWith('#') || target.startsWith('data:');
      if (tag.toLowerCase() !== 'a' || (!internal && where !== 'html')) {
        found.push(`${where} <${tag} href=${target}>`);
      }
    }
    for (const m of source.matchAll(/url\(\s*["']?([^"')\s]*)/gi)) {
      if (!(m[1] ?? '').startsWith('data:')) found.push(`${where} url(${m[1] ?? ''})`);
    }
    if (/@import/i.test(source)) found.push(`${where} @import`);
    if (/<(script|link|iframe|object|embed|base|meta\s+http-equiv)\b/i.test(source)) {
      found.push(`${where} active or linking element`);
    }
  };
  check(html, 'html');
  for (const m of html.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)) {
    check(Buffer.from(m[1] ?? '', 'base64').toString('utf8'), 'svg');
  }
  return found;
}

const ids = (html: string): Set<string> =>
  new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));

const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const EVIL = '<script>alert(1)</script>';

const documentOf = (blocks: Block[]): ReportDocument => ({
  meta: sampleDocument('en').meta,
  blocks,
});

function evilDocument(): ReportDocument {
  const base = sampleDocument('en', 3);
  const blocks: Block[] = [
    { kind: 'toc' },
    {
      kind: 'section',
      id: 'x"><script>',
      title: `Title ${EVIL}`,
      children: [
        { kind: 'paragraph', content: [EVIL, link('click', 'javascript:alert(1)')] },
        { kind: 'paragraph', content: [link('data', ' data:text/html,<b>x</b>')] },
        { kind: 'paragraph', content: [link('ok', 'https://example.org/a b?c="d"')] },
        { kind: 'paragraph', content: [link('mail', 'mailto:rssi@example.org')] },
        { kind: 'paragraph', content: [ref('nowhere', 'missing-id')] },
        {
          kind: 'table',
          caption: [`Caption ${EVIL}`],
          columns: [{ title: `Col ${EVIL}` }],
          rows: [[[EVIL, code(EVIL)]]],
        },
        {
          kind: 'figure',
          svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>',
          width: 10,
          height: 10,
          caption: [`Fig ${EVIL}`],
          alt: `Alt "quoted" ${EVIL}`,
        },
        { kind: 'callout', tone: 'danger', title: EVIL, content: [EVIL] },
        { kind: 'quote', content: [EVIL], source: [EVIL] },
      ],
    },
  ];
  return {
    meta: {
      ...base.meta,
      title: `Doc ${EVIL}`,
      subtitle: EVIL,
      organisation: `Org ' & "`,
      classification: `Secret ${EVIL}`,
      history: [{ version: EVIL, date: '2026-01-01', author: EVIL, changes: EVIL }],
    },
    blocks,
  };
}

describe('renderHtml', () => {
  for (const lang of ['en', 'fr'] as const) {
    const document = applyTypography(sampleDocument(lang));
    const html = renderHtml(document);
    const numbering = outline(document);

    it(`${lang}: numbers and titles every section, with ids the contents link to`, () => {
      expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`));
      const headings = [...html.matchAll(/<h[2-6]>(.*?)<\/h[2-6]>/g)].map((m) => plain(m[1] ?? ''));
      for (const s of numbering.sections) {
        const prefix =
          s.appendix && s.level === 1
            ? `${lang === 'fr' ? 'Annexe' : 'Appendix'} ${s.number} –`
            : s.number;
        expect(headings).toContain(`${prefix} ${s.title}`);
        expect(html).toContain(`<section class="level-${String(s.level)}" id="${s.id}">`);
      }
      const nav = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(targets).toEqual(['purpose', 'zones', 'flows', 'appendix-glossary']);
      const known = ids(html);
      for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(known).toContain(m[1]);
    });

    it(`${lang}: cover, history, numbered captions, callouts, quote and references`, () => {
      const text = plain(html);
      const table = lang === 'fr' ? 'Tableau' : 'Table';
      expect(text).toContain(`${table} 1 – ${lang === 'fr' ? 'Flux autorisés' : 'Allowed flows'}`);
      expect(text).toContain(`Figure 1 – ${lang === 'fr' ? 'Zones et flux' : 'Zones and flows'}`);
      expect(html).toMatch(/<caption id="[^"]+"><span class="label">(Table|Tableau) 1<\/span>/);
      expect(text).toContain(lang === 'fr' ? '28 novembre 2026' : '28 November 2026');
      expect(text).toContain(lang === 'fr' ? 'Historique du document' : 'Document history');
      expect(html).toContain('<td>A. Martin</td>');
      expect(html).toContain(
        `<aside class="callout callout-todo" role="note" aria-label="${lang === 'fr' ? 'À compléter' : 'To be completed'}">`,
      );
      expect(html).toMatch(
        /<blockquote><p>[^<]+<\/p><\/blockquote><figcaption>— <cite>ANSSI, <em>/,
      );
      expect(html).toContain(
        `<a class="ref" href="#flows">${lang === 'fr' ? 'la matrice des flux' : 'the flow matrix'} (section 2.1)</a>`,
      );
      expect(html).toContain('<a class="external" href="https://cyber.gouv.fr/">ANSSI</a>');
      expect(html).toMatch(
        /<figure class="drawing" id="fig-zones"><img src="data:image\/svg\+xml;base64,[^"]+" alt="[^"]+" width="320" height="140">/,
      );
      expect((html.match(/<tbody>/g) ?? []).length).toBe(2);
      expect((html.match(/<tr><td><code>flow-\d+<\/code><\/td>/g) ?? []).length).toBe(60);
    });

    it(`${lang}: has no external reference, and a print stylesheet`, () => {
      expect(externalReferences(html)).toEqual([]);
      expect(html).toContain('@page { size: A4;');
      expect(html).toContain('thead { display: table-header-group; }');
      expect(html).toContain(`@top-center { content: "${document.meta.classification}";`);
      expect(html).toContain('section.level-1 { break-before: page; }');
    });

    it(`${lang}: embeds DejaVu subsets holding the characters used`, () => {
      const faces = [
        ...html.matchAll(
          /@font-face \{ font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+);[^}]*base64,([A-Za-z0-9+/=]+)\)/g,
        ),
      ];
      expect(faces.map((f) => `${f[1] ?? ''} ${f[2] ?? ''} ${f[3] ?? ''}`)).toEqual([
        'DejaVu Sans 400 normal',
        'DejaVu Sans 700 normal',
        'DejaVu Sans 400 italic',
        'DejaVu Sans Mono 400 normal',
      ]);
      const regular = Buffer.from(faces[0]?.[4] ?? '', 'base64');
      expect(regular.length).toBeGreaterThan(2000);
      expect(regular.length).toBeLessThan(fontBytes('regular').length / 10);
      const font = fontkit.create(regular);
      for (const char of [
        'A',
        'é',
        '’',
        '→',
        ...(lang === 'fr' ? ['\u202F', '\u00A0', 'è'] : []),
      ]) {
        expect(font.glyphForCodePoint(char.codePointAt(0) ?? 0).id, char).toBeGreaterThan(0);
      }
      expect(font.glyphForCodePoint(0x416).id).toBe(0); // Ж is not in the document
    });
  }

  it('keeps French typographic spaces', () => {
    const html = renderHtml(applyTypography(sampleDocument('fr')));
    expect(html).toContain('technique\u00A0: test</h1>');
    expect(html).toContain('</code>\u202F; voir');
  });

  it('escapes every model string and keeps only http, https and mailto links', () => {
    const html = renderHtml(evilDocument());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;click</p>');
    expect(html).not.toContain('href=" data:');
    expect(html).not.toContain('href="data:');
    expect(html).toContain('<h1>Doc &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;<code>&lt;script&gt;');
    expect(html).toContain('alt="Alt &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('– Caption &lt;script&gt;');
    expect(html).toContain('<p class="organisation">Org &#39; &amp; &quot;</p>');
    expect(html).toContain(
      '<a class="external" href="https://example.org/a%20b?c=&quot;d&quot;">ok</a>',
    );
    expect(html).toContain('<a class="external" href="mailto:rssi@example.org">mail</a>');
    expect(html).toContain('<p>nowhere</p>');
    // Ids from the model are reduced to safe characters, and links still reach them.
    expect(html).toContain('id="x-22--3e--3c-script-3e-"');
    expect(html).toContain('href="#x-22--3e--3c-script-3e-"');
    // The classification goes into CSS as an escaped string (no way out of <style>).
    expect(html).toContain('content: "Secret \\3c script\\3e alert(1)\\3c /script\\3e ";');
    // The figure's own script stays inside an <img> (where SVG scripts never run).
    expect(externalReferences(html)).toEqual(['svg active or linking element']);
    expect(html).toMatch(
      /<figure class="drawing"><img src="data:image\/svg\+xml;base64,[^"]+" alt=/,
    );
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('detects external references (checker self-test)', () => {
    expect(externalReferences('<img src="https://x/y.png">')).toHaveLength(1);
    expect(externalReferences('<link rel="stylesheet" href="s.css">')).toHaveLength(2);
    expect(externalReferences('<style>p{background:url(http://x)}</style>')).toHaveLength(1);
    expect(externalReferences('<style>@import "x.css";</style>')).toHaveLength(1);
    expect(
      externalReferences('<a href="https://x">ok</a><img src="data:image/png;base64,AA">'),
    ).toEqual([]);
  });

  it('fits wide tables to the printed page: smaller type first, then breaking words', () => {
    const wide = (columns: number, word: string): Block => ({
      kind: 'table',
      dense: true,
      columns: Array.from({ length: columns }, (_, i) => ({ title: `C${String(i)}` })),
      rows: [Array.from({ length: columns }, () => [`${word} ${word}`])],
    });
    const html = renderHtml(
      documentOf([
        wide(4, 'abcdefghijklmn'),
        wide(8, 'abcdefghijklmn'),
        wide(12, 'abcdefghijklmnopqrst'),
      ]),
    );
    const tables = [...html.matchAll(/<table([^>]*)>/g)].map((m) => m[1]);
    expect(tables).toEqual([
      '', // the history
      ' class="dense"',
      ' class="dense fit" style="--fit: 0.9"',
      ' class="dense fit tight" style="--fit: 0.8"',
    ]);
    expect(html).toContain('table.dense.fit { font-size: calc(var(--fit) * 7.5pt); }');
    expect(html).toContain('table.tight td { overflow-wrap: anywhere; }');
  });

  it('lets wide drawings be zoomed to full size on screen, without script', () => {
    const figure = (width: number): Block => ({
      kind: 'figure',
      svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${String(width)} 100"/>`,
      width,
      height: 100,
      caption: ['Wide'],
      alt: 'A wide drawing',
    });
    const html = renderHtml(documentOf([figure(400), figure(2400)]));
    expect(html).toContain('<figure class="drawing"><img src="data:image/svg+xml;base64,');
    expect(html).toMatch(
      /<figure class="drawing zoomable"><input type="checkbox" class="zoom" id="zoom-2" aria-label="Click the drawing[^"]*"><label for="zoom-2" class="frame" title="[^"]+"><img src="data:image\/svg\+xml;base64,[^"]+" alt="A wide drawing" width="2400" height="100"><\/label>/,
    );
    expect(html).toContain('.zoom:checked + .frame img { max-width: none; }');
  });

  it('is deterministic', () => {
    const document = applyTypography(sampleDocument('fr'));
    expect(renderHtml(document)).toBe(renderHtml(document));
  });

  it('renders a 50,000-row table quickly', () => {
    const document = sampleDocument('en', 50_000);
    const start = performance.now();
    const html = renderHtml(document);
    const elapsed = performance.now() - start;
    expect((html.match(/<tr><td><code>flow-/g) ?? []).length).toBe(50_000);
    expect(html).toContain('<code>flow-50000</code>');
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('font subsets', () => {
  it('keep the glyphs asked for and are valid fonts', () => {
    const bytes = subsetFont('bold', [0x41, 0xe9, 0x202f]);
    const font = fontkit.create(bytes);
    expect(font.glyphForCodePoint(0x41).id).toBeGreaterThan(0);
    expect(font.glyphForCodePoint(0xe9).id).toBeGreaterThan(0);
    expect(font.glyphForCodePoint(0x42).id).toBe(0);
    expect(bytes.length).toBeLessThan(8000);
    expect(subsetFont('bold', [0x41, 0xe9, 0x202f]).equals(bytes)).toBe(true);
  });

  it('are added to SVGs for the characters they draw', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><text font-weight="bold">Zé&#233;</text></svg>';
    const out = svgWithFonts(svg);
    expect(
      out.startsWith(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><style>@font-face{font-family:"DejaVu Sans";src:url(data:font/ttf;base64,',
      ),
    ).toBe(true);
    expect(out).toContain('font-weight:700;');
    expect(out.endsWith('<text font-weight="bold">Zé&#233;</text></svg>')).toBe(true);
    const fr = svgWithFonts('<svg viewBox="0 0 9 9"><text>Qu&#x2019;est-ce\u202F?</text></svg>');
    const data = /base64,([A-Za-z0-9+/=]+)\)/.exec(fr)?.[1] ?? '';
    const font = fontkit.create(Buffer.from(data, 'base64'));
    for (const cp of [0x51, 0x2019, 0x202f, 0x3f]) {
      expect(font.glyphForCodePoint(cp).id, cp.toString(16)).toBeGreaterThan(0);
    }
    expect(font.glyphForCodePoint(0x5a).id).toBe(0);
    expect(svgWithFonts('<svg viewBox="0 0 9 9"><rect/></svg>')).toBe(
      '<svg viewBox="0 0 9 9"><rect/></svg>',
    );
  });
});
