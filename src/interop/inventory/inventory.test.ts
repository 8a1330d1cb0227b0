import { describe, expect, it } from 'vitest';
import { readZipEntries } from '../../platform/models/zip.js';
import { validateModelFiles } from '../../platform/models/validation.js';
import { writeZip } from '../../documents/render/docx-zip.js';
import { xlsxOf } from '../../../test/support/xlsx.js';
import {
  assetKindOf,
  detectAssetMapping,
  detectDelimiter,
  inventoryToModel,
  MESSAGE_CODES,
  message,
  parseCsv,
  parseXml,
  previewInventory,
  readInventoryFile,
  readXlsx,
  zoneKindOf,
  type UnzipEntries,
} from './index.js';

const unzip: UnzipEntries = (bytes, accept) =>
  readZipEntries(bytes, accept, { maxTotalBytes: 1024 * 1024 });

const rowsOf = (text: string) => parseCsv(text, 'x.csv', 'en').table?.rows;

describe('CSV parser', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const text =
      'nom;commentaire\r\nsrv-1;"un ""grand"" serveur;\nsur deux lignes"\r\nsrv-2;ok\r\n';
    expect(rowsOf(text)).toEqual([
      ['nom', 'commentaire'],
      ['srv-1', 'un "grand" serveur;\nsur deux lignes'],
      ['srv-2', 'ok'],
    ]);
  });

  it('detects ; , and tab delimiters, and strips a byte order mark', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    // Commas inside quotes do not count.
    expect(detectDelimiter('"a,b";c\n"1,2";3\n')).toBe(';');
    expect(rowsOf('\uFEFFname,zone\nfw,dmz\n')).toEqual([
      ['name', 'zone'],
      ['fw', 'dmz'],
    ]);
  });

  it('reports an unclosed quote at its row and column', () => {
    const result = parseCsv('name,zone\nfw,"dmz\nsrv,lan\n', 'inv.csv', 'fr');
    expect(result.table).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      code: 'inventory-csv-unclosed-quote',
      severity: 'error',
      file: 'inv.csv',
      line: 2,
      column: 2,
    });
    expect(result.diagnostics[0]?.message).toContain('guillemets');
  });

  it('refuses empty, binary and oversized input with a diagnostic', () => {
    expect(parseCsv('  \n', 'e.csv', 'en').diagnostics[0]?.code).toBe('inventory-empty-file');
    const binary = readInventoryFile(
      { name: 'x.csv', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]) },
      0,
      'en',
      unzip,
    );
    expect(binary.diagnostics[0]?.code).toBe('inventory-not-text');
    const wide = parseCsv('a,b,c,d\n', 'w.csv', 'en', {
      limits: { maxRows: 10, maxColumns: 3, maxCellChars: 100 },
    });
    expect(wide.diagnostics[0]?.code).toBe('inventory-too-many-columns');
    const long = parseCsv('a\nb\nc\nd\n', 'l.csv', 'en', {
      limits: { maxRows: 2, maxColumns: 3, maxCellChars: 100 },
    });
    expect(long.diagnostics[0]?.code).toBe('inventory-too-many-rows');
  });

  it('reads Windows-1252 files (French Excel) as well as UTF-8', () => {
    const bytes = Buffer.from([0x6e, 0x6f, 0x6d, 0x0a, 0x50, 0x6f, 0x73, 0x74, 0x65, 0x20, 0xe9]);
    const read = readInventoryFile({ name: 'a.csv', bytes }, 0, 'en', unzip);
    expect(read.tables[0]?.rows[1]).toEqual(['Poste é']);
  });
});

describe('XLSX reader', () => {
  it('reads shared strings, numbers, inline strings and every sheet', () => {
    const bytes = xlsxOf([
      {
        name: 'Actifs',
        rows: [
          ['Nom', 'Quantité'],
          ['Postes', 12],
          ['', ''],
          ['Imprimante', 1],
        ],
      },
      {
        name: 'Flux',
        rows: [
          ['', 'srv'],
          ['Postes', 'smb/445'],
        ],
      },
    ]);
    const result = readXlsx(bytes, 'inv.xlsx', 'en', unzip);
    expect(result.diagnostics).toEqual([]);
    expect(result.sheets.map((s) => s.name)).toEqual(['Actifs', 'Flux']);
    expect(result.sheets[0]?.rows).toEqual([
      ['Nom', 'Quantité'],
      ['Postes', '12'],
      [],
      ['Imprimante', '1'],
    ]);
    expect(result.sheets[1]?.rows[1]).toEqual(['Postes', 'smb/445']);
  });

  it('refuses a DOCTYPE, an unknown entity, a plain zip and a text file renamed .xlsx', () => {
    const doctype = xlsxOf([{ name: 'S', rows: [['a']] }], {
      'xl/sharedStrings.xml':
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol">]><sst><si><t>&lol;</t></si></sst>',
    });
    expect(readXlsx(doctype, 'd.xlsx', 'en', unzip).diagnostics[0]?.code).toBe(
      'inventory-xlsx-doctype',
    );
    const entity = xlsxOf([{ name: 'S', rows: [['a']] }], {
      'xl/sharedStrings.xml': '<sst><si><t>&xxe;</t></si></sst>',
    });
    expect(readXlsx(entity, 'e.xlsx', 'en', unzip).diagnostics[0]?.code).toBe(
      'inventory-xlsx-entity',
    );
    const zip = writeZip([{ name: 'model.yaml', data: Buffer.from('a: 1') }], '2026-01-01');
    expect(readXlsx(zip, 'z.xlsx', 'en', unzip).diagnostics[0]?.code).toBe(
      'inventory-xlsx-not-workbook',
    );
    const text = readInventoryFile(
      { name: 't.xlsx', bytes: Buffer.from('name,zone\n') },
      0,
      'en',
      unzip,
    );
    expect(text.diagnostics[0]?.code).toBe('inventory-xlsx-not-zip');
    const truncated = xlsxOf([{ name: 'S', rows: [['a']] }]).subarray(0, 60);
    expect(readXlsx(truncated, 'c.xlsx', 'en', unzip).diagnostics[0]?.code).toBe(
      'inventory-xlsx-zip',
    );
    expect(() => parseXml('<a><b></a>')).toThrow();
  });
});

describe('mapping and conversion', () => {
  const csv = [
    'Nom;Type;Zone;Site;Adresse IP;Système;Version',
    'Pare-feu;pare-feu;LAN;Siège;192.168.1.254;;',
    'Serveur ERP;serveur;Serveurs;Siège;192.168.10.5, 10.0.0.300;Windows Server;2019',
    ';;;;;;',
    'Postes;poste;LAN;Siège;;Windows 11;',
    ';imprimante;LAN;Siège;;;',
    'Machine X;grille-pain;Zone inconnue;Siège;;;',
  ].join('\n');

  it('recognises French and English headers', () => {
    const table = parseCsv(csv, 'inv.csv', 'fr').table;
    expect(table).toBeDefined();
    expect(detectAssetMapping(table!).columns).toEqual({
      name: 0,
      kind: 1,
      zone: 2,
      site: 3,
      addresses: 4,
      os: 5,
      osVersion: 6,
    });
    const english = detectAssetMapping({
      name: 'e',
      rows: [
        ['', ''],
        ['Asset name', 'IP addresses', 'Operating system', 'Network zone'],
      ],
    });
    expect(english).toEqual({
      headerRow: 1,
      columns: { name: 0, addresses: 1, os: 2, zone: 3 },
    });
    expect(assetKindOf('Contrôleur de domaine')).toBe('directory');
    expect(assetKindOf('virtual-machine')).toBe('virtual-machine');
    expect(zoneKindOf('Wi-Fi invités')).toBe('guest-wifi');
    expect(zoneKindOf('Réseau industriel')).toBe('ot');
  });

  it('converts rows to valid model files with located diagnostics', () => {
    const table = parseCsv(csv, 'inv.csv', 'en').table!;
    const flows = parseCsv(
      [
        'de \\ vers;Serveur ERP;Internet;Nulle part',
        'LAN;https/443, rdp;;',
        'Serveur ERP;;https;',
        'Postes;;;smb',
      ].join('\n'),
      'flux.csv',
      'en',
    ).table!;
    const result = inventoryToModel(
      {
        organisation: { name: 'PME test' },
        assets: { file: 'inv.csv', table, mapping: detectAssetMapping(table) },
        flows: { file: 'flux.csv', table: flows, mapping: { layout: 'matrix', headerRow: 0 } },
      },
      'en',
    );
    expect(result.counts).toEqual({ sites: 1, zones: 4, assets: 4, flows: 3 });
    const at = (code: string) =>
      result.diagnostics.filter((d) => d.code === code).map((d) => [d.file, d.line, d.column]);
    expect(at('inventory-invalid-address')).toEqual([['inv.csv', 3, 5]]);
    expect(at('inventory-row-skipped')).toEqual([['inv.csv', 6, 1]]);
    expect(at('inventory-unknown-kind')).toEqual([['inv.csv', 7, 2]]);
    expect(at('inventory-unknown-endpoint')).toEqual([['flux.csv', 1, 4]]);
    expect(result.files['assets.yaml']).toContain("version: '2019'");
    const validation = validateModelFiles(result.files);
    expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validation.counts.assets).toBe(4);
    expect(validation.counts.flows).toBe(3);
    expect(result.files['flows.yaml']).toMatch(/protocol: rdp[\s\S]*port: 3389/);
  });

  it('makes an unknown zone a diagnostic when the model already has zones', () => {
    const table = parseCsv('name,zone\nfw,dmz\nsrv,nowhere\n', 'i.csv', 'en').table!;
    const result = inventoryToModel(
      {
        organisation: { name: 'O' },
        knownZones: [{ id: 'dmz-siege', name: 'DMZ' }],
        assets: { file: 'i.csv', table, mapping: detectAssetMapping(table) },
      },
      'en',
    );
    expect(result.diagnostics.find((d) => d.code === 'inventory-unknown-zone')).toMatchObject({
      line: 3,
      column: 2,
      severity: 'warning',
    });
    expect(result.files['assets.yaml']).toContain('zone: dmz-siege');
  });

  it('previews an XLSX workbook with an asset sheet and a flow list sheet', () => {
    const bytes = xlsxOf([
      {
        name: 'Inventaire',
        rows: [
          ['Hostname', 'IP', 'OS', 'Zone', 'Kind'],
          ['srv-web', '10.0.1.10', 'Debian 12', 'DMZ', 'server'],
          ['poste-1', '10.0.2.10', 'Windows 11', 'LAN', 'workstation'],
        ],
      },
      {
        name: 'Flows',
        rows: [
          ['Source', 'Destination', 'Protocol', 'Port'],
          ['LAN', 'srv-web', 'https', 443],
          ['Internet', 'srv-web', 'https', 443],
          ['LAN', 'srv-web', 'foo', 99999],
        ],
      },
    ]);
    const preview = previewInventory(
      { files: [{ name: 'inv.xlsx', bytes }], organisation: { name: 'O' } },
      'fr',
      unzip,
    );
    expect(preview.choice.assets?.table).toBe('0:0');
    expect(preview.choice.flows).toMatchObject({ table: '0:1', layout: 'list' });
    expect(preview.counts).toMatchObject({ assets: 2, flows: 3, zones: 3 });
    expect(
      preview.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.line]),
    ).toEqual([
      ['inventory-invalid-port', 4],
      ['inventory-unknown-protocol', 4],
    ]);
    expect(preview.diagnostics[0]?.file).toBe('inv.xlsx › Flows');
    expect(validateModelFiles(preview.files).errors).toBe(0);
  });

  it('has every message in both languages', () => {
    for (const code of MESSAGE_CODES) {
      expect(message('en', code)).not.toBe(code);
      expect(message('fr', code)).not.toBe(message('en', code));
    }
  });
});
