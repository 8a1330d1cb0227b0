/**
 * Markdown renderer (GitHub-flavoured): one self-contained file. Figures are embedded as data:
 * URIs of their SVG, anchors are explicit `<a id>` tags (GitHub resolves `#id` links to them),
 * and every model string is escaped so that it cannot create markup. Also exports the helpers
 * the HTML renderer shares with it (anchors, cross-reference labels, safe links). Pure.
 */
import { LABELS, longDate, type DocumentLabels } from '../labels.js';
import type { Block, DocumentLocale, Inline, Inlines, ReportDocument } from '../model.js';
import { outline, type Outline, type OutlineEntry } from '../outline.js';

// ---- Shared with the HTML renderer -------------------------------------------------------------

/** What a cross-reference points to. */
export interface RefTarget {
  readonly kind: 'section' | 'appendix' | 'table' | 'figure';
  readonly number: string;
}

/** Every id a `ref` may point to, with its kind and number (sections first when ids clash). */
export function refTargets(document: ReportDocument, numbering: Outline): Map<string, RefTarget> {
  const targets = new Map<string, RefTarget>();
  for (const s of numbering.sections) {
    if (!targets.has(s.id)) {
      targets.set(s.id, { kind: s.appendix ? 'appendix' : 'section', number: s.number });
    }
  }
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'section') walk(b.children);
      else if ((b.kind === 'table' || b.kind === 'figure') && b.id !== undefined) {
        const n = b.kind === 'table' ? numbering.tableNumber(b) : numbering.figureNumber(b);
        if (n !== undefined && !targets.has(b.id)) {
          targets.set(b.id, { kind: b.kind, number: String(n) });
        }
      }
    }
  };
  walk(document.blocks);
  return targets;
}

/** "section 2.3", "appendix A", "table 4" / "tableau 4", "figure 2". */
export function refLabel(lang: DocumentLocale, target: RefTarget): string {
  const labels = LABELS[lang];
  const word =
    target.kind === 'section'
      ? 'section'
      : (target.kind === 'appendix'
          ? labels.appendix
          : target.kind === 'table'
            ? labels.table
            : labels.figure
        ).toLowerCase();
  return `${word} ${target.number}`;
}

/** The text before a section's title: "2.3", or "Appendix A –" for a top-level appendix. */
export function sectionPrefix(entry: OutlineEntry, labels: DocumentLabels): string {
  return entry.appendix && entry.level === 1
    ? `${labels.appendix} ${entry.number} –`
    : entry.number;
}

/** "Table 3 – " style caption prefix (without the caption text). */
export function captionPrefix(label: string, n: number | undefined): string {
  return `${label} ${n === undefined ? '' : String(n)}`.trimEnd();
}

/** An id usable as an HTML id and a URL fragment (same input → same output, injective enough). */
export function anchorId(id: string): string {
  if (id === '') return '_';
  let out = '';
  for (const char of id) {
    out += /^[A-Za-z0-9_.-]$/.test(char) ? char : `-${(char.codePointAt(0) ?? 0).toString(16)}-`;
  }
  return out;
}

/** The href to use for an external link, or undefined if it is not http(s)/mailto. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what is rejected
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  if (!/^(https?:\/\/[^\s/]|mailto:\S)/i.test(trimmed)) return undefined;
  return trimmed.replace(/\s/g, (c) => encodeURIComponent(c));
}

/** Table of contents entries: main sections, then appendices (each with its subsections). */
export function tocEntries(numbering: Outline): OutlineEntry[] {
  const groups: OutlineEntry[][] = [];
  for (const entry of numbering.sections) {
    const last = groups[groups.length - 1];
    if (entry.level === 1 || last === undefined) groups.push([entry]);
    else last.push(entry);
  }
  const main = groups.filter((g) => g[0]?.appendix !== true);
  const appendices = groups.filter((g) => g[0]?.appendix === true);
  return [...main, ...appendices].flat();
}

/** Relative column widths as percentages (summing to 100). */
export function columnPercents(widths: readonly (number | undefined)[]): number[] {
  const values = widths.map((w) => (w !== undefined && w > 0 && Number.isFinite(w) ? w : 1));
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => Math.round((v / total) * 10000) / 100);
}

// ---- Markdown -----------------------------------------------------------------------------------

interface Context {
  readonly lang: DocumentLocale;
  readonly labels: DocumentLabels;
  readonly numbering: Outline;
  readonly targets: ReadonlyMap<string, RefTarget>;
  readonly entries: ReadonlyMap<string, OutlineEntry>;
}

// eslint-disable-next-line no-control-regex -- control characters cannot appear in the output
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Anything `escapeText` changes (most texts have none: they are returned as they are). */
// eslint-disable-next-line no-control-regex -- control characters are replaced
const SPECIAL = /[\\`*_[\]<>&|~#$!\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Escapes a text so that Markdown shows it literally; newlines become `<br>`. */
function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text
    .replace(CONTROL, '\uFFFD')
    .replace(/[\\`*_[\]<>&|~#$!]/g, '\\$&')
    .replace(/\r\n?|\n/g, '<br>');
}

/** Stops a line's first characters from starting a list, a heading underline or a code block. */
function guardLineStart(line: string): string {
  const text = line.trimStart();
  if (/^[-+=]/.test(text)) return `\\${text}`;
  return text.replace(/^(\d+)([.)])/, '$1\\$2');
}

function codeSpan(text: string, inTable: boolean): string {
  let t = text.replace(CONTROL, '\uFFFD').replace(/\r\n?|\n/g, ' ');
  if (t === '') return '';
  if (inTable) t = t.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || /^ .*[^ ].* $/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Bold/italic around an already rendered run; HTML tags where `*` would not be recognised. */
function emphasise(rendered: string, bold: boolean, italic: boolean): string {
  if (!bold && !italic) return rendered;
  const lead = /^\s*/.exec(rendered)?.[0] ?? '';
  const inner = rendered.slice(lead.length).trimEnd();
  if (inner === '') return rendered;
  const trail = rendered.slice(lead.length + inner.length);
  // `*` only opens and closes emphasis reliably next to letters and digits.
  if (/^[\p{L}\p{N}]/u.test(inner) && /[\p{L}\p{N}]$/u.test(inner)) {
    const marks = (bold ? '**' : '') + (italic ? '*' : '');
    return `${lead}${marks}${inner}${marks}${trail}`;
  }
  const open = (bold ? '<strong>' : '') + (italic ? '<em>' : '');
  const close = (italic ? '</em>' : '') + (bold ? '</strong>' : '');
  return `${lead}${open}${inner}${close}${trail}`;
}

function linkDestination(href: string): string {
  return href.replace(
    /[()<>\\ ]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function inline(item: Inline, context: Context, inTable: boolean): string {
  if (typeof item === 'string') return escapeText(item);
  switch (item.kind) {
    case 'text': {
      if (item.code === true) {
        return emphasise(codeSpan(item.text, inTable), item.bold === true, false);
      }
      return emphasise(escapeText(item.text), item.bold === true, item.italic === true);
    }
    case 'link': {
      const href = safeHref(item.href);
      const text = escapeText(item.text === '' ? item.href : item.text);
      return href === undefined ? text : `[${text}](${linkDestination(href)})`;
    }
    case 'ref': {
      const target = context.targets.get(item.target);
      if (target === undefined) return escapeText(item.text);
      const label = refLabel(context.lang, target);
      const text = item.text === '' ? label : `${item.text} (${label})`;
      return `[${escapeText(text)}](#${anchorId(item.target)})`;
    }
  }
}

function inlines(content: Inlines, context: Context, inTable = false): string {
  return content.map((i) => inline(i, context, inTable)).join('');
}

function tableLines(
  columns: readonly { readonly title: string; readonly align?: string }[],
  rows: readonly (readonly string[])[],
): string[] {
  const lines: string[] = new Array<string>(rows.length + 2);
  lines[0] = `| ${columns.map((c) => escapeText(c.title)).join(' | ')} |`;
  lines[1] = `| ${columns
    .map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : ':---'))
    .join(' | ')} |`;
  for (let i = 0; i < rows.length; i++) lines[i + 2] = `| ${(rows[i] ?? []).join(' | ')} |`;
  return lines;
}

function cover(document: ReportDocument, context: Context): string[] {
  const { meta } = document;
  const { labels } = context;
  const colon = meta.lang === 'fr' ? '\u00A0:' : ':';
  const lines = [
    `**${escapeText(labels.classification)}${colon} ${escapeText(meta.classification)}**`,
  ];
  lines.push('', `# ${escapeText(meta.title)}`);
  if (meta.subtitle !== undefined && meta.subtitle !== '') {
    lines.push('', guardLineStart(emphasise(escapeText(meta.subtitle), false, true)));
  }
  const rows = [
    [labels.version, meta.version],
    [labels.date, longDate(meta.lang, meta.date)],
    [labels.author, meta.author],
    [labels.classification, meta.classification],
  ].map((row) => row.map(escapeText));
  lines.push(
    '',
    ...tableLines([{ title: labels.organisation }, { title: meta.organisation }], rows),
    '',
    guardLineStart(emphasise(escapeText(labels.generatedBy), false, true)),
  );
  if (meta.history.length > 0) {
    const history = meta.history.map((h) =>
      [h.version, longDate(meta.lang, h.date), h.author, h.changes].map(escapeText),
    );
    lines.push(
      '',
      `## ${escapeText(labels.history)}`,
      '',
      ...tableLines(
        [labels.version, labels.date, labels.author, labels.changes].map((title) => ({ title })),
        history,
      ),
    );
  }
  return lines;
}

function toc(context: Context): string[] {
  const lines = [`## ${escapeText(context.labels.contents)}`, ''];
  for (const entry of tocEntries(context.numbering)) {
    const indent = '  '.repeat(entry.level - 1);
    const text = `${sectionPrefix(entry, context.labels)} ${entry.title}`;
    lines.push(`${indent}- [${escapeText(text)}](#${anchorId(entry.id)})`);
  }
  return lines;
}

function caption(
  label: string,
  n: number | undefined,
  content: Inlines | undefined,
  context: Context,
): string {
  const prefix = `**${escapeText(captionPrefix(label, n))}**`;
  return content === undefined || content.length === 0
    ? prefix
    : `${prefix} – ${inlines(content, context)}`;
}

function block(b: Block, level: number, context: Context, out: string[]): void {
  switch (b.kind) {
    case 'section': {
      const entry = context.entries.get(b.id);
      const hashes = '#'.repeat(Math.min(6, level + 1));
      const prefix = entry === undefined ? '' : `${sectionPrefix(entry, context.labels)} `;
      out.push(`${hashes} <a id="${anchorId(b.id)}"></a>${escapeText(prefix + b.title)}`, '');
      for (const child of b.children) block(child, level + 1, context, out);
      return;
    }
    case 'paragraph':
      out.push(guardLineStart(inlines(b.content, context)), '');
      return;
    case 'list':
      b.items.forEach((item, i) => {
        const marker = b.ordered === true ? `${String(i + 1)}.` : '-';
        out.push(`${marker} ${guardLineStart(inlines(item, context))}`);
      });
      out.push('');
      return;
    case 'table': {
      if (b.columns.length === 0) return;
      const anchor = b.id === undefined ? '' : `<a id="${anchorId(b.id)}"></a>`;
      out.push(
        anchor +
          caption(context.labels.table, context.numbering.tableNumber(b), b.caption, context),
        '',
      );
      const rows = b.rows.map((row) =>
        b.columns.map((_, i) => inlines(row[i] ?? [], context, true)),
      );
      out.push(...tableLines(b.columns, rows), '');
      return;
    }
    case 'figure': {
      const anchor = b.id === undefined ? '' : `<a id="${anchorId(b.id)}"></a>`;
      const data = Buffer.from(b.svg, 'utf8').toString('base64');
      const alt = escapeText(b.alt.replace(/\s+/g, ' '));
      out.push(`${anchor}![${alt}](data:image/svg+xml;base64,${data})`, '');
      out.push(
        caption(context.labels.figure, context.numbering.figureNumber(b), b.caption, context),
        '',
      );
      return;
    }
    case 'callout': {
      const label = `**${escapeText(context.labels.tone[b.tone])}**`;
      const body = inlines(b.content, context);
      if (b.title === undefined || b.title === '' || b.title === context.labels.tone[b.tone]) {
        out.push(`> ${label} — ${body}`, '');
      } else {
        out.push(`> ${label} — **${escapeText(b.title)}**`, '>', `> ${guardLineStart(body)}`, '');
      }
      return;
    }
    case 'quote':
      out.push(`> ${guardLineStart(inlines(b.content, context))}`);
      if (b.source !== undefined && b.source.length > 0) {
        out.push('>', `> — ${inlines(b.source, context)}`);
      }
      out.push('');
      return;
    case 'toc':
      out.push(...toc(context), '');
      return;
    case 'pagebreak':
      return;
  }
}

/** The document as one GitHub-flavoured Markdown file. */
export function renderMarkdown(document: ReportDocument): string {
  const numbering = outline(document);
  const context: Context = {
    lang: document.meta.lang,
    labels: LABELS[document.meta.lang],
    numbering,
    targets: refTargets(document, numbering),
    entries: new Map(numbering.sections.map((s) => [s.id, s])),
  };
  const out = cover(document, context);
  out.push('');
  for (const b of document.blocks) block(b, 1, context, out);
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
