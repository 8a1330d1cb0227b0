import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../labels.js';
import { bold, code, link, ref, type Block, type ReportDocument } from '../model.js';
import { outline } from '../outline.js';
import { sampleDocument } from '../sample.js';
import { applyTypography } from '../typography.js';
import { bookmarkName } from './docx-inline.js';
import { columnWidths } from './docx-widths.js';
import { readZip, writeZip } from './docx-zip.js';
import { renderDocx } from './docx.js';

let directory = '';
let files = 0;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'vigie-docx-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The package's parts, read with the system's `unzip` (independent of the renderer's zip code). */
function open(bytes: Buffer): { file: string; names: string[]; part: (name: string) => string } {
  const file = join(directory, `doc-${String(++files)}.docx`);
  writeFileSync(file, bytes);
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
  const cache = new Map<string, string>();
  const read = (name: string): string =>
    // unzip reads names as patterns: `[` must be escaped.
    execFileSync('unzip', ['-p', file, name.replace(/\[/g, '[[]')], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  return {
    file,
    names,
    part: (name) => {
      const text = cache.get(name) ?? read(name);
      cache.set(name, text);
      return text;
    },
  };
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface Para {
  readonly style: string | undefined;
  readonly text: string;
  readonly xml: string;
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => unescapeXml(t[1] ?? ''))
      .join(''),
    xml: p,
  }));
}

/** Throws unless the XML is well-formed (tags balanced, attributes quoted, entities valid). */
function assertWellFormed(xml: string, name: string): void {
  const stack: string[] = [];
  const tag =
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="(?:[^"<&]|&(?:amp|lt|gt|quot|apos|#\d+);)*")*)\s*(\/?)>/y;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const amp = xml.indexOf('&', i);
    const next = lt === -1 ? amp : amp === -1 ? lt : Math.min(lt, amp);
    if (next === -1) break;
    if (next === amp) {
      entity.lastIndex = amp;
      if (!entity.test(xml))
        throw new Error(`${name}: bare & at ${String(amp)}: ${xml.slice(amp, amp + 40)}`);
      i = entity.lastIndex;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (m === null)
      throw new Error(`${name}: bad markup at ${String(lt)}: ${xml.slice(lt, lt + 60)}`);
    const [, close, tagName, , selfClosing] = m;
    if (close === '/') {
      const open = stack.pop();
      if (open !== tagName)
        throw new Error(`${name}: </${String(tagName)}> closes <${String(open)}>`);
    } else if (selfClosing !== '/') stack.push(tagName ?? '');
    i = tag.lastIndex;
  }
  if (stack.length > 0) throw new Error(`${name}: unclosed ${stack.join(' ')}`);
}

const documentOf = (blocks: Block[], lang: 'en' | 'fr' = 'en'): ReportDocument => ({
  meta: sampleDocument(lang).meta,
  blocks,
});

describe('renderDocx', () => {
  for (const lang of ['fr', 'en'] as const) {
    const document = applyTypography(sampleDocument(lang, 80));
    const numbering = outline(document);
    const labels = LABELS[lang];
    let pkg: ReturnType<typeof open>;
    let xml = '';
    let paras: Para[] = [];

    beforeAll(async () => {
      pkg = open(await renderDocx(document));
      xml = pkg.part('word/document.xml');
      paras = paragraphs(xml);
    });

    it(`${lang}: every section is a heading in a Heading style, numbered as the outline`, () => {
      for (const s of numbering.sections) {
        const prefix = s.appendix && s.level === 1 ? `${labels.appendix} ${s.number} –` : s.number;
        const heading = paras.find(
          (p) => p.text === `${prefix} ${s.title}` && !/^TOC\d$/.test(p.style ?? ''),
        );
        expect(heading?.style, s.title).toBe(`Heading${String(Math.min(s.level, 4))}`);
        expect(heading?.xml).toMatch(/<w:bookmarkStart w:name="v\d+_/);
      }
      expect(paras.filter((p) => p.style?.startsWith('Heading') === true)).toHaveLength(
        numbering.sections.length,
      );
    });

    it(`${lang}: a table of contents field, filled with linked entries before Word updates it`, () => {
      expect(xml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
      expect(xml).toContain('TOC \\h \\o &quot;1-3&quot;');
      const toc = paras.filter((p) => /^TOC\d$/.test(p.style ?? ''));
      expect(toc.map((p) => p.text)).toEqual(
        numbering.sections
          .filter((s) => s.level <= 3)
          .map(
            (s) =>
              `${s.appendix && s.level === 1 ? `${labels.appendix} ${s.number} –` : s.number} ${s.title}`,
          ),
      );
      for (const entry of toc) {
        const anchor = /w:anchor="([^"]+)"/.exec(entry.xml)?.[1] ?? 'none';
        expect(xml).toContain(`<w:bookmarkStart w:name="${anchor}"`);
      }
      expect(paras.find((p) => p.text === labels.contents)?.style).toBe('TOCHeading');
    });

    it(`${lang}: tables have a repeated header row, proportional widths and captions`, () => {
      const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
      expect(tables).toHaveLength(2); // document history, flow matrix
      for (const table of tables) {
        const rows = table.split('<w:tr>').slice(1);
        expect(rows[0]).toContain('<w:tblHeader/>');
        expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
      }
      const flows = tables[1] ?? '';
      expect(flows.split('<w:tr>')).toHaveLength(82); // header + 80 rows
      const grid = [...flows.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(9638);
      // Widths follow the columns' weights (1, 2, 2, 1, 1, 3) where words fit.
      expect(grid[5]).toBeGreaterThan(2.9 * (grid[0] ?? 0));
      expect(Math.abs((grid[1] ?? 0) - (grid[2] ?? 0))).toBeLessThan(2);
      expect(flows).toContain('<w:pStyle w:val="VigieTableTextDense"/><w:jc w:val="right"/>');
      expect(flows).toContain('<w:trPr><w:cantSplit/></w:trPr>');
      const caption = paras.find((p) => p.style === 'Caption' && p.text.startsWith(labels.table));
      expect(caption?.text).toBe(
        `${labels.table} 1 – ${lang === 'fr' ? 'Flux autorisés' : 'Allowed flows'}`,
      );
      expect(caption?.xml).toContain('<w:keepNext/>');
      expect(xml.indexOf(caption?.xml ?? '?')).toBeLessThan(xml.indexOf(flows));
    });

    it(`${lang}: running header and footer with the marking, the title and page fields`, () => {
      const headers = pkg.names.filter((n) => /^word\/header\d+\.xml$/.test(n)).map(pkg.part);
      const footers = pkg.names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(pkg.part);
      expect(headers).toHaveLength(2); // cover, other pages
      const header = headers
        .map((h) =>
          paragraphs(h)
            .map((p) => p.text)
            .join(''),
        )
        .sort();
      expect(header).toEqual(
        [document.meta.classification, document.meta.classification + document.meta.title].sort(),
      );
      const footer = footers.find((f) => f.includes('NUMPAGES')) ?? '';
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      const text = paragraphs(footer)
        .map((p) => p.text)
        .join('');
      expect(text).toBe(`${document.meta.classification}Page ${lang === 'fr' ? ' sur ' : ' of '}`);
      expect(xml).toContain('<w:titlePg/>');
    });

    it(`${lang}: the figure is an SVG with a PNG fallback, captioned below`, () => {
      const media = pkg.names.filter((n) => n.startsWith('word/media/'));
      expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(1);
      expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(1);
      const png = execFileSync('unzip', [
        '-p',
        pkg.file,
        media.find((n) => n.endsWith('.png')) ?? '',
      ]);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(pkg.part(media.find((n) => n.endsWith('.svg')) ?? '')).toContain('LAN siège');
      expect(xml).toContain('<asvg:svgBlip');
      const figure = paras.findIndex((p) => p.xml.includes('<w:drawing>'));
      expect(paras[figure]?.xml).toContain(
        `descr="${lang === 'fr' ? 'Deux zones reliées par un flux' : 'Two zones linked by a flow'}"`,
      );
      // 320 × 140 px drawn at its size: 320 px = 3,048,000 EMU.
      expect(paras[figure]?.xml).toContain('<wp:extent cx="3048000" cy="1333500"/>');
      expect(paras[figure + 1]?.style).toBe('Caption');
      expect(paras[figure + 1]?.text).toBe(
        `Figure 1 – ${lang === 'fr' ? 'Zones et flux' : 'Zones and flows'}`,
      );
    });

    it(`${lang}: styles carry the language, the fonts and the page is A4`, () => {
      const styles = pkg.part('word/styles.xml');
      expect(styles).toContain(`<w:lang w:val="${lang === 'fr' ? 'fr-FR' : 'en-GB'}"/>`);
      expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans"/);
      for (const id of [
        'Title',
        'Subtitle',
        'Heading1',
        'Heading2',
        'Heading3',
        'Heading4',
        'Caption',
        'VigieTable',
        'VigieCode',
      ]) {
        expect(styles).toContain(`w:styleId="${id}"`);
      }
      expect(styles).toMatch(/w:styleId="VigieCode">[\s\S]*?DejaVu Sans Mono/);
      expect(pkg.part('word/fontTable.xml')).toContain('<w:altName w:val="Arial"/>');
      expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(paras.find((p) => p.style === 'Title')?.text).toBe(document.meta.title);
    });

    it(`${lang}: lists, callouts, quotes, inline formatting and cross-references`, () => {
      const numIds = paras
        .map((p) => /<w:numId w:val="(\d+)"\/>/.exec(p.xml)?.[1])
        .filter((id) => id !== undefined);
      expect(numIds).toHaveLength(5);
      expect(new Set(numIds).size).toBe(2);
      const callout = paras.find((p) => p.text.startsWith(labels.tone.danger));
      expect(callout?.text).toBe(`${labels.tone.danger} — Critical: 3 findings.`);
      expect(callout?.xml).toMatch(/<w:shd [^>]*w:fill="FDECEA"/);
      expect(paras.find((p) => p.style === 'Quote')?.xml).toContain('<w:t xml:space="preserve">');
      expect(xml).toMatch(
        /<w:rStyle w:val="VigieCode"\/><\/w:rPr><w:t xml:space="preserve">erp → db:5432</,
      );
      const refText = `${lang === 'fr' ? 'la matrice des flux' : 'the flow matrix'} (section 2.1)`;
      const anchor = new RegExp(
        `<w:hyperlink w:history="1" w:anchor="(v\\d+_flows)"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">${refText.replace(/[()]/g, '\\$&')}<`,
      ).exec(xml);
      expect(anchor?.[1]).toBeDefined();
      expect(xml).toContain(`<w:bookmarkStart w:name="${anchor?.[1] ?? '?'}"`);
      const rels = pkg.part('word/_rels/document.xml.rels');
      expect(rels).toMatch(
        /Id="rIdR1" Type="[^"]+\/hyperlink" Target="https:\/\/cyber.gouv.fr\/" TargetMode="External"/,
      );
    });
  }

  it('keeps markup in texts inert and every part well-formed', async () => {
    const evil = '<script>alert("x")</script> & <w:p> ]]> \u0001';
    const document: ReportDocument = {
      meta: { ...sampleDocument('en').meta, title: evil, classification: `A&B <c>`, author: evil },
      blocks: [
        { kind: 'toc' },
        {
          kind: 'section',
          id: 'a"b<c>',
          title: evil,
          children: [
            { kind: 'paragraph', content: [evil, bold(evil), code(evil), ref(evil, 'a"b<c>')] },
            { kind: 'list', items: [[evil]] },
            {
              kind: 'table',
              caption: [evil],
              columns: [{ title: evil }],
              rows: [[[evil, link(evil, 'https://example.org/?a="1"&b=<2>')]]],
            },
            { kind: 'callout', tone: 'info', title: evil, content: [evil] },
            { kind: 'quote', content: [evil], source: [evil] },
          ],
        },
      ],
    };
    const pkg = open(await renderDocx(document));
    for (const name of pkg.names.filter((n) => /\.(xml|rels)$/.test(n))) {
      assertWellFormed(pkg.part(name), name);
      expect(pkg.part(name)).not.toContain('<script');
    }
    const xml = pkg.part('word/document.xml');
    expect(xml).toContain(
      '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;w:p&gt; ]]&gt; \uFFFD',
    );
    expect(xml.split('&lt;script&gt;').length - 1).toBeGreaterThanOrEqual(12);
    const rels = pkg.part('word/_rels/document.xml.rels');
    expect(rels).toContain(
      'Target="https://example.org/?a=&quot;1&quot;&amp;b=&lt;2&gt;" TargetMode="External"',
    );
    expect(pkg.part('word/header2.xml') + pkg.part('word/header1.xml')).toContain(
      'A&amp;B &lt;c&gt;',
    );
  });

  it('links only http, https and mailto; links in table cells are declared', async () => {
    const document = documentOf([
      {
        kind: 'paragraph',
        content: [
          link('bad', 'javascript:alert(1)'),
          link('file', 'file:///etc/passwd'),
          link('mail', 'mailto:a@b.fr'),
        ],
      },
      {
        kind: 'table',
        columns: [{ title: 'Link' }],
        rows: [
          [[link('guide', 'https://cyber.gouv.fr/guide')]],
          [[link('again', 'https://cyber.gouv.fr/guide')]],
          [[link('no', 'data:text/html,x')]],
        ],
      },
    ]);
    const pkg = open(await renderDocx(document));
    const rels = pkg.part('word/_rels/document.xml.rels');
    const xml = pkg.part('word/document.xml');
    expect(rels).not.toMatch(/javascript|file:|data:/);
    expect(rels).toContain('Target="mailto:a@b.fr" TargetMode="External"');
    expect(rels.match(/Target="https:\/\/cyber.gouv.fr\/guide"/g)).toHaveLength(1);
    expect(xml.match(/<w:hyperlink r:id="rIdVigieLink1" w:history="1">/g)).toHaveLength(2);
    expect(paragraphs(xml).map((p) => p.text)).toContain('badfilemail');
  });

  it('gives the same bytes for the same document, dated with the document', async () => {
    const document = applyTypography(sampleDocument('fr', 30));
    const first = await renderDocx(document);
    const second = await renderDocx(document);
    expect(second.equals(first)).toBe(true);
    const pkg = open(first);
    expect(pkg.part('docProps/core.xml')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-28T00:00:00Z</dcterms:created>',
    );
    const listing = execFileSync('unzip', ['-l', pkg.file], { encoding: 'utf8' });
    expect(listing.match(/2026-11-28 00:00/g)).toHaveLength(pkg.names.length);
    expect(pkg.names[0]).toBe('[Content_Types].xml');
    const other = await renderDocx({ ...document, meta: { ...document.meta, date: '2027-01-02' } });
    expect(other.equals(first)).toBe(false);
  });

  it('names bookmarks as Word requires and links every reference to one', async () => {
    expect(bookmarkName('appendix-glossary', 4)).toBe('v4_appendix_glossary');
    expect(bookmarkName('x'.repeat(80), 12)).toHaveLength(40);
    const long = 'é'.repeat(60);
    const pkg = open(
      await renderDocx(
        documentOf([
          {
            kind: 'section',
            id: long,
            title: 'Long',
            children: [{ kind: 'paragraph', content: [ref('see', long), ref('gone', 'missing')] }],
          },
        ]),
      ),
    );
    const xml = pkg.part('word/document.xml');
    const names = [...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const name of names.filter((n) => !n.startsWith('_Toc'))) {
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    }
    for (const [, anchor] of xml.matchAll(/w:anchor="([^"]+)"/g)) expect(names).toContain(anchor);
    expect(paragraphs(xml).map((p) => p.text)).toContain('see (section 1)gone');
  });

  it('shares table width by weight, widening columns whose longest word would not fit', () => {
    const options = { total: 9000, size: 7, padding: 150 };
    const plain = columnWidths(
      [{ title: 'a', width: 1 }, { title: 'b', width: 2 }, { title: 'c' }],
      [[['x'], ['y'], ['z']]],
      options,
    );
    expect(plain).toEqual({ widths: [2250, 4500, 2250], fits: true });
    const widened = columnWidths(
      [
        { title: 'Flux', width: 6 },
        { title: 'Authentification', width: 1 },
        { title: 'Port', width: 1 },
      ],
      [[['flux-admin-serveurs'], ['password'], [code('3389/tcp')]]],
      options,
    ).widths;
    expect(widened.reduce((a, b) => a + b, 0)).toBe(9000);
    // "Authentification" in bold 7 pt is about 1,250 twips: more than its 1/8 share (1,125).
    expect(widened[1]).toBeGreaterThan(1350);
    expect(widened[2]).toBe(Math.floor((9000 - (widened[1] ?? 0)) / 7));
    const crowded = columnWidths(
      Array.from({ length: 12 }, () => ({ title: 'Anticonstitutionnellement' })),
      [],
      options,
    );
    expect(crowded.fits).toBe(false);
    expect(crowded.widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(new Set(crowded.widths.slice(0, 11)).size).toBe(1);
  });

  it('puts a table too wide for portrait pages on landscape pages, then turns back', async () => {
    const wide: Block = {
      kind: 'table',
      dense: true,
      caption: ['Wide'],
      columns: Array.from({ length: 9 }, (_, i) => ({ title: `Authentification${String(i)}` })),
      rows: [Array.from({ length: 9 }, () => ['x'])],
    };
    const narrow: Block = { kind: 'table', columns: [{ title: 'A' }], rows: [[['y']]] };
    const pkg = open(
      await renderDocx(
        documentOf([
          { kind: 'section', id: 's', title: 'S', children: [narrow, wide, wide, narrow] },
        ]),
      ),
    );
    const xml = pkg.part('word/document.xml');
    const sections = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map(([x]) => x);
    expect(sections).toHaveLength(3); // portrait, landscape (both wide tables), portrait
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sections[1]).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/>/);
    expect(sections[2]).toContain('w:orient="portrait"');
    const tables = [...xml.matchAll(/<w:tblW w:w="(\d+)"/g)].map((m) => m[1]);
    expect(tables).toEqual(['9638', '9638', '14570', '14570', '9638']);
    // Each section ends with the paragraph carrying its properties, after its last table.
    expect(xml.indexOf(sections[0] ?? '?')).toBeLessThan(
      xml.indexOf('<w:t xml:space="preserve">Wide'),
    );
  });

  it('shows the text alternative of a drawing that cannot be rasterised', async () => {
    const pkg = open(
      await renderDocx(
        documentOf([
          {
            kind: 'figure',
            svg: '<not-svg',
            width: 10,
            height: 10,
            caption: ['Broken'],
            alt: 'Two zones',
          },
        ]),
      ),
    );
    expect(pkg.names.filter((n) => n.startsWith('word/media/'))).toEqual([]);
    const texts = paragraphs(pkg.part('word/document.xml')).map((p) => p.text);
    expect(texts).toContain('[Two zones]');
    expect(texts).toContain('Figure 1 – Broken');
  });

  it('writes zip files that unzip reads back', () => {
    const entries = [
      { name: '[Content_Types].xml', data: Buffer.from('<a/>') },
      { name: 'word/media/x.bin', data: Buffer.from([0, 1, 2, 3]) },
      { name: 'word/big.xml', data: Buffer.from('<r>'.padEnd(100_000, 'x')) },
    ];
    const bytes = writeZip(entries, '2026-03-04');
    expect(readZip(bytes).map((e) => [e.name, e.data.toString('hex')])).toEqual(
      entries.map((e) => [e.name, e.data.toString('hex')]),
    );
    const file = join(directory, 'test.zip');
    writeFileSync(file, bytes);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain(
      'No errors detected',
    );
    expect(bytes.length).toBeLessThan(2000);
  });

  it('renders a 10,000-row table quickly, with every row', async () => {
    const start = performance.now();
    const bytes = await renderDocx(sampleDocument('en', 10_000));
    const seconds = (performance.now() - start) / 1000;
    expect(seconds).toBeLessThan(60);
    const xml = open(bytes).part('word/document.xml');
    expect(xml.split('<w:tr>').length - 1).toBe(2 + 1 + 10_001);
    expect(xml).toContain('flow-10000');
  }, 120_000);

  const soffice = ['soffice', 'libreoffice'].find(
    (cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0,
  );
  it.skipIf(soffice === undefined)(
    'converts with LibreOffice to a PDF that has the sections, tables and page numbers',
    async () => {
      const document = applyTypography(sampleDocument('fr', 80));
      const file = join(directory, 'convert.docx');
      writeFileSync(file, await renderDocx(document));
      const profile = join(directory, `lo-profile-${String(process.pid)}`);
      const run = spawnSync(
        soffice ?? 'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          directory,
          file,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      const pdf = join(directory, 'convert.pdf');
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const s of outline(document).sections) expect(text).toContain(s.title);
      expect(text).toContain('Annexe A – Glossaire');
      expect(text).toContain('Tableau 1 – Flux autorisés');
      expect(text).toContain('flow-080');
      expect(text).toMatch(/Page 3 sur \d/);
      expect(text).toContain('Diffusion restreinte');
    },
    180_000,
  );
});
