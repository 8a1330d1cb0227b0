/**
 * The last step of DOCX rendering, on the package the `docx` library packed: puts each table's
 * XML where its placeholder is, declares the links found in tables, writes the font table, and
 * makes the bytes depend on the document only. `docx` takes ids from process-wide counters
 * (bookmarks, drawings) and from `Math.random` (link relationships), and dates the package and
 * its zip entries with the clock: those are renumbered in order of appearance and dated with
 * the document's date. Pure.
 */
import { TABLE_SLOT_STYLE } from './docx-content.js';
import { FONT_TABLE, TABLE_STYLE } from './docx-styles.js';
import { escapeAttribute } from './docx-table.js';
import { readZip, writeZip, type ZipEntry } from './docx-zip.js';

export interface PackageParts {
  /** The document's date (YYYY-MM-DD): package properties and zip entries. */
  readonly date: string;
  /** XML chunks of each table, by placeholder number. */
  readonly tables: readonly (readonly string[])[];
  /** Relationship id → URL of the links in tables. */
  readonly links: readonly (readonly [string, string])[];
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Random relationship ids (`rId` + nanoid) → `rIdR1`, `rIdR2`… in order of appearance. */
function randomRelationshipIds(entries: readonly ZipEntry[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.name.endsWith('.rels')) continue;
    for (const match of entry.data.toString('utf8').matchAll(/\sId="(rId[^"]*)"/g)) {
      const id = match[1] ?? '';
      if (!/^rId\d+$/.test(id) && !id.startsWith('rIdVigie') && !ids.has(id)) {
        ids.set(id, `rIdR${String(ids.size + 1)}`);
      }
    }
  }
  return ids;
}

function renameRelationships(xml: string, ids: ReadonlyMap<string, string>): string {
  if (ids.size === 0) return xml;
  return xml.replace(
    /(\s(?:Id|r:id|r:embed|r:link|r:pict)=")(rId[^"]*)"/g,
    (all, head: string, id: string) => {
      const renamed = ids.get(id);
      return renamed === undefined ? all : `${head}${renamed}"`;
    },
  );
}

/**
 * Bookmark ids (and the `_Toc` bookmark names built from them) and drawing ids, renumbered from
 * 1 in order of appearance. Only tags are touched: text content cannot contain `<`.
 */
export function renumberIds(xml: string): string {
  const bookmarks = new Map<string, string>();
  const number = (old: string): string => {
    let n = bookmarks.get(old);
    if (n === undefined) {
      n = String(bookmarks.size + 1);
      bookmarks.set(old, n);
    }
    return n;
  };
  let drawings = 0;
  return xml.replace(
    /<w:bookmark(?:Start|End) [^>]*>|<w:hyperlink [^>]*>|<w:instrText xml:space="preserve">PAGEREF _Toc\d+ |<wp:docPr id="\d+"/g,
    (tag) => {
      if (tag.startsWith('<wp:docPr')) return `<wp:docPr id="${String(++drawings)}"`;
      return tag
        .replace(/\bw:id="(\d+)"/, (_, id: string) => `w:id="${number(id)}"`)
        .replace(
          /(["\s])_Toc(\d+)\b/,
          (_, before: string, id: string) => `${before}_Toc${number(id)}`,
        );
    },
  );
}

const SLOT = new RegExp(
  `<w:p><w:pPr><w:pStyle w:val="${TABLE_SLOT_STYLE}"/></w:pPr><w:r><w:t xml:space="preserve">(\\d+)</w:t></w:r></w:p>`,
  'g',
);

/** document.xml with each table placeholder replaced by the table (as bytes: tables can be large). */
function injectTables(xml: string, tables: readonly (readonly string[])[]): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  let count = 0;
  for (const match of xml.matchAll(SLOT)) {
    const table = tables[Number(match[1])];
    if (table === undefined) throw new Error(`DOCX: no table for placeholder ${String(match[1])}`);
    parts.push(
      Buffer.from(xml.slice(last, match.index), 'utf8'),
      Buffer.from(table.join(''), 'utf8'),
    );
    last = match.index + match[0].length;
    count++;
  }
  if (count !== tables.length) {
    throw new Error(`DOCX: ${String(tables.length)} tables but ${String(count)} placeholders`);
  }
  parts.push(Buffer.from(xml.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

function addLinks(rels: string, links: PackageParts['links']): string {
  if (links.length === 0) return rels;
  const added = links
    .map(
      ([id, href]) =>
        `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${escapeAttribute(href)}" TargetMode="External"/>`,
    )
    .join('');
  return rels.replace('</Relationships>', `${added}</Relationships>`);
}

const FIRST = ['[Content_Types].xml', '_rels/.rels'];

/** The finished, deterministic package. */
export function finishPackage(packed: Buffer, parts: PackageParts): Buffer {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(parts.date) ? parts.date : '1980-01-01';
  const entries = readZip(packed);
  const ids = randomRelationshipIds(entries);
  const out: ZipEntry[] = entries.map((entry) => {
    const { name } = entry;
    if (name === 'word/fontTable.xml') return { name, data: Buffer.from(FONT_TABLE, 'utf8') };
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) return entry;
    let xml = renameRelationships(entry.data.toString('utf8'), ids);
    if (name === 'word/document.xml') {
      return { name, data: injectTables(renumberIds(xml), parts.tables) };
    }
    if (name === 'word/_rels/document.xml.rels') xml = addLinks(xml, parts.links);
    if (name === 'word/styles.xml') xml = xml.replace('</w:styles>', `${TABLE_STYLE}</w:styles>`);
    if (name === 'docProps/core.xml') {
      xml = xml.replace(
        /(<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">)[^<]*/g,
        `$1${date}T00:00:00Z`,
      );
    }
    return { name, data: Buffer.from(xml, 'utf8') };
  });
  out.sort((a, b) => rank(a.name) - rank(b.name));
  return writeZip(out, date);
}

/** `[Content_Types].xml` and the package relationships first, then docx's order (sort is stable). */
function rank(name: string): number {
  const i = FIRST.indexOf(name);
  return i === -1 ? FIRST.length : i;
}
