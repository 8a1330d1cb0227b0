import { describe, expect, it } from 'vitest';
import {
  bold,
  code,
  italic,
  link,
  ref,
  type Block,
  type ReportDocument,
  type TextRun,
} from '../model.js';
import { outline } from '../outline.js';
import { sampleDocument } from '../sample.js';
import { applyTypography } from '../typography.js';
import { anchorId, columnPercents, renderMarkdown, safeHref } from './markdown.js';

function documentOf(blocks: Block[]): ReportDocument {
  return { meta: sampleDocument('en').meta, blocks };
}

const body = (blocks: Block[]): string => {
  const md = renderMarkdown(documentOf(blocks));
  return md.slice(md.indexOf('## Document history'));
};

describe('renderMarkdown', () => {
  for (const lang of ['en', 'fr'] as const) {
    const document = applyTypography(sampleDocument(lang));
    const md = renderMarkdown(document);
    const numbering = outline(document);

    it(`${lang}: numbered headings with anchors, and contents linking to them`, () => {
      const anchors = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
      for (const s of numbering.sections) {
        const hashes = '#'.repeat(s.level + 1);
        const prefix =
          s.appendix && s.level === 1
            ? `${lang === 'fr' ? 'Annexe' : 'Appendix'} ${s.number} –`
            : s.number;
        expect(md).toContain(`\n${hashes} <a id="${s.id}"></a>${prefix} ${s.title}\n`);
        expect(md).toContain(`- [${prefix} ${s.title}](#${s.id})`);
      }
      const links = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(4);
      for (const target of links) expect(anchors).toContain(target);
      expect(md).toContain(
        lang === 'fr' ? '  - [2.1 Matrice des flux](#flows)' : '  - [2.1 Flow matrix](#flows)',
      );
    });

    it(`${lang}: cover, history, captions, figure, callouts, quote`, () => {
      const fr = lang === 'fr';
      expect(
        md.startsWith(
          `**Classification${fr ? '\u00A0:' : ':'} ${document.meta.classification}**\n\n# `,
        ),
      ).toBe(true);
      expect(md).toContain(`| ${fr ? 'Organisme' : 'Organisation'} | Forges de l’Est |`);
      expect(md).toContain(`| ${fr ? 'Auteur' : 'Author'} | Vigie |`);
      expect(md).toContain(
        fr
          ? '| 1.0 | 1er octobre 2026 | A. Martin | Création |'
          : '| 1.0 | 1 October 2026 | A. Martin | First issue |',
      );
      expect(md).toContain(
        `<a id="tab-flows"></a>**${fr ? 'Tableau' : 'Table'} 1** – ${fr ? 'Flux autorisés' : 'Allowed flows'}`,
      );
      expect(md).toContain(`**Figure 1** – ${fr ? 'Zones et flux' : 'Zones and flows'}`);
      expect(md).toContain('| :--- | :--- | :--- | ---: | :---: | :--- |');
      expect((md.match(/^\| `flow-\d+` \|/gm) ?? []).length).toBe(60);
      const figure =
        /<a id="fig-zones"><\/a>!\[([^\]]*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(
          md,
        );
      expect(figure?.[1]).toBe(
        fr ? 'Deux zones reliées par un flux' : 'Two zones linked by a flow',
      );
      expect(Buffer.from(figure?.[2] ?? '', 'base64').toString('utf8')).toContain(
        fr ? 'LAN siège' : 'DMZ',
      );
      expect(md).toContain(
        fr ? '> **À compléter** — Le modèle' : '> **To be completed** — The model',
      );
      expect(md).toContain(
        fr ? '> **Critique** — Critical: 3 findings.' : '> **Critical** — Critical: 3 findings.',
      );
      expect(md).toMatch(/> — ANSSI, \*(Guide d’hygiène|Hygiene guide)\*, mesure 19/);
      expect(md).toContain(
        fr
          ? '[la matrice des flux (section 2.1)](#flows)'
          : '[the flow matrix (section 2.1)](#flows)',
      );
      expect(md).toContain('[ANSSI](https://cyber.gouv.fr/)');
      expect(md).toContain('`erp → db:5432`');
      expect(md).toContain(fr ? '**l’architecture**' : '**the architecture**');
    });
  }

  it('keeps French typographic spaces', () => {
    const md = renderMarkdown(applyTypography(sampleDocument('fr')));
    expect(md).toContain('# Dossier d’architecture technique\u00A0: test');
    expect(md).toContain('`\u202F; voir');
  });

  it('escapes pipes and line breaks in table cells', () => {
    const md = body([
      {
        kind: 'table',
        id: 't',
        caption: ['Pipes | here'],
        columns: [{ title: 'A|B' }, { title: 'Code' }],
        rows: [[['left | right\nsecond line'], [code('x | y')]]],
      },
    ]);
    expect(md).toContain('<a id="t"></a>**Table 1** – Pipes \\| here');
    expect(md).toContain('| A\\|B | Code |');
    expect(md).toContain('| left \\| right<br>second line | `x \\| y` |');
    const rows = md
      .slice(md.indexOf('<a id="t">'))
      .split('\n')
      .filter((line) => line.startsWith('| '));
    expect(rows).toHaveLength(3);
    // Every row has exactly two unescaped separators inside.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(4);
  });

  it('escapes text so that it cannot create markup', () => {
    const md = body([
      {
        kind: 'paragraph',
        content: [
          '*not bold* _not italic_ <script>alert(1)</script> [x](http://y) `tick` a#b &amp; ~s~ $m$',
        ],
      },
      { kind: 'paragraph', content: ['# not a heading'] },
      { kind: 'paragraph', content: ['- not a list'] },
      { kind: 'paragraph', content: ['12. not a list either'] },
      { kind: 'paragraph', content: ['    not code'] },
      { kind: 'list', items: [['+ nested?']] },
    ]);
    expect(md).toContain(
      '\\*not bold\\* \\_not italic\\_ \\<script\\>alert(1)\\</script\\> \\[x\\](http://y) \\`tick\\` a\\#b \\&amp; \\~s\\~ \\$m\\$',
    );
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).toContain('\n\\# not a heading\n');
    expect(md).toContain('\n\\- not a list\n');
    expect(md).toContain('\n12\\. not a list either\n');
    expect(md).toContain('\nnot code\n');
    expect(md).toContain('\n- \\+ nested?\n');
  });

  it('writes emphasis and code that Markdown recognises', () => {
    const boldCode: TextRun = { ...code('bc'), bold: true };
    const md = body([
      {
        kind: 'paragraph',
        content: [
          'a',
          bold('word'),
          ' ',
          bold(' spaced '),
          ' ',
          bold('(punct)'),
          ' ',
          italic('it'),
          ' ',
          { ...bold('both'), italic: true },
          ' ',
          code('a`b'),
          ' ',
          code('`x`'),
          ' ',
          boldCode,
        ],
      },
    ]);
    expect(md).toContain(
      'a**word**  **spaced**  <strong>(punct)</strong> *it* ***both*** ``a`b`` `` `x` `` <strong>`bc`</strong>',
    );
  });

  it('links only http, https and mailto, and refs only to known ids', () => {
    const md = body([
      { kind: 'section', id: 's', title: 'S', children: [] },
      {
        kind: 'paragraph',
        content: [
          link('js', 'javascript:alert(1)'),
          ' ',
          link('js2', ' JaVaScRiPt:alert(1)'),
          ' ',
          link('data', 'data:text/html,x'),
          ' ',
          link('ok', 'https://example.org/a (b)'),
          ' ',
          link('mail', 'mailto:a@b.c'),
          ' ',
          ref('here', 's'),
          ' ',
          ref('gone', 'nope'),
        ],
      },
    ]);
    expect(md).toContain(
      '\njs js2 data [ok](https://example.org/a%20%28b%29) [mail](mailto:a@b.c) [here (section 1)](#s) gone\n',
    );
    expect(md.toLowerCase()).not.toContain('](javascript');
  });

  it('is deterministic', () => {
    const document = applyTypography(sampleDocument('fr'));
    expect(renderMarkdown(document)).toBe(renderMarkdown(document));
  });

  it('renders a 50,000-row table quickly', () => {
    const document = sampleDocument('en', 50_000);
    const start = performance.now();
    const md = renderMarkdown(document);
    const elapsed = performance.now() - start;
    expect((md.match(/^\| `flow-/gm) ?? []).length).toBe(50_000);
    expect(md).toContain('| `flow-50000` |');
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('shared helpers', () => {
  it('anchorId keeps safe characters and encodes the others', () => {
    expect(anchorId('fig-zones_1.2')).toBe('fig-zones_1.2');
    expect(anchorId('zone:dmz é')).toBe('zone-3a-dmz-20--e9-');
    expect(anchorId('')).toBe('_');
  });

  it('safeHref accepts only http(s) URLs and mailto', () => {
    expect(safeHref(' https://a.b/c d ')).toBe('https://a.b/c%20d');
    expect(safeHref('http://a')).toBe('http://a');
    expect(safeHref('mailto:x@y')).toBe('mailto:x@y');
    for (const bad of [
      'javascript:x',
      'java\nscript:x',
      'https://a\u0000',
      'ftp://x',
      '//x',
      'http:/x',
      'vbscript:x',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });

  it('columnPercents shares 100 in proportion', () => {
    expect(columnPercents([1, 3, undefined])).toEqual([20, 60, 20]);
    expect(columnPercents([0, -1])).toEqual([50, 50]);
  });
});
