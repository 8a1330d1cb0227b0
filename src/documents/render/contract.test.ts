/**
 * The contract every renderer honours, run for each format (Markdown, HTML, PDF, DOCX) through
 * `renderDocument`, the one entry point: every kind of block shows in the output, and hostile text
 * stays text. A new block kind fails here until it has a sample and every format renders it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_KINDS, code, link, type Block, type ReportDocument } from '../model.js';
import { sampleDocument } from '../sample.js';
import { DOCUMENT_FORMATS, renderDocument, type DocumentFormat } from './index.js';

/** What a test reads of a rendered document. */
interface Output {
  readonly format: DocumentFormat;
  /** The file as text (Markdown, HTML; DOCX: word/document.xml; PDF: the raw bytes as latin1). */
  readonly source: string;
  /** What a reader sees, entities decoded and whitespace collapsed; PDF: each page's text. */
  readonly pages: readonly string[];
  /** Every part of a DOCX package, by name. */
  readonly parts: ReadonlyMap<string, string>;
}

const text = (output: Output): string => output.pages.join(' ');
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
const squash = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

let directory = '';
let files = 0;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'vigie-contract-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function save(bytes: Buffer, extension: string): string {
  const file = join(directory, `doc-${String(++files)}.${extension}`);
  writeFileSync(file, bytes);
  return file;
}

/** Each format's bytes, read with tools independent of the renderers (pdftotext, unzip). */
const READERS: Record<DocumentFormat, (bytes: Buffer) => Output> = {
  md: (bytes) => {
    const source = bytes.toString('utf8');
    // Markdown shows a backslash-escaped character as itself
    return {
      format: 'md',
      source,
      pages: [squash(source.replace(/\\(.)/g, '$1'))],
      parts: new Map(),
    };
  },
  html: (bytes) => {
    const source = bytes.toString('utf8');
    const body = source.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ');
    return { format: 'html', source, pages: [squash(decodeXml(body))], parts: new Map() };
  },
  pdf: (bytes) => {
    const file = save(bytes, 'pdf');
    const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return {
      format: 'pdf',
      source: bytes.toString('latin1'),
      pages: raw.split('\f').map(squash),
      parts: new Map(),
    };
  },
  docx: (bytes) => {
    const file = save(bytes, 'docx');
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    const parts = new Map(
      names.map((name) => [
        name,
        execFileSync('unzip', ['-p', file, name.replace(/\[/g, '[[]')], {
          encoding: 'latin1',
          maxBuffer: 1 << 28,
        }),
      ]),
    );
    const xml = Buffer.from(parts.get('word/document.xml') ?? '', 'latin1').toString('utf8');
    const runs = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)].map((m) =>
      m[1] === undefined ? ' ' : decodeXml(m[1]),
    );
    return { format: 'docx', source: xml, pages: [squash(runs.join(''))], parts };
  },
};

async function render(document: ReportDocument, format: DocumentFormat): Promise<Output> {
  return READERS[format]((await renderDocument(document, format)).bytes);
}

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60"><rect x="5" y="5" width="190" height="50" fill="#e8f0fe" stroke="#1a56db"/><text x="100" y="35" font-family="DejaVu Sans" font-size="12" text-anchor="middle">Marksvgtext</text></svg>';

/** One sample per kind of block, and how to see it in an output. */
interface KindSample {
  readonly blocks: readonly Block[];
  /** True when the output shows the block; a string says why a format has nothing to show. */
  shows(output: Output): boolean | string;
}

/** The position of the first page (or text) holding a marker, -1 when none. */
const pageOf = (output: Output, marker: string): number =>
  output.pages.findIndex((page) => page.includes(marker));

const SAMPLES: Record<Block['kind'], KindSample> = {
  toc: {
    blocks: [{ kind: 'toc' }],
    // the section's title: in the table of contents, then as the heading
    shows: (output) => count(text(output), 'Marksection') >= 2,
  },
  section: {
    blocks: [{ kind: 'section', id: 'sec-mark', title: 'Marksection', children: [] }],
    shows: (output) => text(output).includes('Marksection'),
  },
  paragraph: {
    blocks: [{ kind: 'paragraph', content: ['Markparagraph ', code('Markcode')] }],
    shows: (output) => ['Markparagraph', 'Markcode'].every((m) => text(output).includes(m)),
  },
  list: {
    blocks: [
      { kind: 'list', items: [['Marklistone'], ['Marklisttwo']] },
      { kind: 'list', ordered: true, items: [['Markordered']] },
    ],
    shows: (output) =>
      ['Marklistone', 'Marklisttwo', 'Markordered'].every((m) => text(output).includes(m)),
  },
  table: {
    blocks: [
      {
        kind: 'table',
        id: 'table-mark',
        caption: ['Marktablecaption'],
        columns: [{ title: 'Markcolumn' }, { title: 'Other', align: 'right' }],
        rows: [[['Markcell'], ['42']]],
      },
    ],
    shows: (output) =>
      ['Marktablecaption', 'Markcolumn', 'Markcell'].every((m) => text(output).includes(m)),
  },
  figure: {
    blocks: [
      {
        kind: 'figure',
        id: 'figure-mark',
        svg: SVG,
        width: 200,
        height: 60,
        caption: ['Markfigurecaption'],
        alt: 'Markfigurealt',
      },
    ],
    shows: (output) => {
      if (!text(output).includes('Markfigurecaption')) return false;
      switch (output.format) {
        case 'md':
        case 'html': {
          // an SVG image in a data URI
          const data = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(output.source)?.[1];
          return Buffer.from(data ?? '', 'base64')
            .toString('utf8')
            .includes('Marksvgtext');
        }
        case 'pdf':
          return text(output).includes('Marksvgtext');
        case 'docx':
          return (
            output.source.includes('<w:drawing') &&
            [...output.parts.keys()].some((name) => name.startsWith('word/media/'))
          );
      }
    },
  },
  callout: {
    blocks: [
      { kind: 'callout', tone: 'warning', title: 'Markcallouttitle', content: ['Markcallout'] },
    ],
    shows: (output) => ['Markcallouttitle', 'Markcallout'].every((m) => text(output).includes(m)),
  },
  quote: {
    blocks: [{ kind: 'quote', content: ['Markquote'], source: ['Markquotesource'] }],
    shows: (output) => ['Markquote', 'Markquotesource'].every((m) => text(output).includes(m)),
  },
  pagebreak: {
    blocks: [
      { kind: 'paragraph', content: ['Markbeforebreak'] },
      { kind: 'pagebreak' },
      { kind: 'paragraph', content: ['Markafterbreak'] },
    ],
    shows: (output) => {
      const before = output.source.indexOf('Markbeforebreak');
      const after = output.source.indexOf('Markafterbreak');
      const between = output.source.slice(before, after);
      switch (output.format) {
        case 'md':
          return 'Markdown has no pages';
        case 'html':
          return before !== -1 && /break-after:\s*page/.test(between);
        case 'docx':
          return before !== -1 && /w:type="page"|<w:pageBreakBefore/.test(between);
        case 'pdf': {
          const first = pageOf(output, 'Markbeforebreak');
          return first !== -1 && pageOf(output, 'Markafterbreak') > first;
        }
      }
    },
  },
};

/** A document with one sample of every kind of block, in the order of `BLOCK_KINDS`. */
function everyKind(): ReportDocument {
  const blocks = BLOCK_KINDS.flatMap((kind) => {
    const sample = (SAMPLES as Partial<Record<string, KindSample>>)[kind];
    if (sample === undefined) throw new Error(`no sample for the block kind ${kind}`);
    return sample.blocks;
  });
  return { meta: { ...sampleDocument('en').meta, history: [] }, blocks };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '](javascript:x)',
  '${}',
  '**not bold** _not italic_ `tick`',
  '<img src=x onerror=alert(1)>',
  '| a | b |',
  '# not a heading',
  '<w:p>]]> & "quotes" \'single\'',
  '&amp; &#60;',
] as const;
/** Controls a model text could carry: bell, escape, and a right-to-left override. */
const CONTROLS = 'ab\u0007c\u001bd\u202eright-to-left\u202c';

/** Hostile text in every place a text goes, and a link to a script. */
function hostile(lang: 'en' | 'fr'): ReportDocument {
  const evil = [...HOSTILE, CONTROLS].join(' ');
  return {
    meta: { ...sampleDocument(lang).meta, title: evil, author: evil, organisation: evil },
    blocks: [
      { kind: 'toc' },
      {
        kind: 'section',
        id: 'evil"<x>',
        title: evil,
        children: [
          ...HOSTILE.map((line): Block => ({ kind: 'paragraph', content: [line] })),
          { kind: 'paragraph', content: [CONTROLS, ' ', code(CONTROLS)] },
          { kind: 'paragraph', content: [link(evil, 'javascript:alert(1)')] },
          { kind: 'list', items: [[evil], [code(evil)]] },
          {
            kind: 'table',
            caption: [evil],
            columns: [{ title: evil }],
            rows: HOSTILE.map((line) => [[line]]),
          },
          { kind: 'figure', svg: SVG, width: 200, height: 60, caption: [evil], alt: evil },
          { kind: 'callout', tone: 'danger', title: evil, content: [evil] },
          { kind: 'quote', content: [evil], source: [evil] },
        ],
      },
    ],
  };
}

describe.each(DOCUMENT_FORMATS)('the %s renderer', (format) => {
  let output: Output;
  beforeAll(async () => {
    output = await render(everyKind(), format);
  });

  it.each(BLOCK_KINDS)('shows a %s block', (kind) => {
    const shows = SAMPLES[kind].shows(output);
    if (typeof shows === 'string') expect(shows, `${format} exempt from ${kind}`).not.toBe('');
    else expect(shows, `${kind} in ${format}`).toBe(true);
  });

  it('keeps hostile text as text, in English and in French', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const out = await render(hostile(lang), format);
      const seen = text(out);
      // shown as written: nothing was interpreted as markup
      for (const line of HOSTILE) expect(seen, `${format}/${lang}: ${line}`).toContain(line);
      // controls are visible as U+FFFD, never written: no reordering, nothing a format rejects
      expect(seen).toContain('ab\uFFFDc\uFFFDd\uFFFDright-to-left\uFFFD');
      // eslint-disable-next-line no-control-regex -- control characters are what is looked for
      const hidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/;
      const readable = format === 'pdf' ? seen : out.source;
      expect(hidden.test(readable), `${format}/${lang}: a control character`).toBe(false);
      switch (format) {
        case 'md': {
          // inside a code span, markup is shown as it is: look outside them
          const prose = out.source.replace(/(?<![`\\])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
          expect(prose).not.toMatch(/(?<!\\)<(script|img|w:p)/i);
          expect(prose).not.toMatch(/(?<!\\)\]\(\s*javascript|href="javascript/i);
          expect(prose).not.toMatch(/^#+ not a heading/m);
          expect(prose).not.toMatch(/(?<!\\)\*\*not bold/);
          break;
        }
        case 'html':
          expect(out.source).not.toMatch(/<(script|w:p)\b|<img src=x/i);
          expect(out.source).not.toMatch(/(href|src)\s*=\s*"?\s*javascript:/i);
          // no event handler attribute on any element (quoted attribute values are text)
          for (const [tag] of out.source.matchAll(/<[a-z][^>]*>/gi))
            expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i);
          break;
        case 'docx':
          for (const [name, part] of out.parts) {
            if (!/\.(xml|rels)$/.test(name)) continue;
            expect(part, name).not.toMatch(/<(script|img|w:p>\]\])/i);
            expect(part, name).not.toMatch(/Target="\s*javascript:/i);
          }
          break;
        case 'pdf':
          expect(out.source).not.toMatch(/\/(JavaScript|JS)\b/);
          expect(out.source).not.toMatch(/\/URI\s*\(\s*javascript/i);
          break;
      }
    }
  });
});
