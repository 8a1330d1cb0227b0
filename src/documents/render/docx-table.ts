/**
 * Tables written directly as WordprocessingML. The `docx` library builds an object tree per cell
 * (paragraph, run, properties…) that costs about 0.2 ms and tens of kilobytes of heap per cell:
 * a 50,000-row table took minutes and gigabytes. Here a row is one string, so large tables are
 * linear in time and small in memory. The renderer puts a placeholder paragraph where each table
 * goes and the package step (docx-package.ts) swaps the XML in. Pure.
 */
import type { Inlines, TableColumn } from '../model.js';
import { columnWidths } from './docx-widths.js';
import { pieces, type InlineContext, type Piece } from './docx-inline.js';
import { CONTENT_WIDTH, HEADER_FILL, LANDSCAPE_WIDTH, STYLE } from './docx-styles.js';

export interface TableSpec {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Inlines[])[];
  readonly dense?: boolean;
}

/** External links found in table cells, given relationship ids the package step declares. */
export class LinkRelationships {
  private readonly ids = new Map<string, string>();

  /** The relationship id for this URL (the same URL always gets the same id). */
  idFor(href: string): string {
    let id = this.ids.get(href);
    if (id === undefined) {
      id = `rIdVigieLink${String(this.ids.size + 1)}`;
      this.ids.set(href, id);
    }
    return id;
  }

  /** Id → URL, in the order they were first met. */
  entries(): [string, string][] {
    return [...this.ids].map(([href, id]) => [id, href]);
  }
}

/** Escapes text content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value (double-quoted). */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;');
}

/** `<w:t>` elements for a text, with line breaks and tabs as Word elements. */
function textElements(text: string): string {
  let out = '';
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (i > 0) out += '<w:br/>';
    line.split('\t').forEach((part, j) => {
      if (j > 0) out += '<w:tab/>';
      if (part !== '') out += `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
    });
  });
  return out;
}

function runXml(p: Piece, linked: boolean): string {
  let props = '';
  if (linked) props += `<w:rStyle w:val="${STYLE.hyperlink}"/>`;
  else if (p.code) props += `<w:rStyle w:val="${STYLE.code}"/>`;
  if (p.bold) props += '<w:b/><w:bCs/>';
  if (p.italic) props += '<w:i/><w:iCs/>';
  return `<w:r>${props === '' ? '' : `<w:rPr>${props}</w:rPr>`}${textElements(p.text)}</w:r>`;
}

/** The runs of some inlines, with hyperlinks (external ones through `links`). */
export function runsXml(
  content: Inlines,
  context: InlineContext,
  links: LinkRelationships,
): string {
  let out = '';
  for (const p of pieces(content, context)) {
    if (p.href !== undefined) {
      out += `<w:hyperlink r:id="${links.idFor(p.href)}" w:history="1">${runXml(p, true)}</w:hyperlink>`;
    } else if (p.anchor !== undefined) {
      out += `<w:hyperlink w:anchor="${escapeAttribute(p.anchor)}" w:history="1">${runXml(p, true)}</w:hyperlink>`;
    } else out += runXml(p, false);
  }
  return out;
}

/**
 * Column widths on a portrait page, or on a landscape one when the columns' words do not fit
 * across a portrait page (a flow matrix with nine columns).
 */
export function tableLayout(spec: TableSpec): { widths: number[]; landscape: boolean } {
  const dense = spec.dense === true;
  const options = { size: dense ? 7 : 8.5, padding: dense ? 234 : 290 };
  const portrait = columnWidths(spec.columns, spec.rows, { ...options, total: CONTENT_WIDTH });
  if (portrait.fits) return { widths: portrait.widths, landscape: false };
  const wide = columnWidths(spec.columns, spec.rows, { ...options, total: LANDSCAPE_WIDTH });
  return { widths: wide.widths, landscape: true };
}

/** Rows whose cells are all shorter than this (characters) are kept on one page. */
const SHORT_ROW = 240;

function textLength(cell: Inlines): number {
  let n = 0;
  for (const i of cell) n += typeof i === 'string' ? i.length : i.text.length;
  return n;
}

/**
 * The table as XML chunks (one per row, to be concatenated): fixed layout, header row repeated
 * on each page, rows kept whole unless they hold long texts.
 */
export function tableXml(
  spec: TableSpec,
  widths: readonly number[],
  context: InlineContext,
  links: LinkRelationships,
): string[] {
  const dense = spec.dense === true;
  const total = widths.reduce((a, b) => a + b, 0);
  const bodyStyle = dense ? STYLE.tableTextDense : STYLE.tableText;
  const headStyle = dense ? STYLE.tableHeadingDense : STYLE.tableHeading;
  const margins = dense
    ? '<w:tblCellMar><w:top w:w="14" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="14" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
    : '';
  const justify = spec.columns.map((c) =>
    c.align === 'right'
      ? '<w:jc w:val="right"/>'
      : c.align === 'center'
        ? '<w:jc w:val="center"/>'
        : '',
  );
  const cellStart = (i: number, style: string, fill: string): string =>
    `<w:tc><w:tcPr><w:tcW w:w="${String(widths[i] ?? 0)}" w:type="dxa"/>${fill}</w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${style}"/>${justify[i] ?? ''}</w:pPr>`;
  const headFill = `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>`;
  const bodyStart = spec.columns.map((_, i) => cellStart(i, bodyStyle, ''));
  const end = '</w:p></w:tc>';

  const chunks: string[] = [];
  chunks.push(
    `<w:tbl><w:tblPr><w:tblStyle w:val="${STYLE.table}"/><w:tblW w:w="${String(total)}" w:type="dxa"/>` +
      `<w:tblLayout w:type="fixed"/>${margins}` +
      '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>' +
      `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${String(w)}"/>`).join('')}</w:tblGrid>`,
  );
  let head = '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
  spec.columns.forEach((column, i) => {
    head += `${cellStart(i, headStyle, headFill)}${runsXml([column.title], context, links)}${end}`;
  });
  chunks.push(`${head}</w:tr>`);
  for (const row of spec.rows) {
    const short = spec.columns.every((_, i) => textLength(row[i] ?? []) < SHORT_ROW);
    let xml = short ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>';
    for (let i = 0; i < spec.columns.length; i++) {
      xml += `${bodyStart[i] ?? ''}${runsXml(row[i] ?? [], context, links)}${end}`;
    }
    chunks.push(`${xml}</w:tr>`);
  }
  chunks.push('</w:tbl>');
  return chunks;
}
