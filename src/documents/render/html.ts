/**
 * HTML renderer: one self-contained HTML5 file (styles and fonts inline, figures as data: URIs,
 * no script, no external resource) with a print stylesheet. Every model string is escaped, so
 * markup in the model stays text; figures are `<img>`s, which keep any script in an SVG inert.
 * Fonts are DejaVu subsets holding only the characters the document uses. Pure (reads the font
 * files once).
 */
import { FONT_FAMILY, MONO_FAMILY, type FontStyle } from '../../presentation/fonts.js';
import { LABELS, longDate, type DocumentLabels } from '../labels.js';
import {
  type Block,
  type DocumentLocale,
  type Inline,
  type Inlines,
  type ReportDocument,
} from '../model.js';
import { outline, type Outline, type OutlineEntry } from '../outline.js';
import { embeddableFont, svgWithFonts, usedCodePoints } from './font-subset.js';
import { printFit, stylesheet } from './html-style.js';
import {
  anchorId,
  captionPrefix,
  columnPercents,
  refLabel,
  refTargets,
  safeHref,
  sectionPrefix,
  tocEntries,
  type RefTarget,
} from './markdown.js';

interface Context {
  readonly lang: DocumentLocale;
  readonly labels: DocumentLabels;
  readonly numbering: Outline;
  readonly targets: ReadonlyMap<string, RefTarget>;
  readonly entries: ReadonlyMap<string, OutlineEntry>;
  /** Font styles the text uses beyond regular, bold, italic and mono. */
  readonly extraStyles: Set<FontStyle>;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// eslint-disable-next-line no-control-regex -- control characters cannot appear in HTML
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Anything `text` changes (most cells have none: they are returned as they are). */
// eslint-disable-next-line no-control-regex -- control characters are replaced
const SPECIAL = /[&<>"'\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text for HTML content or attribute values. */
export function escapeHtml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(CONTROL, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text whose line breaks are kept. */
function text(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return escapeHtml(value).replace(/\r\n?|\n/g, '<br>');
}

function inline(item: Inline, context: Context): string {
  if (typeof item === 'string') return text(item);
  switch (item.kind) {
    case 'text': {
      let html = text(item.text);
      const bold = item.bold === true;
      if (item.code === true) {
        html = item.italic === true ? `<em><code>${html}</code></em>` : `<code>${html}</code>`;
        if (bold) context.extraStyles.add('monoBold');
      } else if (item.italic === true) {
        html = `<em>${html}</em>`;
        if (bold) context.extraStyles.add('boldItalic');
      }
      return bold ? `<strong>${html}</strong>` : html;
    }
    case 'link': {
      const href = safeHref(item.href);
      const label = text(item.text === '' ? item.href : item.text);
      return href === undefined
        ? label
        : `<a class="external" href="${escapeHtml(href)}">${label}</a>`;
    }
    case 'ref': {
      const target = context.targets.get(item.target);
      if (target === undefined) return text(item.text);
      const label = refLabel(context.lang, target);
      const shown = item.text === '' ? label : `${item.text} (${label})`;
      return `<a class="ref" href="#${anchorId(item.target)}">${text(shown)}</a>`;
    }
  }
}

function inlines(content: Inlines, context: Context): string {
  let html = '';
  for (const item of content) html += inline(item, context);
  return html;
}

function cover(document: ReportDocument, labels: DocumentLabels): string {
  const { meta } = document;
  const rows: [string, string][] = [
    [labels.version, meta.version],
    [labels.date, longDate(meta.lang, meta.date)],
    [labels.author, meta.author],
    [labels.classification, meta.classification],
  ];
  const subtitle =
    meta.subtitle === undefined || meta.subtitle === ''
      ? ''
      : `<p class="subtitle">${text(meta.subtitle)}</p>\n`;
  return (
    `<header class="cover" id="doc-cover">\n` +
    `<p class="organisation">${text(meta.organisation)}</p>\n` +
    `<h1>${text(meta.title)}</h1>\n${subtitle}` +
    `<dl>\n${rows.map(([k, v]) => `<dt>${text(k)}</dt><dd>${text(v)}</dd>`).join('\n')}\n</dl>\n` +
    `<p class="classification">${text(meta.classification)}</p>\n` +
    `<p class="generated">${text(labels.generatedBy)}</p>\n</header>\n`
  );
}

function history(document: ReportDocument, labels: DocumentLabels): string {
  const { meta } = document;
  if (meta.history.length === 0) return '';
  const head = [labels.version, labels.date, labels.author, labels.changes]
    .map((h) => `<th scope="col">${text(h)}</th>`)
    .join('');
  const body = meta.history
    .map(
      (h) =>
        `<tr><td>${text(h.version)}</td><td>${text(longDate(meta.lang, h.date))}</td>` +
        `<td>${text(h.author)}</td><td>${text(h.changes)}</td></tr>`,
    )
    .join('\n');
  return (
    `<section class="history" id="doc-history" aria-labelledby="doc-history-title">\n` +
    `<h2 id="doc-history-title">${text(labels.history)}</h2>\n<div class="table-wrap">` +
    `<table><colgroup><col style="width:12%"><col style="width:22%"><col style="width:20%">` +
    `<col style="width:46%"></colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n` +
    `</tbody></table></div>\n</section>\n`
  );
}

function toc(context: Context): string {
  const out: string[] = [
    `<nav class="toc" id="doc-contents" aria-labelledby="doc-contents-title">`,
    `<h2 id="doc-contents-title">${text(context.labels.contents)}</h2>`,
  ];
  // Each <li> stays open until the next entry at its level or above, so sub-lists nest in it.
  let depth = 0;
  for (const entry of tocEntries(context.numbering)) {
    if (entry.level > depth) {
      for (; depth < entry.level; depth++) out.push('<ol>');
    } else {
      out.push('</li>');
      for (; depth > entry.level; depth--) out.push('</ol></li>');
    }
    out.push(
      `<li class="level-${String(entry.level)}"><a href="#${anchorId(entry.id)}">` +
        `<span class="num">${text(sectionPrefix(entry, context.labels))}</span>` +
        ` ${text(entry.title)}</a>`,
    );
  }
  for (; depth > 0; depth--) out.push('</li></ol>');
  out.push('</nav>');
  return out.join('\n');
}

function table(b: Extract<Block, { kind: 'table' }>, context: Context, out: string[]): void {
  if (b.columns.length === 0) return;
  const n = context.numbering.tableNumber(b);
  const captionId = `table-${String(n ?? 0)}-caption`;
  const caption =
    `<span class="label">${text(captionPrefix(context.labels.table, n))}</span>` +
    (b.caption === undefined || b.caption.length === 0 ? '' : ` – ${inlines(b.caption, context)}`);
  const id = b.id === undefined ? '' : ` id="${anchorId(b.id)}"`;
  const widths = columnPercents(b.columns.map((c) => c.width));
  const fit = printFit(b);
  const classes = [
    ...(b.dense === true ? ['dense'] : []),
    ...(fit.scale < 1 ? ['fit'] : []),
    ...(fit.breakAnywhere ? ['tight'] : []),
  ];
  const style = fit.scale < 1 ? ` style="--fit: ${String(fit.scale)}"` : '';
  const align = b.columns.map((c) =>
    c.align === 'right' ? ' class="al-r"' : c.align === 'center' ? ' class="al-c"' : '',
  );
  out.push(
    `<div class="table-wrap"${id} role="region" aria-labelledby="${captionId}" tabindex="0">` +
      `<table${classes.length === 0 ? '' : ` class="${classes.join(' ')}"`}${style}>` +
      `<caption id="${captionId}">${caption}</caption>\n<colgroup>` +
      widths.map((w) => `<col style="width:${String(w)}%">`).join('') +
      `</colgroup>\n<thead><tr>` +
      b.columns.map((c, i) => `<th scope="col"${align[i] ?? ''}>${text(c.title)}</th>`).join('') +
      `</tr></thead>\n<tbody>`,
  );
  for (const row of b.rows) {
    let html = '<tr>';
    for (let i = 0; i < b.columns.length; i++) {
      html += `<td${align[i] ?? ''}>${inlines(row[i] ?? [], context)}</td>`;
    }
    out.push(`${html}</tr>`);
  }
  out.push('</tbody></table></div>');
}

/** Drawings wider than this (CSS px) can be zoomed to their natural size on screen. */
const ZOOMABLE_WIDTH = 900;

const ZOOM_HINT: Readonly<Record<DocumentLocale, string>> = {
  en: 'Click the drawing to see it at full size, and again to fit it to the page.',
  fr: 'Cliquer sur le schéma pour le voir en taille réelle, puis de nouveau pour l’ajuster à la page.',
};

function figure(b: Extract<Block, { kind: 'figure' }>, context: Context, out: string[]): void {
  const n = context.numbering.figureNumber(b);
  const id = b.id === undefined ? '' : ` id="${anchorId(b.id)}"`;
  const data = Buffer.from(svgWithFonts(b.svg), 'utf8').toString('base64');
  const size =
    b.width > 0 && b.height > 0
      ? ` width="${String(Math.round(b.width))}" height="${String(Math.round(b.height))}"`
      : '';
  const image = `<img src="data:image/svg+xml;base64,${data}" alt="${escapeHtml(b.alt)}"${size}>`;
  const caption = b.caption.length === 0 ? '' : ` – ${inlines(b.caption, context)}`;
  const figcaption =
    `<figcaption><span class="label">${text(captionPrefix(context.labels.figure, n))}</span>` +
    `${caption}</figcaption>`;
  if (b.width <= ZOOMABLE_WIDTH) {
    out.push(`<figure class="drawing"${id}>${image}\n${figcaption}</figure>`);
    return;
  }
  // A checkbox and its label make a zoom toggle without any script.
  const toggle = `zoom-${String(n ?? 0)}`;
  const hint = escapeHtml(ZOOM_HINT[context.lang]);
  out.push(
    `<figure class="drawing zoomable"${id}><input type="checkbox" class="zoom" id="${toggle}"` +
      ` aria-label="${hint}"><label for="${toggle}" class="frame" title="${hint}">` +
      `${image}</label>\n${figcaption}</figure>`,
  );
}

function block(b: Block, level: number, context: Context, out: string[]): void {
  switch (b.kind) {
    case 'section': {
      const entry = context.entries.get(b.id);
      const tag = `h${String(Math.min(6, level + 1))}`;
      const prefix =
        entry === undefined
          ? ''
          : `<span class="num">${text(sectionPrefix(entry, context.labels))}</span>`;
      out.push(
        `<section class="level-${String(level)}" id="${anchorId(b.id)}">`,
        `<${tag}>${prefix}${prefix === '' ? '' : ' '}${text(b.title)}</${tag}>`,
      );
      for (const child of b.children) block(child, level + 1, context, out);
      out.push('</section>');
      return;
    }
    case 'paragraph':
      out.push(`<p>${inlines(b.content, context)}</p>`);
      return;
    case 'list': {
      const tag = b.ordered === true ? 'ol' : 'ul';
      const items = b.items.map((item) => `<li>${inlines(item, context)}</li>`).join('\n');
      out.push(`<${tag}>\n${items}\n</${tag}>`);
      return;
    }
    case 'table':
      table(b, context, out);
      return;
    case 'figure':
      figure(b, context, out);
      return;
    case 'callout': {
      const tone = context.labels.tone[b.tone];
      const title =
        b.title === undefined || b.title === '' || b.title === tone
          ? ''
          : ` — <strong>${text(b.title)}</strong>`;
      out.push(
        `<aside class="callout callout-${b.tone}" role="note" aria-label="${escapeHtml(tone)}">` +
          `<p><span class="tone">${text(tone)}</span>${title}</p>` +
          `<p>${inlines(b.content, context)}</p></aside>`,
      );
      return;
    }
    case 'quote': {
      const source =
        b.source === undefined || b.source.length === 0
          ? ''
          : `<figcaption>— <cite>${inlines(b.source, context)}</cite></figcaption>`;
      out.push(
        `<figure class="quote"><blockquote><p>${inlines(b.content, context)}</p></blockquote>` +
          `${source}</figure>`,
      );
      return;
    }
    case 'toc':
      out.push(toc(context));
      return;
    case 'pagebreak':
      out.push('<div class="pagebreak" style="break-after: page"></div>');
      return;
  }
}

const FACES: readonly {
  style: FontStyle;
  family: string;
  weight: number;
  italic: boolean;
}[] = [
  { style: 'regular', family: FONT_FAMILY, weight: 400, italic: false },
  { style: 'bold', family: FONT_FAMILY, weight: 700, italic: false },
  { style: 'italic', family: FONT_FAMILY, weight: 400, italic: true },
  { style: 'boldItalic', family: FONT_FAMILY, weight: 700, italic: true },
  { style: 'mono', family: MONO_FAMILY, weight: 400, italic: false },
  { style: 'monoBold', family: MONO_FAMILY, weight: 700, italic: false },
];

/** `@font-face` rules with the fonts subset to the characters of `body`. */
function fontFaces(body: string, styles: ReadonlySet<FontStyle>): string {
  // Printable ASCII always (cheap), plus every other character of the page.
  const codePoints = [...usedCodePoints(body)];
  return FACES.filter((f) => styles.has(f.style))
    .map((f) => {
      const data = embeddableFont(f.style, codePoints).toString('base64');
      return (
        `@font-face { font-family: "${f.family}"; font-weight: ${String(f.weight)}; ` +
        `font-style: ${f.italic ? 'italic' : 'normal'}; font-display: block; ` +
        `src: url(data:font/ttf;base64,${data}) format("truetype"); }\n`
      );
    })
    .join('');
}

/** The document as one self-contained HTML5 file. */
export function renderHtml(document: ReportDocument): string {
  const { meta } = document;
  const labels = LABELS[meta.lang];
  const numbering = outline(document);
  const context: Context = {
    lang: meta.lang,
    labels,
    numbering,
    targets: refTargets(document, numbering),
    entries: new Map(numbering.sections.map((s) => [s.id, s])),
    extraStyles: new Set(),
  };
  const out: string[] = [
    `<p class="marking" role="note">${text(meta.classification)}</p>`,
    cover(document, labels),
    `<main>`,
    history(document, labels),
  ];
  for (const b of document.blocks) block(b, 1, context, out);
  out.push('</main>');
  const body = out.join('\n');
  const styles = new Set<FontStyle>(['regular', 'bold', 'italic', 'mono', ...context.extraStyles]);
  const css = stylesheet(fontFaces(body, styles), {
    classification: meta.classification,
    title: meta.title,
    pageOf: labels.pageOf,
  });
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(meta.lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="Vigie">\n` +
    `<title>${escapeHtml(`${meta.title} – ${meta.organisation}`)}</title>\n` +
    `<style>\n${css}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}
