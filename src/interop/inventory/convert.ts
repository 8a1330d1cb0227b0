/**
 * Inventory tables → model files: assets (with their zone, site, addresses and OS) from an asset
 * table, flows from a flow table (a list or a source × destination matrix whose cells name the
 * protocol and port: `https/443`, `tcp 3389`, `smb`, several per cell separated by `,`, `;` or
 * line breaks). Zones and sites named in the asset table are created (their type guessed from
 * their name) unless `knownZones` is given, in which case an unknown zone is a diagnostic. Every
 * problem is a diagnostic located at the table's row and column (1-based); nothing throws.
 */
import type { Diagnostic } from '../../domain/diagnostic.js';
import { compareDiagnostics } from '../../domain/diagnostic.js';
import type { Asset } from '../../domain/model/asset.js';
import { ipAddressSchema } from '../../domain/model/common.js';
import type { Flow } from '../../domain/model/flow.js';
import type { Protocol } from '../../domain/model/protocol.js';
import type { Site } from '../../domain/model/site.js';
import type { Zone, ZoneKind } from '../../domain/model/zone.js';
import type { Table } from './csv.js';
import { IdAllocator, normalise } from './ids.js';
import {
  assetKindOf,
  defaultPort,
  defaultTransport,
  protocolOf,
  protocolOfPort,
  zoneKindOf,
  type AssetMapping,
  type FlowMapping,
} from './mapping.js';
import { problem, type InventoryLocale } from './messages.js';
import { modelYaml } from './yaml-out.js';

export interface InventoryInput {
  readonly organisation: { readonly name: string; readonly country?: string };
  readonly assets?: {
    readonly file: string;
    readonly table: Table;
    readonly mapping: AssetMapping;
  };
  readonly flows?: { readonly file: string; readonly table: Table; readonly mapping: FlowMapping };
  /** Zones of an existing model: assets may only name these (by id or name). */
  readonly knownZones?: readonly { readonly id: string; readonly name?: string }[];
}

export interface InventoryCounts {
  readonly sites: number;
  readonly zones: number;
  readonly assets: number;
  readonly flows: number;
}

export interface InventoryModel {
  /** Model files by name (`organisation.yaml`, `zones.yaml`, `assets.yaml`, `flows.yaml`). */
  readonly files: Readonly<Record<string, string>>;
  /** Conversion problems, located in the source tables, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: InventoryCounts;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Context {
  readonly locale: InventoryLocale;
  readonly ids: IdAllocator;
  readonly diagnostics: Diagnostic[];
  readonly zones: Map<string, Mutable<Zone>>;
  readonly zoneSites: Map<string, Set<string>>;
  readonly sites: Map<string, Site>;
  /** Asset and zone ids by normalised id and name, for flow endpoints. */
  readonly endpoints: Map<string, string>;
}

const cellOf = (row: readonly string[], column: number | undefined): string =>
  column === undefined ? '' : (row[column] ?? '').trim();

function siteFor(ctx: Context, name: string, file: string, line: number, column: number): string {
  const key = normalise(name);
  const existing = ctx.sites.get(key);
  if (existing !== undefined) return existing.id;
  const id = ctx.ids.allocate(name, 'site');
  ctx.sites.set(key, { id, name });
  ctx.diagnostics.push(
    problem(ctx.locale, 'inventory-site-created', 'info', file, line, column, { name }),
  );
  return id;
}

function zoneFor(
  ctx: Context,
  input: InventoryInput,
  name: string,
  file: string,
  line: number,
  column: number,
): string | undefined {
  const key = normalise(name);
  const existing = ctx.zones.get(key);
  if (existing !== undefined) return existing.id;
  if (input.knownZones !== undefined) {
    const known = input.knownZones.find(
      (z) => normalise(z.id) === key || (z.name !== undefined && normalise(z.name) === key),
    );
    if (known !== undefined) return known.id;
    ctx.diagnostics.push(
      problem(ctx.locale, 'inventory-unknown-zone', 'warning', file, line, column, { name }),
    );
    return undefined;
  }
  const kind: ZoneKind = zoneKindOf(name);
  const id = ctx.ids.allocate(name, 'zone');
  ctx.zones.set(key, { id, name, kind });
  ctx.endpoints.set(key, id);
  ctx.endpoints.set(normalise(id), id);
  ctx.diagnostics.push(
    problem(ctx.locale, 'inventory-zone-created', 'info', file, line, column, { name, kind }),
  );
  return id;
}

function convertAssets(
  ctx: Context,
  input: InventoryInput,
  source: NonNullable<InventoryInput['assets']>,
): Asset[] {
  const { file, table, mapping } = source;
  const col = mapping.columns;
  const at = (c: number | undefined): number => (c === undefined ? 0 : c + 1);
  if (col.name === undefined && col.id === undefined && col.hostname === undefined) {
    ctx.diagnostics.push(
      problem(ctx.locale, 'inventory-no-name-column', 'error', file, mapping.headerRow + 1, 0),
    );
    return [];
  }
  const assets: Asset[] = [];
  for (let r = mapping.headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    const line = r + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const name = cellOf(row, col.name) || cellOf(row, col.id) || cellOf(row, col.hostname);
    if (name === '') {
      ctx.diagnostics.push(
        problem(ctx.locale, 'inventory-row-skipped', 'warning', file, line, at(col.name)),
      );
      continue;
    }
    const wantedId = cellOf(row, col.id);
    const id = ctx.ids.allocate(wantedId || name, 'asset');
    if (wantedId !== '' && wantedId !== id) {
      ctx.diagnostics.push(
        problem(ctx.locale, 'inventory-id-changed', 'info', file, line, at(col.id), {
          from: wantedId,
          to: id,
        }),
      );
    }
    const kindText = cellOf(row, col.kind);
    let kind = assetKindOf(kindText);
    if (kind === undefined) {
      kind = 'other';
      ctx.diagnostics.push(
        kindText === ''
          ? problem(ctx.locale, 'inventory-no-kind', 'warning', file, line, at(col.kind))
          : problem(ctx.locale, 'inventory-unknown-kind', 'warning', file, line, at(col.kind), {
              value: kindText,
            }),
      );
    }
    const asset: Mutable<Asset> = { id, name, kind };
    const description = cellOf(row, col.description);
    if (description !== '') asset.description = description;
    const zoneName = cellOf(row, col.zone);
    const siteName = cellOf(row, col.site);
    const siteId = siteName === '' ? undefined : siteFor(ctx, siteName, file, line, at(col.site));
    if (zoneName !== '') {
      const zone = zoneFor(ctx, input, zoneName, file, line, at(col.zone));
      if (zone !== undefined) {
        asset.zone = zone;
        if (siteId !== undefined) {
          const sites = ctx.zoneSites.get(zone) ?? new Set<string>();
          sites.add(siteId);
          ctx.zoneSites.set(zone, sites);
        }
      } else if (siteId !== undefined) asset.site = siteId;
    } else {
      if (siteId !== undefined) asset.site = siteId;
      if (kind !== 'saas' && kind !== 'cloud-service') {
        ctx.diagnostics.push(
          problem(ctx.locale, 'inventory-no-zone', 'warning', file, line, at(col.zone)),
        );
      }
    }
    const hostname = cellOf(row, col.hostname);
    if (hostname !== '' && hostname.length <= 253) asset.hostname = hostname;
    const addresses: string[] = [];
    for (const value of cellOf(row, col.addresses).split(/[\s,;|/]+/)) {
      if (value === '') continue;
      if (ipAddressSchema.safeParse(value).success) {
        if (!addresses.includes(value)) addresses.push(value);
      } else {
        ctx.diagnostics.push(
          problem(
            ctx.locale,
            'inventory-invalid-address',
            'warning',
            file,
            line,
            at(col.addresses),
            {
              value,
            },
          ),
        );
      }
    }
    if (addresses.length > 0) asset.addresses = addresses;
    const os = cellOf(row, col.os);
    const osVersion = cellOf(row, col.osVersion);
    if (os !== '') {
      asset.os = {
        name: os.slice(0, 200),
        ...(osVersion === '' ? {} : { version: osVersion.slice(0, 100) }),
      };
    }
    const count = cellOf(row, col.count);
    if (count !== '') {
      const n = Number(count);
      if (Number.isInteger(n) && n >= 1) {
        if (n > 1) asset.count = n;
      } else {
        ctx.diagnostics.push(
          problem(ctx.locale, 'inventory-invalid-count', 'warning', file, line, at(col.count), {
            value: count,
          }),
        );
      }
    }
    ctx.endpoints.set(normalise(name), id);
    ctx.endpoints.set(normalise(id), id);
    if (hostname !== '') ctx.endpoints.set(normalise(hostname), id);
    assets.push(asset);
  }
  return assets;
}

interface FlowSpec {
  protocol: Protocol;
  transport?: 'tcp' | 'udp';
  port?: number;
}

/** `https/443`, `tcp 3389`, `443`, `smb` → one flow spec; problems reported by the caller. */
function parseFlowSpec(
  text: string,
  report: (code: string, value: string) => void,
): FlowSpec | undefined {
  let protocol: Protocol | undefined;
  let transport: 'tcp' | 'udp' | undefined;
  let port: number | undefined;
  let unknown: string | undefined;
  for (const token of text.split(/[\s/:()]+/)) {
    if (token === '') continue;
    const lower = token.toLowerCase();
    if (lower === 'tcp' || lower === 'udp') transport = lower;
    else if (/^[0-9]+$/.test(token)) {
      const n = Number(token);
      if (n <= 65_535) port ??= n;
      else report('inventory-invalid-port', token);
    } else if (/^[0-9]+-[0-9]+$/.test(token)) {
      // A port range: keep its first port.
      port ??= Number(token.split('-')[0]);
    } else if (['x', 'oui', 'yes', 'y', 'o', '✓', '✔', '1', 'ok'].includes(lower)) {
      continue;
    } else {
      const p = protocolOf(token);
      if (p === undefined) unknown ??= token;
      else protocol ??= p;
    }
  }
  protocol ??= port === undefined ? undefined : protocolOfPort(port);
  if (protocol === undefined) {
    if (unknown !== undefined) report('inventory-unknown-protocol', unknown);
    protocol = 'other';
  }
  if (protocol === 'other' && unknown === undefined && port === undefined) {
    return { protocol };
  }
  const spec: FlowSpec = { protocol };
  spec.transport = transport ?? defaultTransport(protocol);
  port ??= defaultPort(protocol);
  if (port !== undefined) spec.port = port;
  return spec;
}

function splitSpecs(text: string): string[] {
  return text
    .split(/[,;\n+]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function convertFlows(
  ctx: Context,
  source: NonNullable<InventoryInput['flows']>,
  internetZone: () => string,
): Flow[] {
  const { file, table, mapping } = source;
  const flows: Flow[] = [];
  const reported = new Set<string>();
  const endpoint = (name: string, line: number, column: number): string | undefined => {
    const key = normalise(name);
    const found = ctx.endpoints.get(key);
    if (found !== undefined) return found;
    if (zoneKindOf(name) === 'internet') return internetZone();
    if (!reported.has(`${String(line)}:${String(column)}`)) {
      reported.add(`${String(line)}:${String(column)}`);
      ctx.diagnostics.push(
        problem(ctx.locale, 'inventory-unknown-endpoint', 'error', file, line, column, { name }),
      );
    }
    return undefined;
  };
  const add = (from: string, to: string, spec: FlowSpec, purpose?: string): void => {
    const id = ctx.ids.allocate(`flux-${from}-${to}-${spec.protocol}`.slice(0, 80), 'flux');
    const flow: Mutable<Flow> = { id, from, to, protocol: spec.protocol };
    if (spec.transport !== undefined) flow.transport = spec.transport;
    if (spec.port !== undefined) flow.port = spec.port;
    if (purpose !== undefined && purpose !== '') flow.purpose = purpose.slice(0, 500);
    flows.push(flow);
  };
  if (mapping.layout === 'matrix') {
    const header = table.rows[mapping.headerRow] ?? [];
    for (let r = mapping.headerRow + 1; r < table.rows.length; r++) {
      const row = table.rows[r] ?? [];
      const sourceName = (row[0] ?? '').trim();
      if (sourceName === '' || row.slice(1).every((c) => c.trim() === '')) continue;
      const from = endpoint(sourceName, r + 1, 1);
      for (let c = 1; c < row.length; c++) {
        const cell = (row[c] ?? '').trim();
        if (cell === '') continue;
        const destination = (header[c] ?? '').trim();
        if (destination === '') continue;
        const to = endpoint(destination, mapping.headerRow + 1, c + 1);
        if (from === undefined || to === undefined) continue;
        for (const text of splitSpecs(cell)) {
          const spec = parseFlowSpec(text, (code, value) => {
            ctx.diagnostics.push(
              problem(ctx.locale, code, 'warning', file, r + 1, c + 1, { value }),
            );
          });
          if (spec !== undefined) add(from, to, spec);
        }
      }
    }
    return flows;
  }
  const col = mapping.columns;
  for (let r = mapping.headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r] ?? [];
    if (row.every((c) => c.trim() === '')) continue;
    const line = r + 1;
    const fromName = cellOf(row, col.from);
    const toName = cellOf(row, col.to);
    if (fromName === '' || toName === '') {
      ctx.diagnostics.push(
        problem(ctx.locale, 'inventory-flow-incomplete', 'warning', file, line, 0),
      );
      continue;
    }
    const from = endpoint(fromName, line, (col.from ?? 0) + 1);
    const to = endpoint(toName, line, (col.to ?? 0) + 1);
    if (from === undefined || to === undefined) continue;
    const text = [cellOf(row, col.protocol), cellOf(row, col.transport), cellOf(row, col.port)]
      .filter((s) => s !== '')
      .join(' ');
    const report = (column: number | undefined) => (code: string, value: string) => {
      ctx.diagnostics.push(
        problem(ctx.locale, code, 'warning', file, line, (column ?? 0) + 1, { value }),
      );
    };
    const spec = parseFlowSpec(
      text,
      report(/^[0-9]/.test(text) ? col.port : (col.protocol ?? col.port)),
    );
    if (spec !== undefined) add(from, to, spec, cellOf(row, col.purpose));
  }
  return flows;
}

const HEADER = {
  en: 'Imported from an inventory by Vigie: review and complete (zone types, data, flows).',
  fr: 'Importé d’un inventaire par Vigie : relisez et complétez (types de zones, données, flux).',
};

/** Converts the tables (see the module comment). */
export function inventoryToModel(input: InventoryInput, locale: InventoryLocale): InventoryModel {
  const ctx: Context = {
    locale,
    ids: new IdAllocator(input.knownZones?.map((z) => z.id) ?? []),
    diagnostics: [],
    zones: new Map(),
    zoneSites: new Map(),
    sites: new Map(),
    endpoints: new Map(),
  };
  for (const zone of input.knownZones ?? []) {
    ctx.endpoints.set(normalise(zone.id), zone.id);
    if (zone.name !== undefined) ctx.endpoints.set(normalise(zone.name), zone.id);
  }
  const assets = input.assets === undefined ? [] : convertAssets(ctx, input, input.assets);
  const internetZone = (): string => {
    const existing = ctx.endpoints.get('internet');
    if (existing !== undefined) return existing;
    const id = ctx.ids.allocate('internet', 'internet');
    ctx.zones.set('internet', { id, name: 'Internet', kind: 'internet', trust: 'untrusted' });
    ctx.endpoints.set('internet', id);
    ctx.diagnostics.push(
      problem(locale, 'inventory-zone-created', 'info', input.flows?.file ?? '', 0, 0, {
        name: 'Internet',
        kind: 'internet',
      }),
    );
    return id;
  };
  const flows = input.flows === undefined ? [] : convertFlows(ctx, input.flows, internetZone);
  for (const [zoneId, sites] of ctx.zoneSites) {
    const zone = [...ctx.zones.values()].find((z) => z.id === zoneId);
    if (zone === undefined) continue;
    if (sites.size === 1) zone.site = [...sites][0];
    else {
      ctx.diagnostics.push(
        problem(locale, 'inventory-zone-sites', 'info', input.assets?.file ?? '', 0, 0, {
          name: zone.name ?? zone.id,
        }),
      );
    }
  }
  const organisation: Record<string, unknown> = {
    name: input.organisation.name.trim() || 'Organisation',
    locale,
    ...(input.organisation.country === undefined ? {} : { country: input.organisation.country }),
  };
  const sites = [...ctx.sites.values()];
  const zones = [...ctx.zones.values()];
  const files: Record<string, string> = {
    'organisation.yaml': modelYaml(
      sites.length === 0 ? { organisation } : { organisation, sites },
      HEADER,
    ),
  };
  if (zones.length > 0) files['zones.yaml'] = modelYaml({ zones }, HEADER);
  if (assets.length > 0) files['assets.yaml'] = modelYaml({ assets }, HEADER);
  if (flows.length > 0) files['flows.yaml'] = modelYaml({ flows }, HEADER);
  return {
    files,
    diagnostics: [...ctx.diagnostics].sort(compareDiagnostics),
    counts: {
      sites: sites.length,
      zones: zones.length,
      assets: assets.length,
      flows: flows.length,
    },
  };
}
