/**
 * CSV tables as spreadsheets export them (RFC 4180): quoted fields with `""` escapes and
 * embedded line breaks, CRLF or LF line ends, an optional UTF-8 byte order mark, and the
 * delimiter detected among `;` (French Excel), `,` and tab. Bytes that are not UTF-8 are read as
 * Windows-1252 (what French Excel writes by default). Bounded: rows, columns and cell length; every
 * problem is a located diagnostic (1-based row and column), never an exception.
 */
import type { Diagnostic } from '../../domain/diagnostic.js';
import type { InventoryLocale } from './messages.js';
import { problem } from './messages.js';

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface TableLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCellChars: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
  maxRows: 50_000,
  maxColumns: 200,
  maxCellChars: 10_000,
};

/** A table read from a file: rows of cells (trailing empty rows removed). */
export interface Table {
  /** The sheet's name (XLSX) or the file's name (CSV). */
  readonly name: string;
  readonly rows: readonly (readonly string[])[];
}

export interface CsvResult {
  /** Undefined when the file cannot be read as a table (an error diagnostic says why). */
  readonly table: Table | undefined;
  readonly delimiter: CsvDelimiter;
  readonly diagnostics: readonly Diagnostic[];
}

/** The file's text: UTF-8 (byte order mark removed), else Windows-1252; undefined for binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  // NUL or other control characters (other than tab and line ends) mean a binary file.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text.slice(0, 65_536))) return undefined;
  return text;
}

/** The delimiter that splits the first lines most consistently (quotes respected). */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 65_536);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const counts: number[] = [];
    let count = 0;
    let quoted = false;
    for (let i = 0; i < sample.length && counts.length < 20; i++) {
      const c = sample[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === delimiter) count++;
      else if (!quoted && c === '\n') {
        counts.push(count);
        count = 0;
      }
    }
    if (counts.length < 20) counts.push(count);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines agreeing with the header line's count, weighted by the count.
    const agreeing = counts.filter((n) => n === first).length;
    const score = agreeing * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

/**
 * Parses CSV text (see the module comment). `file` names the source in diagnostics.
 */
export function parseCsv(
  text: string,
  file: string,
  locale: InventoryLocale,
  options: { delimiter?: CsvDelimiter; limits?: TableLimits } = {},
): CsvResult {
  const limits = options.limits ?? DEFAULT_TABLE_LIMITS;
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const diagnostics: Diagnostic[] = [];
  const fail = (code: string, line: number, column: number, params = {}): CsvResult => ({
    table: undefined,
    delimiter,
    diagnostics: [...diagnostics, problem(locale, code, 'error', file, line, column, params)],
  });
  if (source.trim() === '') return fail('inventory-empty-file', 0, 0);

  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteRow = 0;
  let quoteColumn = 0;
  let line = 1;
  let wasQuoted = false;
  const endCell = (): boolean => {
    row.push(wasQuoted ? cell : cell.trim());
    cell = '';
    wasQuoted = false;
    return row.length <= limits.maxColumns;
  };
  const endRow = (): void => {
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      cell = '';
      quoteRow = line;
      quoteColumn = row.length + 1;
    } else if (c === delimiter) {
      if (!endCell()) return fail('inventory-too-many-columns', line, row.length, limits);
    } else if (c === '\r' && source[i + 1] === '\n') {
      continue;
    } else if (c === '\n' || c === '\r') {
      if (!endCell()) return fail('inventory-too-many-columns', line, row.length, limits);
      endRow();
      line++;
      if (rows.length > limits.maxRows) return fail('inventory-too-many-rows', line, 0, limits);
    } else if (wasQuoted) {
      // Text after a closing quote: keep it, but say the quoting is odd.
      if (c !== ' ') {
        diagnostics.push(
          problem(locale, 'inventory-csv-stray-quote', 'warning', file, line, row.length + 1),
        );
        wasQuoted = false;
        cell = `"${cell}"${c}`;
      }
    } else cell += c;
    if (cell.length > limits.maxCellChars) {
      return fail('inventory-cell-too-long', line, row.length + 1, limits);
    }
  }
  if (quoted) return fail('inventory-csv-unclosed-quote', quoteRow, quoteColumn);
  if (cell !== '' || wasQuoted || row.length > 0) {
    endCell();
    endRow();
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((v) => v === '')) rows.pop();
  if (rows.length === 0) return fail('inventory-empty-file', 0, 0);
  if (rows.every((r) => r.length <= 1) && rows.length > 1 && !source.includes(delimiter)) {
    diagnostics.push(
      problem(locale, 'inventory-csv-one-column', 'warning', file, 1, 1, { delimiter }),
    );
  }
  return { table: { name: file, rows }, delimiter, diagnostics };
}
