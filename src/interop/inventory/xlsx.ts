/**
 * The sheets of an XLSX workbook as tables of text, read with a minimal XML reader: the zip is
 * opened by the caller's safe reader (the {@link UnzipEntries} port, the platform's zip reader
 * in production), then only `xl/workbook.xml`, its relationships, `xl/sharedStrings.xml` and the
 * worksheets are read. Any DOCTYPE or entity declaration is refused (no entity expansion, no
 * external reference); only the five predefined entities and numeric character references are
 * decoded. Sizes are bounded (the unzip limit, sheets, rows, columns, cell length). Formulas are
 * read as their cached value; dates stay the spreadsheet's serial numbers.
 */
import type { Diagnostic } from '../../domain/diagnostic.js';
import { DEFAULT_TABLE_LIMITS, type Table, type TableLimits } from './csv.js';
import { problem, type InventoryLocale } from './messages.js';

/** The failure of the unzip port, as text (its code is kept for the API). */
export interface UnzipFailure {
  readonly code: string;
  readonly message: string;
}

/** Reads the entries `accept` keeps from a zip archive, safely and within a size limit. */
export type UnzipEntries = (
  bytes: Buffer,
  accept: (name: string) => boolean,
) => { ok: true; value: ReadonlyMap<string, Buffer> } | { ok: false; error: UnzipFailure };

export const MAX_SHEETS = 20;

export interface XlsxResult {
  /** The workbook's sheets in order (empty when the file is refused). */
  readonly sheets: readonly Table[];
  readonly diagnostics: readonly Diagnostic[];
}

interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
type XmlNode = XmlElement | string;

class XmlRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new XmlRefused('inventory-xlsx-entity');
    return value;
  });
}

/** Local name of a possibly prefixed XML name (`x:row` → `row`). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * A minimal XML reader for the workbook parts: elements, attributes, text and CDATA. Refuses
 * DOCTYPE, entity declarations and any undeclared entity; no namespaces beyond dropping prefixes.
 */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlRefused('inventory-xlsx-doctype');
  }
  const root: { name: string; attributes: Record<string, string>; children: XmlNode[] } = {
    name: '#document',
    attributes: {},
    children: [],
  };
  const stack = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(text)) !== null) {
    const top = stack[stack.length - 1];
    if (top === undefined) throw new XmlRefused('inventory-xlsx-xml');
    const [whole, cdata, closing, name, attrs, selfClosing, chars, stray] = match;
    if (stray !== undefined) throw new XmlRefused('inventory-xlsx-xml');
    if (whole.startsWith('<?') || whole.startsWith('<!--')) continue;
    if (cdata !== undefined) top.children.push(cdata);
    else if (chars !== undefined) top.children.push(decodeEntities(chars));
    else if (name !== undefined) {
      if (closing === '/') {
        if (stack.length < 2 || top.name !== local(name)) {
          throw new XmlRefused('inventory-xlsx-xml');
        }
        stack.pop();
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const a of (attrs ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attributes[local(a[1] ?? '')] = decodeEntities(a[2] ?? a[3] ?? '');
      }
      const element = { name: local(name), attributes, children: [] as XmlNode[] };
      top.children.push(element);
      if (selfClosing !== '/') stack.push(element);
      if (stack.length > 64) throw new XmlRefused('inventory-xlsx-xml');
    }
  }
  if (stack.length !== 1) throw new XmlRefused('inventory-xlsx-xml');
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (element === undefined) throw new XmlRefused('inventory-xlsx-xml');
  return element;
}

const elements = (node: XmlElement, name: string): XmlElement[] =>
  node.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** All text below a node, skipping phonetic runs (`rPh`). */
function textOf(node: XmlElement): string {
  return node.children
    .map((c) => (typeof c === 'string' ? c : c.name === 'rPh' ? '' : textOf(c)))
    .join('');
}

/** `B12` → column index 1 (0-based), row 12 (1-based). */
function cellRef(ref: string): { column: number; row: number } | undefined {
  const m = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(ref);
  if (m === null) return undefined;
  let column = 0;
  for (const ch of m[1] ?? '') column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) };
}

function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function readSheet(
  xml: XmlElement,
  shared: readonly string[],
  limits: TableLimits,
): string[][] | string {
  const data = elements(xml, 'sheetData')[0];
  if (data === undefined) return [];
  const rows: string[][] = [];
  let nextRow = 1;
  for (const row of elements(data, 'row')) {
    const number = Number(row.attributes.r ?? nextRow);
    if (!Number.isInteger(number) || number < nextRow || number > limits.maxRows + 1) {
      return 'inventory-too-many-rows';
    }
    while (rows.length < number - 1) rows.push([]);
    const cells: string[] = [];
    let nextColumn = 0;
    for (const c of elements(row, 'c')) {
      const ref = c.attributes.r === undefined ? undefined : cellRef(c.attributes.r);
      const column = ref?.column ?? nextColumn;
      if (column >= limits.maxColumns) return 'inventory-too-many-columns';
      const type = c.attributes.t ?? 'n';
      const v = elements(c, 'v')[0];
      let value = '';
      if (type === 's') {
        value = shared[Number(v === undefined ? -1 : textOf(v))] ?? '';
      } else if (type === 'inlineStr') {
        const is = elements(c, 'is')[0];
        value = is === undefined ? '' : textOf(is);
      } else if (type === 'b') {
        value = v !== undefined && textOf(v) === '1' ? 'true' : 'false';
      } else if (v !== undefined) value = textOf(v);
      if (value.length > limits.maxCellChars) return 'inventory-cell-too-long';
      while (cells.length < column) cells.push('');
      cells[column] = value.trim();
      nextColumn = column + 1;
    }
    rows.push(cells);
    nextRow = number + 1;
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((v) => v === '')) rows.pop();
  return rows;
}

/** Reads an XLSX workbook (see the module comment); `file` names it in diagnostics. */
export function readXlsx(
  bytes: Buffer,
  file: string,
  locale: InventoryLocale,
  unzip: UnzipEntries,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
): XlsxResult {
  const refuse = (code: string, params: Readonly<Record<string, string | number>> = {}) => ({
    sheets: [],
    diagnostics: [problem(locale, code, 'error', file, 0, 0, params)],
  });
  if (bytes.length === 0) return refuse('inventory-empty-file');
  if (bytes.readUInt32LE(0) !== 0x04034b50) return refuse('inventory-xlsx-not-zip');
  const parts = unzip(
    bytes,
    (name) =>
      name === 'xl/workbook.xml' ||
      name === 'xl/_rels/workbook.xml.rels' ||
      name === 'xl/sharedStrings.xml' ||
      /^xl\/worksheets\/[^/]+\.xml$/.test(name),
  );
  if (!parts.ok) return refuse('inventory-xlsx-zip', { detail: parts.error.message });
  const text = (name: string): string | undefined => parts.value.get(name)?.toString('utf8');
  try {
    const workbookText = text('xl/workbook.xml');
    if (workbookText === undefined) return refuse('inventory-xlsx-not-workbook');
    const workbook = parseXml(workbookText);
    const relsText = text('xl/_rels/workbook.xml.rels');
    const targets = new Map<string, string>();
    if (relsText !== undefined) {
      for (const rel of elements(parseXml(relsText), 'Relationship')) {
        const { Id: id, Target: target } = rel.attributes;
        if (id !== undefined && target !== undefined) targets.set(id, resolveTarget(target));
      }
    }
    const sharedText = text('xl/sharedStrings.xml');
    const shared =
      sharedText === undefined ? [] : elements(parseXml(sharedText), 'si').map((si) => textOf(si));
    const sheetList = elements(workbook, 'sheets')[0];
    const declared = sheetList === undefined ? [] : elements(sheetList, 'sheet');
    if (declared.length === 0) return refuse('inventory-xlsx-not-workbook');
    const sheets: Table[] = [];
    for (const [index, sheet] of declared.slice(0, MAX_SHEETS).entries()) {
      const target =
        targets.get(sheet.attributes.id ?? '') ?? `xl/worksheets/sheet${String(index + 1)}.xml`;
      const sheetText = text(target);
      if (sheetText === undefined) continue;
      const rows = readSheet(parseXml(sheetText), shared, limits);
      if (typeof rows === 'string') return refuse(rows, { ...limits });
      sheets.push({ name: sheet.attributes.name ?? `Sheet${String(index + 1)}`, rows });
    }
    if (sheets.length === 0) return refuse('inventory-xlsx-not-workbook');
    return { sheets, diagnostics: [] };
  } catch (error) {
    if (error instanceof XmlRefused) return refuse(error.code);
    throw error;
  }
}
