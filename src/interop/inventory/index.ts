/**
 * Inventory import: files (CSV or XLSX) → tables → column mapping (detected, or chosen by the
 * user) → model files, with every problem a located diagnostic. Pure: the zip reader of XLSX
 * files is the caller's ({@link UnzipEntries}).
 */
import type { Diagnostic } from '../../domain/diagnostic.js';
import { compareDiagnostics } from '../../domain/diagnostic.js';
import { decodeText, parseCsv, type Table, type TableLimits } from './csv.js';
import { inventoryToModel, type InventoryCounts } from './convert.js';
import {
  ASSET_FIELDS,
  detectAssetMapping,
  detectFlowMapping,
  FLOW_FIELDS,
  looksLikeFlows,
  type AssetMapping,
  type FlowMapping,
} from './mapping.js';
import { problem, type InventoryLocale } from './messages.js';
import { readXlsx, type UnzipEntries } from './xlsx.js';

export { parseCsv, decodeText, detectDelimiter, DEFAULT_TABLE_LIMITS } from './csv.js';
export type { Table, TableLimits, CsvDelimiter } from './csv.js';
export { readXlsx, parseXml, type UnzipEntries, type UnzipFailure } from './xlsx.js';
export { inventoryToModel, type InventoryInput, type InventoryModel } from './convert.js';
export * from './mapping.js';
export { slugify, IdAllocator } from './ids.js';
export { message, problem, MESSAGE_CODES, type InventoryLocale } from './messages.js';

export interface InventoryFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A table of an uploaded file, as the mapping step shows it. */
export interface InventoryTable {
  /** `0` for a CSV file, `0:1` for the second sheet of the first file. */
  readonly key: string;
  readonly file: string;
  /** The sheet's name (XLSX), absent for CSV. */
  readonly sheet?: string;
  readonly rows: readonly (readonly string[])[];
}

/** The user's choices: which table holds assets, which flows, and their columns. */
export interface InventoryChoice {
  readonly assets?: { readonly table: string } & AssetMapping;
  readonly flows?: { readonly table: string } & FlowMapping;
}

export interface InventoryPreview {
  /** Every table read, with its first rows (at most `sampleRows`) for the mapping step. */
  readonly tables: readonly (Omit<InventoryTable, 'rows'> & {
    readonly rowCount: number;
    readonly sample: readonly (readonly string[])[];
  })[];
  /** The mapping used: the caller's, or the one detected. */
  readonly choice: InventoryChoice;
  readonly files: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: InventoryCounts;
}

export const INVENTORY_FIELDS = { assets: ASSET_FIELDS, flows: FLOW_FIELDS } as const;

/** Reads one file as tables (a CSV file is one table; an XLSX workbook one per sheet). */
export function readInventoryFile(
  file: InventoryFile,
  index: number,
  locale: InventoryLocale,
  unzip: UnzipEntries,
  limits?: TableLimits,
): { tables: InventoryTable[]; diagnostics: Diagnostic[] } {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
    const result = readXlsx(file.bytes, file.name, locale, unzip, limits);
    return {
      tables: result.sheets.map((sheet, s) => ({
        key: `${String(index)}:${String(s)}`,
        file: file.name,
        sheet: sheet.name,
        rows: sheet.rows,
      })),
      diagnostics: [...result.diagnostics],
    };
  }
  if (!/\.(csv|tsv|txt)$/.test(lower)) {
    return {
      tables: [],
      diagnostics: [problem(locale, 'inventory-unsupported-file', 'error', file.name, 0, 0)],
    };
  }
  if (file.bytes.length === 0) {
    return {
      tables: [],
      diagnostics: [problem(locale, 'inventory-empty-file', 'error', file.name, 0, 0)],
    };
  }
  const text = decodeText(file.bytes);
  if (text === undefined) {
    return {
      tables: [],
      diagnostics: [problem(locale, 'inventory-not-text', 'error', file.name, 0, 0)],
    };
  }
  const result = parseCsv(
    text,
    file.name,
    locale,
    lower.endsWith('.tsv')
      ? { delimiter: '\t', ...(limits ? { limits } : {}) }
      : limits
        ? { limits }
        : {},
  );
  return {
    tables:
      result.table === undefined
        ? []
        : [{ key: String(index), file: file.name, rows: result.table.rows }],
    diagnostics: [...result.diagnostics],
  };
}

/** The mapping detected for the tables: the first asset-like table, the first flow-like one. */
export function detectChoice(tables: readonly InventoryTable[]): InventoryChoice {
  const asTable = (t: InventoryTable): Table => ({ name: t.sheet ?? t.file, rows: t.rows });
  const flowTable = tables.find((t) => looksLikeFlows(asTable(t)));
  const assetTable = tables.find((t) => t !== flowTable);
  return {
    ...(assetTable === undefined
      ? {}
      : { assets: { table: assetTable.key, ...detectAssetMapping(asTable(assetTable)) } }),
    ...(flowTable === undefined
      ? {}
      : { flows: { table: flowTable.key, ...detectFlowMapping(asTable(flowTable)) } }),
  };
}

const label = (t: InventoryTable): string =>
  t.sheet === undefined ? t.file : `${t.file} › ${t.sheet}`;

/**
 * Reads the files, applies the choice (detected when absent) and converts: what the preview
 * shows and what a commit saves.
 */
export function previewInventory(
  input: {
    readonly files: readonly InventoryFile[];
    readonly choice?: InventoryChoice;
    readonly organisation: { readonly name: string; readonly country?: string };
    readonly knownZones?: readonly { readonly id: string; readonly name?: string }[];
    readonly sampleRows?: number;
  },
  locale: InventoryLocale,
  unzip: UnzipEntries,
): InventoryPreview {
  const tables: InventoryTable[] = [];
  const diagnostics: Diagnostic[] = [];
  input.files.forEach((file, index) => {
    const read = readInventoryFile(file, index, locale, unzip);
    tables.push(...read.tables);
    diagnostics.push(...read.diagnostics);
  });
  const choice = input.choice ?? detectChoice(tables);
  const byKey = new Map(tables.map((t) => [t.key, t]));
  const assetTable = choice.assets === undefined ? undefined : byKey.get(choice.assets.table);
  const flowTable = choice.flows === undefined ? undefined : byKey.get(choice.flows.table);
  const converted = inventoryToModel(
    {
      organisation: input.organisation,
      ...(input.knownZones === undefined ? {} : { knownZones: input.knownZones }),
      ...(assetTable === undefined || choice.assets === undefined
        ? {}
        : {
            assets: {
              file: label(assetTable),
              table: { name: label(assetTable), rows: assetTable.rows },
              mapping: choice.assets,
            },
          }),
      ...(flowTable === undefined || choice.flows === undefined
        ? {}
        : {
            flows: {
              file: label(flowTable),
              table: { name: label(flowTable), rows: flowTable.rows },
              mapping: choice.flows,
            },
          }),
    },
    locale,
  );
  const sampleRows = input.sampleRows ?? 8;
  return {
    tables: tables.map(({ rows, ...rest }) => ({
      ...rest,
      rowCount: rows.length,
      sample: rows.slice(0, sampleRows),
    })),
    choice,
    files: converted.files,
    diagnostics: [...diagnostics, ...converted.diagnostics].sort(compareDiagnostics),
    counts: converted.counts,
  };
}
