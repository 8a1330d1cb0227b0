import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { code, link, type Block, type ReportDocument } from '../model.js';
import { outline } from '../outline.js';
import { sampleDocument } from '../sample.js';
import { applyTypography } from '../typography.js';
import { renderPdf } from './pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'vigie-pdf-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;

interface Rendered {
  readonly bytes: Buffer;
  readonly pages: number;
  readonly file: string;
  /** Text of each page (index 0: page 1), whitespace (incl. U+00A0, U+202F) collapsed. */
  readonly pageTexts: readonly string[];
  readonly layoutTexts: readonly string[];
}

const squash = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function render(document: ReportDocument): Promise<Rendered> {
  const { bytes, pages } = await renderPdf(document);
  counter += 1;
  const file = join(dir, `doc-${String(counter)}.pdf`);
  writeFileSync(file, bytes);
  const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const split = (text: string): string[] => text.split('\f').slice(0, pages);
  return {
    bytes,
    pages,
    file,
    pageTexts: split(raw).map(squash),
    layoutTexts: split(layout),
  };
}

function pdfinfoPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each TOC entry's printed page number (first "number title … page" line of the document) must
 * be the first page where the heading line ("number title", without a page number) appears.
 */
function checkToc(document: ReportDocument, rendered: Rendered, appendixWord: string): number {
  const pages = rendered.layoutTexts.map((t) => t.replace(/[\u00a0\u202f]/g, ' '));
  const all = pages.join('\n');
  let checked = 0;
  for (const entry of outline(document).sections.filter((s) => s.level <= 3)) {
    const number =
      entry.appendix && entry.level === 1
        ? `${appendixWord}\\s+${entry.number}`
        : escapeRegExp(entry.number);
    const title = escapeRegExp(squash(entry.title)).replace(/ /g, '\\s+');
    const tocLine = new RegExp(`^\\s*${number}\\s+${title}[ \\t]+(\\d+)[ \\t]*$`, 'm');
    const match = tocLine.exec(all);
    expect(match, `TOC entry for ${entry.title}`).not.toBeNull();
    const page = Number(match?.[1]);
    const headingLine = new RegExp(`^\\s*${number}\\s+${title}\\s*$`, 'm');
    expect(pages[page - 1], `heading ${entry.title} on page ${String(page)}`).toMatch(headingLine);
    for (let p = 1; p < page; p++) expect(pages[p - 1]).not.toMatch(headingLine);
    checked += 1;
  }
  return checked;
}

interface WordBox {
  readonly page: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly text: string;
}

function wordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const boxes: WordBox[] = [];
  let page = 0;
  const pattern =
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(pattern)) {
    if (m[0].startsWith('<page')) page += 1;
    else {
      boxes.push({
        page,
        x1: Number(m[1]),
        y1: Number(m[2]),
        x2: Number(m[3]),
        y2: Number(m[4]),
        text: m[5] ?? '',
      });
    }
  }
  return boxes;
}

/** No text outside the page's content box, header and footer bands. */
function checkBounds(file: string): void {
  const boxes = wordBoxes(file);
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    const where = `page ${String(box.page)} word "${box.text}" at ${String(box.y1)}–${String(box.y2)}`;
    expect(box.x1, where).toBeGreaterThanOrEqual(56);
    expect(box.x2, where).toBeLessThanOrEqual(539.5);
    const inHeader = box.y2 <= 46;
    const inFooter = box.y1 >= 796 && box.y2 <= 815;
    const inBody = box.y1 >= 60 && box.y2 <= 784;
    expect(inHeader || inFooter || inBody, where).toBe(true);
  }
}

/** On every page showing rows (words matching `row`), the header words sit above all rows. */
function checkHeaderRepeated(file: string, header: readonly string[], row: RegExp): number {
  const boxes = wordBoxes(file);
  const pages = [...new Set(boxes.filter((b) => row.test(b.text)).map((b) => b.page))];
  for (const page of pages) {
    const onPage = boxes.filter((b) => b.page === page);
    const firstRow = Math.min(...onPage.filter((b) => row.test(b.text)).map((b) => b.y1));
    for (const word of header) {
      const box = onPage.find((b) => b.text === word && b.y1 > 50);
      expect(box, `header "${word}" on page ${String(page)}`).toBeDefined();
      expect(box?.y2 ?? Infinity).toBeLessThanOrEqual(firstRow + 0.5);
    }
  }
  return pages.length;
}

function section(id: string, title: string, children: readonly Block[]): Block {
  return { kind: 'section', id, title, children };
}

function docWith(blocks: readonly Block[], lang: 'en' | 'fr' = 'en'): ReportDocument {
  const base = sampleDocument(lang, 1);
  return { meta: base.meta, blocks };
}

describe('renderPdf on the sample document (French, 80 rows)', async () => {
  const document = applyTypography(sampleDocument('fr', 80));
  const rendered = await render(document);
  const all = rendered.pageTexts.join('\n');

  it('returns the page count pdfinfo reads', () => {
    expect(rendered.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(rendered.pages).toBeGreaterThanOrEqual(6);
    expect(pdfinfoPages(rendered.file)).toBe(rendered.pages);
  });

  it('has a cover with the marking, title, version, long date and author', () => {
    const cover = rendered.pageTexts[0] ?? '';
    for (const text of [
      'Diffusion restreinte',
      'Forges de l’Est',
      'Dossier d’architecture technique : test',
      'Document d’essai des rendus',
      '1.2',
      '28 novembre 2026',
      'Généré par Vigie',
    ]) {
      expect(cover).toContain(text);
    }
    expect(cover).not.toMatch(/Page 1 sur/);
  });

  it('puts the history on page 2 and headers and footers on every page but the cover', () => {
    expect(rendered.pageTexts[1]).toContain('Historique du document');
    expect(rendered.pageTexts[1]).toContain('1er octobre 2026');
    expect(rendered.pageTexts[1]).toContain('Mise à jour : flux');
    for (let page = 2; page <= rendered.pages; page++) {
      const text = rendered.pageTexts[page - 1] ?? '';
      expect(text).toContain(`Page ${String(page)} sur ${String(rendered.pages)}`);
      expect(text.startsWith('Diffusion restreinte')).toBe(true);
      expect(text).toContain('Forges de l’Est');
    }
  });

  it('prints the right page number for every TOC entry', () => {
    expect(checkToc(document, rendered, 'Annexe')).toBe(4);
  });

  it('starts top-level sections on a new page, with their numbers', () => {
    const first = rendered.pageTexts.findIndex((t) => t.includes('1 Objet et périmètre'));
    const tocPage = rendered.pageTexts.findIndex((t) => t.includes('Sommaire'));
    expect(first).toBeGreaterThan(tocPage);
    expect(rendered.pageTexts[first]?.indexOf('1 Objet et périmètre')).toBeLessThan(90);
    expect(all).toContain('Annexe A Glossaire');
  });

  it('prints inline formatting, links and references with their numbers', () => {
    expect(all).toContain(
      'Ce document décrit l’architecture, ses besoins et le flux erp → db:5432',
    );
    expect(all).toContain('la matrice des flux (section 2.1)');
    const raw = rendered.bytes.toString('latin1');
    expect(raw).toContain('/URI (https://cyber.gouv.fr/)');
    expect(raw).toMatch(/\/S \/GoTo\s*\/D \(vigie-flows\)/);
    expect(raw).toContain('/Dests');
    // Bookmarks: front matter and every section, nested under their parent.
    for (const title of [
      'Historique du document',
      'Sommaire',
      '2.1 Matrice des flux',
      'Annexe A Glossaire',
    ]) {
      expect(raw).toContain(`/Title (${title})`);
    }
  });

  it('prints lists, callouts with their tone label and quotes with their source', () => {
    expect(all).toContain('• Premier point');
    expect(all).toContain('3. three');
    expect(all).toContain('À compléter – À compléter');
    expect(all).toContain('Critique Critical: 3 findings.');
    expect(all).toContain('Satisfait OK.');
    expect(all).toContain('Cloisonner le système d’information.');
    expect(all).toContain('— ANSSI, Guide d’hygiène, mesure 19');
  });

  it('prints every table row once and repeats the header row on each page of the table', () => {
    expect(all).toContain('Tableau 1 – Flux autorisés');
    for (let i = 1; i <= 80; i++) {
      const id = `flow-${String(i).padStart(3, '0')}`;
      expect(all.split(id).length - 1, id).toBe(1);
    }
    const header = ['Id', 'Source', 'Destination', 'Port', 'Chiffré', 'Données', 'portées'];
    expect(checkHeaderRepeated(rendered.file, header, /^flow-\d{3}$/)).toBeGreaterThanOrEqual(2);
    expect(all).toContain('données clients, commandes, factures');
  });

  it('draws the figure as text-bearing vectors with its caption below', () => {
    const page = rendered.pageTexts.findIndex((t) => t.includes('Figure 1 – Zones et flux'));
    expect(page).toBeGreaterThan(0);
    expect(rendered.pageTexts[page]).toContain('DMZ');
    expect(rendered.pageTexts[page]).toContain('LAN siège');
    const boxes = wordBoxes(rendered.file).filter((b) => b.page === page + 1);
    const dmz = boxes.find((b) => b.text === 'DMZ');
    const caption = boxes.find((b) => b.text === 'Figure');
    expect(dmz !== undefined && caption !== undefined && dmz.y2 < caption.y1).toBe(true);
  });

  it('keeps every word inside the content box, header or footer', () => {
    checkBounds(rendered.file);
  });

  it('embeds DejaVu subsets only (no standard font)', () => {
    const fonts = execFileSync('pdffonts', [rendered.file], { encoding: 'utf8' });
    const rows = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(row).toMatch(/yes\s+yes\s+yes/);
    }
    expect(fonts).not.toMatch(/Helvetica/);
  });

  it('keeps the typographic spaces (mapped to U+202F / U+00A0, not dropped)', () => {
    expect(all).toContain('Chiffré');
    expect(all).toContain('db:5432 ; voir');
    const cmaps = execFileSync('pdftotext', ['-raw', rendered.file, '-'], { encoding: 'utf8' });
    expect(cmaps).toContain('données');
  });

  it('sets the document information from the metadata', () => {
    const info = execFileSync('pdfinfo', [rendered.file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Dossier d’architecture technique/);
    expect(info).toMatch(/Author:\s+Vigie/);
    expect(info).toMatch(/CreationDate:\s+Sat Nov 28 00:00:00 2026 UTC/);
  });
});

describe('renderPdf', () => {
  it('is deterministic: two renders are byte-identical', async () => {
    const document = applyTypography(sampleDocument('en', 30));
    const a = await renderPdf(document);
    const b = await renderPdf(document);
    expect(a.bytes.length).toBeGreaterThan(10_000);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const id = /\/ID \[<([0-9a-f]+)>/.exec(a.bytes.toString('latin1'))?.[1];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('uses English labels in English', async () => {
    const document = sampleDocument('en', 10);
    const rendered = await render(document);
    const all = rendered.pageTexts.join('\n');
    expect(all).toContain('Table 1 – Allowed flows');
    expect(all).toContain('Figure 1 – Zones and flows');
    expect(all).toContain('Document history');
    expect(all).toContain(`Page 2 of ${String(rendered.pages)}`);
    expect(all).toContain('Appendix A Glossary');
    expect(checkToc(document, rendered, 'Appendix')).toBe(4);
  });

  it('prints markup literally and drops unsafe link schemes', async () => {
    const rendered = await render(
      docWith([
        section('s', 'Markup <b>inert</b>', [
          { kind: 'paragraph', content: ['<script>alert("x")</script> & <img src=x>'] },
          { kind: 'paragraph', content: [link('click me', 'javascript:alert(1)')] },
        ]),
      ]),
    );
    const all = rendered.pageTexts.join('\n');
    expect(all).toContain('<script>alert("x")</script> & <img src=x>');
    expect(all).toContain('Markup <b>inert</b>');
    expect(all).toContain('click me');
    expect(rendered.bytes.toString('latin1')).not.toContain('javascript');
  });

  it('draws an SVG without following its links or external images, and survives a broken one', async () => {
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100">' +
      '<a href="javascript:alert(1)"><rect width="100" height="50" fill="#c00"/><text x="10" y="80" font-family="DejaVu Sans" font-size="12">Evil</text></a>' +
      '<image href="/etc/hostname" x="0" y="0" width="10" height="10"/>' +
      '<a xlink:href="https://example.org/"/></svg>';
    const rendered = await render(
      docWith([
        section('s', 'Figures', [
          { kind: 'figure', svg: hostile, width: 200, height: 100, caption: ['Hostile'], alt: 'x' },
          {
            kind: 'figure',
            svg: '<svg><unclosed',
            width: 0,
            height: Number.NaN,
            caption: ['Broken'],
            alt: 'y',
          },
        ]),
      ]),
    );
    const all = rendered.pageTexts.join('\n');
    expect(all).toContain('Evil');
    expect(all).toContain('Figure 1 – Hostile');
    expect(all).toContain('Figure 2 – Broken');
    const raw = rendered.bytes.toString('latin1');
    expect(raw).not.toContain('javascript');
    expect(raw).not.toContain('example.org');
    expect(raw).not.toMatch(/\/Subtype \/Image/);
  });

  it('fits very long metadata on the cover and in the running header and footer', async () => {
    const base = sampleDocument('en', 1);
    const long = (word: string, n: number): string =>
      Array.from({ length: n }, () => word).join(' ');
    const document: ReportDocument = {
      meta: {
        ...base.meta,
        title: long('Architecture', 40),
        subtitle: long('subtitle', 40),
        organisation: long('Organisation', 20),
        classification: long('Restricted', 20),
      },
      blocks: [section('s', 'Only', [{ kind: 'paragraph', content: ['Body.'] }])],
    };
    const rendered = await render(document);
    checkBounds(rendered.file);
    const header = wordBoxes(rendered.file).filter((b) => b.page === 2 && b.y2 <= 46);
    expect(header.some((b) => b.text.endsWith('…'))).toBe(true);
    expect(rendered.pageTexts[2]).toContain('Page 3 of 3');
  });

  it('cuts a 3,000-character word in a narrow cell without losing characters', async () => {
    const word = 'Z'.repeat(3000);
    const started = performance.now();
    const rendered = await render(
      docWith([
        section('s', 'Long cell', [
          {
            kind: 'table',
            dense: true,
            columns: [
              { title: 'Id', width: 1 },
              { title: 'Value', width: 8 },
            ],
            rows: [
              [[code(word)], ['after']],
              [['x'], [word]],
            ],
          },
        ]),
      ]),
    );
    expect(performance.now() - started).toBeLessThan(20_000);
    const all = rendered.pageTexts.join('');
    expect(all.split('Z').length - 1).toBe(6000);
    expect(all).toContain('after');
    checkBounds(rendered.file);
  });

  it('splits a row taller than a page across pages, header repeated', async () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${String(i)}`).join(' ');
    const rendered = await render(
      docWith([
        section('s', 'Tall row', [
          {
            kind: 'table',
            caption: ['Tall'],
            columns: [{ title: 'Name' }, { title: 'Text', width: 2 }],
            rows: [[['first']], [['tall'], [words]], [['last'], ['end']]],
          },
        ]),
      ]),
    );
    const body = rendered.pageTexts.slice(2);
    expect(
      checkHeaderRepeated(rendered.file, ['Name', 'Text'], /^word\d+$/),
    ).toBeGreaterThanOrEqual(2);
    const all = body.join(' ');
    for (const i of [0, 1, 450, 899]) expect(all).toContain(`word${String(i)} `);
    expect(rendered.pageTexts[rendered.pages - 1]).toMatch(/\blast\b.*\bend\b|\bend\b.*\blast\b/);
    checkBounds(rendered.file);
  });

  it('renders an empty table and a document without a table of contents', async () => {
    const rendered = await render(
      docWith([
        section('s', 'Empty', [
          {
            kind: 'table',
            id: 't',
            caption: ['Nothing here'],
            columns: [{ title: 'Col A' }],
            rows: [],
          },
          { kind: 'table', columns: [], rows: [] },
          { kind: 'paragraph', content: [{ kind: 'ref', text: 'see', target: 't' }] },
        ]),
      ]),
    );
    const all = rendered.pageTexts.join('\n');
    expect(all).toContain('Table 1 – Nothing here');
    expect(all).toContain('Col A');
    expect(all).toContain('see (Table 1)');
    expect(all).not.toContain('Contents');
    expect(rendered.pages).toBe(3);
    expect(pdfinfoPages(rendered.file)).toBe(3);
  });

  it('keeps a heading with the text that follows it', async () => {
    for (let n = 29; n <= 37; n += 1) {
      const filler = Array.from({ length: n }, (_, i): Block => ({
        kind: 'paragraph',
        content: [`Filler paragraph ${String(i)}.`],
      }));
      const rendered = await render(
        docWith([
          section('a', 'Top', [
            ...filler,
            section('b', 'Kept heading', [
              { kind: 'paragraph', content: ['Follows the heading.'] },
            ]),
          ]),
        ]),
      );
      const page = rendered.pageTexts.find((t) => t.includes('Kept heading'));
      expect(page, `n=${String(n)}`).toContain('Follows the heading.');
    }
  });

  it('numbers a long table of contents correctly over several pages', async () => {
    const blocks: Block[] = [{ kind: 'toc' }];
    for (let s = 1; s <= 24; s++) {
      const children: Block[] = [];
      for (let c = 1; c <= 3; c++) {
        const text = Array.from({ length: 20 * c }, () => 'lorem ipsum dolor').join(' ');
        children.push(
          section(`s${String(s)}-${String(c)}`, `Part ${String(s)} item ${String(c)}`, [
            { kind: 'paragraph', content: [text] },
          ]),
        );
      }
      blocks.push(section(`s${String(s)}`, `Chapter number ${String(s)}`, children));
    }
    const document = docWith(blocks);
    const rendered = await render(document);
    const tocPages = rendered.pageTexts.filter((t) => t.includes('Chapter number 1 '));
    expect(tocPages.length).toBeGreaterThanOrEqual(1);
    expect(checkToc(document, rendered, 'Appendix')).toBe(96);
  });

  it('renders a long table in linear time with bounded pages', async () => {
    const started = performance.now();
    const { pages } = await renderPdf(sampleDocument('en', 4000));
    const elapsed = performance.now() - started;
    expect(pages).toBeGreaterThan(60);
    expect(pages).toBeLessThan(200);
    expect(elapsed).toBeLessThan(25_000);
  }, 60_000);
});
