/**
 * The stylesheet of HTML documents: screen (readable measure, WCAG AA contrast, scrollable wide
 * tables) and print (A4, classification and page numbers in the page margins, page breaks,
 * repeated table headers), and how wide tables are fitted to the printed page. No external
 * resource: fonts come as data: URIs from the renderer.
 */
import { FONT_FAMILY, MONO_FAMILY } from '../../presentation/fonts.js';
import type { Block } from '../model.js';

/** A CSS string literal (quotes, backslashes, line breaks and `<` escaped). */
export function cssString(text: string): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are escaped, not matched
    /[\\"<>\u0000-\u001f\u007f]/g,
    (c) => `\\${(c.codePointAt(0) ?? 0).toString(16)} `,
  );
  return `"${escaped}"`;
}

export interface PrintMarks {
  /** The classification marking, at the top of every printed page. */
  readonly classification: string;
  /** The document title, at the bottom left of every printed page. */
  readonly title: string;
  /** "Page {page} of {pages}" in the document's language. */
  readonly pageOf: string;
}

/** `Page {page} of {pages}` as a CSS `content` value with page counters. */
function pageCounter(pageOf: string): string {
  return pageOf
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

const SANS = `${cssString(FONT_FAMILY)}, "Verdana", sans-serif`;
const MONO = `${cssString(MONO_FAMILY)}, monospace`;

const SCREEN = `
:root { color-scheme: light; --text: #1b1f24; --muted: #4b5563; --accent: #1d4e89;
  --rule: #c3c9d1; --head: #e9eef4; --zebra: #f6f8fa; --mark: #8a1c1c; }
* { box-sizing: border-box; }
html { font-family: ${SANS}; font-size: 15px; line-height: 1.55; color: var(--text);
  background: #fff; -webkit-text-size-adjust: 100%; }
body { margin: 0; }
code { font-family: ${MONO}; font-size: 0.92em; background: #f1f3f5; padding: 0 0.2em;
  border-radius: 3px; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.marking { position: sticky; top: 0; z-index: 10; margin: 0; padding: 0.3rem 1rem;
  background: var(--mark); color: #fff; text-align: center; font-weight: bold;
  font-size: 0.8rem; letter-spacing: 0.04em; }
main, .cover { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
main { padding-bottom: 4rem; }
.cover { padding-top: 3rem; padding-bottom: 2rem; border-bottom: 3px solid var(--accent); }
.cover .organisation { font-size: 1.1rem; font-weight: bold; color: var(--muted); margin: 0; }
.cover h1 { font-size: 2.2rem; line-height: 1.2; color: var(--accent); margin: 2.5rem 0 0.5rem; }
.cover .subtitle { font-size: 1.25rem; color: var(--muted); margin: 0 0 2rem; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1.5rem;
  margin: 2rem 0; }
.cover dt { font-weight: bold; color: var(--muted); }
.cover dd { margin: 0; }
.cover .classification { display: inline-block; border: 2px solid var(--mark); color: var(--mark);
  font-weight: bold; padding: 0.3rem 0.8rem; margin: 1rem 0; }
.cover .generated { font-size: 0.85rem; color: var(--muted); font-style: italic; }
h2, h3, h4, h5, h6 { line-height: 1.3; color: var(--accent); margin: 2rem 0 0.75rem; }
h2 { font-size: 1.55rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem;
  margin-top: 3rem; }
h3 { font-size: 1.25rem; }
h4 { font-size: 1.1rem; }
h5, h6 { font-size: 1rem; }
.num { margin-right: 0.25em; }
section, figure, .table-wrap { scroll-margin-top: 2.5rem; }
nav.toc ol { list-style: none; padding-left: 0; margin: 0; }
nav.toc ol ol { padding-left: 1.6rem; }
nav.toc li { margin: 0.2rem 0; }
nav.toc li.level-1 { margin-top: 0.5rem; font-weight: bold; }
nav.toc li.level-1 li { font-weight: normal; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
nav.toc .num { display: inline-block; min-width: 2.6rem; }
.table-wrap { overflow-x: auto; margin: 1.25rem 0; }
table { border-collapse: collapse; width: 100%; min-width: 34rem; }
table.dense { font-size: 0.8rem; line-height: 1.35; min-width: 46rem; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.45rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.55rem; vertical-align: top;
  text-align: left; }
/* Column widths are hints: words are cut only in tables too wide for the page. */
td { overflow-wrap: break-word; }
table.tight td { overflow-wrap: anywhere; }
td.al-r, td.al-c { white-space: nowrap; }
table.dense th, table.dense td { padding: 0.2rem 0.35rem; }
th { background: var(--head); }
tbody tr:nth-child(even) { background: var(--zebra); }
.al-r { text-align: right; }
.al-c { text-align: center; }
figure { margin: 1.5rem 0; }
figure.drawing { text-align: center; }
figure.drawing img { max-width: 100%; height: auto; }
figure.zoomable { position: relative; }
figure.zoomable .zoom { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
figure.zoomable .frame { display: block; overflow-x: auto; cursor: zoom-in; }
figure.zoomable .zoom:focus-visible + .frame { outline: 2px solid var(--accent); }
figure.zoomable .zoom:checked + .frame { cursor: zoom-out; width: calc(100vw - 2rem);
  margin-left: calc(50% - 50vw + 1rem); }
figure.zoomable .zoom:checked + .frame img { max-width: none; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.5rem; }
figure.drawing figcaption .label, caption .label { font-weight: bold; }
.callout { border: 1px solid; border-left-width: 5px; border-radius: 3px; padding: 0.6rem 0.9rem;
  margin: 1.25rem 0; }
.callout p { margin: 0.25rem 0; }
.callout .tone { font-weight: bold; }
.callout-info { border-color: #1d4ed8; background: #eef4ff; }
.callout-info .tone { color: #1e40af; }
.callout-warning { border-color: #b45309; background: #fff7e6; }
.callout-warning .tone { color: #92400e; }
.callout-danger { border-color: #b42318; background: #fdeeec; }
.callout-danger .tone { color: #9b1c14; }
.callout-success { border-color: #067647; background: #ecfdf3; }
.callout-success .tone { color: #05603a; }
.callout-todo { border-color: #6d28d9; border-style: dashed; background: #f5f1ff; }
.callout-todo .tone { color: #5b21b6; }
figure.quote { margin: 1.25rem 0; padding: 0.2rem 0 0.2rem 1rem; border-left: 4px solid var(--rule); }
figure.quote blockquote { margin: 0; font-style: italic; }
figure.quote figcaption { color: var(--muted); }
@media (max-width: 40rem) {
  html { font-size: 14px; }
  .cover h1 { font-size: 1.7rem; }
}`;

function print(marks: PrintMarks): string {
  return `
@page { size: A4; margin: 18mm 15mm 18mm 15mm;
  @top-center { content: ${cssString(marks.classification)}; font-family: ${SANS};
    font-size: 8pt; font-weight: bold; color: #8a1c1c; }
  @bottom-left { content: ${cssString(marks.title)}; font-family: ${SANS}; font-size: 7.5pt;
    color: #4b5563; }
  @bottom-right { content: ${pageCounter(marks.pageOf)}; font-family: ${SANS}; font-size: 7.5pt;
    color: #4b5563; }
}
@media print {
  html { font-size: 10pt; line-height: 1.4; }
  .marking { display: none; }
  main, .cover { max-width: none; padding: 0; }
  .cover { border-bottom: none; min-height: 230mm; padding-top: 30mm; break-after: page; }
  .cover h1 { margin-top: 40mm; }
  section.level-1 { break-before: page; }
  nav.toc { margin-top: 3rem; }
  h2, h3, h4, h5, h6, caption { break-after: avoid; }
  .table-wrap { overflow: visible; }
  table, table.dense { min-width: 0; }
  table.dense { font-size: 7.5pt; }
  table.fit { font-size: calc(var(--fit) * 10pt); }
  table.dense.fit { font-size: calc(var(--fit) * 7.5pt); }
  thead { display: table-header-group; }
  tr, figure, .callout, img { break-inside: avoid; }
  figure.zoomable .zoom { display: none; }
  figure.zoomable .frame, figure.zoomable .zoom:checked + .frame { width: auto; margin: 0;
    overflow: visible; }
  figure.drawing img, figure.zoomable .zoom:checked + .frame img { max-height: 220mm;
    width: auto; max-width: 100%; }
  tbody tr:nth-child(even) { background: #f6f8fa; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  td a.external::after { content: none; }
  a.external::after { content: " <" attr(href) ">"; font-size: 0.85em; color: #4b5563;
    overflow-wrap: anywhere; }
}`;
}

/** The whole stylesheet, after the `@font-face` rules. */
export function stylesheet(fontFaces: string, marks: PrintMarks): string {
  return `${fontFaces}${SCREEN}${print(marks)}\n`;
}

/** Widths, in characters, of the longest unbreakable run of each column (header included). */
function longestRuns(b: Extract<Block, { kind: 'table' }>): number[] {
  const whole = b.columns.map((c) => c.align === 'right' || c.align === 'center');
  const longest = b.columns.map((c) => longestWord(c.title, false) * 1.05); // headers are bold
  for (const row of b.rows) {
    for (let i = 0; i < b.columns.length; i++) {
      for (const item of row[i] ?? []) {
        const value = typeof item === 'string' ? item : item.text;
        const current = longest[i] ?? 0;
        if (value.length > current) {
          longest[i] = Math.max(current, longestWord(value, whole[i] === true));
        }
      }
    }
  }
  return longest;
}

/** Smallest type a table is shrunk to on paper, relative to its normal size. */
const MIN_PRINT_SCALE = 0.8;

/**
 * How a table fits the width of an A4 page, estimated from the longest unbreakable runs of each
 * column side by side (DejaVu Sans averages 0.55 em a character, its mono 0.6 em): as it is
 * (scale 1); in smaller type on paper (scale < 1), words kept whole; or, when even the smallest
 * type is too wide, with cells that may break anywhere.
 */
export function printFit(b: Extract<Block, { kind: 'table' }>): {
  scale: number;
  breakAnywhere: boolean;
} {
  const longest = longestRuns(b);
  const size = b.dense === true ? 7.5 : 10; // points, as in the print stylesheet
  const padding = (b.dense === true ? 8 : 13) * b.columns.length;
  const chars = longest.reduce((sum, n) => sum + n, 0);
  const page = 505; // points: the width of A4 less the margins, and a little room
  const scale = (page - padding) / (chars * 0.58 * size);
  if (scale >= 1) return { scale: 1, breakAnywhere: false };
  if (scale >= MIN_PRINT_SCALE)
    return { scale: Math.floor(scale * 100) / 100, breakAnywhere: false };
  return { scale: MIN_PRINT_SCALE, breakAnywhere: true };
}

/** Length of the longest run of a text a browser cannot break (spaces, and after a hyphen). */
function longestWord(content: string, whole: boolean): number {
  if (whole) return content.length;
  let max = 0;
  for (const word of content.split(/[ \t\r\n]+|(?<=-)(?=[\p{L}\p{N}])/u))
    max = Math.max(max, word.length);
  return max;
}
