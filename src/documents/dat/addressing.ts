/**
 * Section 5 of the DAT: the addressing plan (subnets and VLANs per zone, asset addresses) with
 * what does not add up: duplicate addresses, overlapping subnets, VLANs shared by zones,
 * addresses outside their zone, and what is missing.
 */
import { compareIds } from '../../domain/compare.js';
import {
  CLOUD_SERVICE_KINDS,
  HOSTED_SOFTWARE_KINDS,
  OFF_SITE_ZONE_KINDS,
  USER_DEVICE_KINDS,
  type Asset,
  type AssetKind,
  type Zone,
} from '../../domain/model/index.js';
import { code, type Block, type Inline, type Inlines } from '../model.js';
import { callout, cell, list, num, paragraph, section } from './common.js';
import type { DatContext } from './context.js';
import { gapTodos, tableOf } from './tables.js';
import {
  compareIp,
  contains,
  overlaps,
  parseCidr,
  parseIp,
  type IpRange,
  type IpValue,
} from './ip.js';
import { DAT_TEXTS } from './texts.js';

/** Kinds without a fixed address of their own: services, and DHCP clients (the zone's subnet is their plan). */
const ADDRESSLESS: readonly AssetKind[] = [...CLOUD_SERVICE_KINDS, ...USER_DEVICE_KINDS];

interface Subnet {
  readonly zone: Zone;
  readonly cidr: string;
  readonly range: IpRange | undefined;
}

interface AddressRow {
  readonly address: string;
  readonly ip: IpValue | undefined;
  readonly asset: Asset;
}

interface Anomalies {
  readonly duplicates: Map<string, string[]>;
  readonly outside: AddressRow[];
  readonly overlapping: [string, string, string, string][];
  readonly sharedVlans: [string, number, string[]][];
}

/** Wider ranges first (an enclosing subnet before the ones it holds). */
function widthOrder(a: IpRange | undefined, b: IpRange | undefined): number {
  if (a === undefined || b === undefined) return 0;
  return a.end > b.end ? -1 : a.end < b.end ? 1 : 0;
}

const startOf = (range: IpRange | undefined): IpValue | undefined =>
  range === undefined ? undefined : { family: range.family, value: range.start };

function subnetsOf(ctx: DatContext): Subnet[] {
  const result: Subnet[] = [];
  for (const { zone } of ctx.index.zoneOrder)
    for (const cidr of zone.subnets ?? []) result.push({ zone, cidr, range: parseCidr(cidr) });
  return result.sort(
    (a, b) =>
      compareIp(startOf(a.range), startOf(b.range)) ||
      widthOrder(a.range, b.range) ||
      compareIds(a.zone.id, b.zone.id),
  );
}

/** The subnets an asset's address must fall in: its zone's, else the nearest ancestor's. */
function zoneRanges(ctx: DatContext, zoneId: string, cache: Map<string, IpRange[]>): IpRange[] {
  const cached = cache.get(zoneId);
  if (cached !== undefined) return cached;
  let ranges: IpRange[] = [];
  for (const id of ctx.index.zonesOf(zoneId)) {
    const subnets = ctx.input.graph.zone(id)?.subnets ?? [];
    if (subnets.length > 0) {
      ranges = subnets.map(parseCidr).filter((r): r is IpRange => r !== undefined);
      break;
    }
  }
  cache.set(zoneId, ranges);
  return ranges;
}

function findAnomalies(ctx: DatContext, subnets: Subnet[], rows: AddressRow[]): Anomalies {
  const byAddress = new Map<string, string[]>();
  for (const row of rows) {
    const key =
      row.ip === undefined ? row.address : `${String(row.ip.family)}:${row.ip.value.toString(16)}`;
    const ids = byAddress.get(key);
    if (ids === undefined) byAddress.set(key, [row.asset.id]);
    else if (!ids.includes(row.asset.id)) ids.push(row.asset.id);
  }
  const duplicates = new Map<string, string[]>();
  for (const row of rows) {
    const key =
      row.ip === undefined ? row.address : `${String(row.ip.family)}:${row.ip.value.toString(16)}`;
    const ids = byAddress.get(key) ?? [];
    if (ids.length > 1) duplicates.set(row.address, ids);
  }
  const cache = new Map<string, IpRange[]>();
  const outside = rows.filter((row) => {
    const zone = row.asset.zone;
    if (zone === undefined || row.ip === undefined) return false;
    const ranges = zoneRanges(ctx, zone, cache);
    const ip = row.ip;
    return ranges.length > 0 && !ranges.some((r) => contains(r, ip));
  });
  // subnets are sorted by start: each one is compared with those starting before its end
  const overlapping: [string, string, string, string][] = [];
  const parsed = subnets.filter((s): s is Subnet & { range: IpRange } => s.range !== undefined);
  parsed.forEach((a, i) => {
    for (let j = i + 1; j < parsed.length; j += 1) {
      const b = parsed[j];
      if (b === undefined || b.range.family !== a.range.family || b.range.start > a.range.end)
        break;
      if (!overlaps(a.range, b.range) || a.zone.id === b.zone.id) continue;
      const nested =
        ctx.index.zonesOf(a.zone.id).includes(b.zone.id) ||
        ctx.index.zonesOf(b.zone.id).includes(a.zone.id);
      if (!nested) overlapping.push([a.cidr, a.zone.id, b.cidr, b.zone.id]);
    }
  });
  const vlans = new Map<string, string[]>();
  for (const { zone } of ctx.index.zoneOrder)
    for (const vlan of zone.vlans ?? []) {
      const key = `${ctx.index.siteOfZone.get(zone.id) ?? ''}\u0000${String(vlan)}`;
      vlans.set(key, [...(vlans.get(key) ?? []), zone.id]);
    }
  const sharedVlans: [string, number, string[]][] = [];
  for (const [key, zones] of vlans) {
    if (zones.length < 2) continue;
    const [site = '', vlan = '0'] = key.split('\u0000');
    sharedVlans.push([site, Number(vlan), zones]);
  }
  return { duplicates, outside, overlapping, sharedVlans };
}

function anomalyBlocks(ctx: DatContext, found: Anomalies): Block[] {
  const items: Inlines[] = [];
  const ids = (values: readonly string[]): Inline[] =>
    values.flatMap((id, i) => [i === 0 ? '' : ', ', code(id)]);
  for (const [address, assets] of [...found.duplicates].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    items.push([ctx.t(DAT_TEXTS.duplicateAddress), ' ', code(address), ' — ', ...ids(assets)]);
  for (const [a, za, b, zb] of found.overlapping)
    items.push([
      ctx.t(DAT_TEXTS.overlappingSubnets),
      ' ',
      code(a),
      ` (${za}) / `,
      code(b),
      ` (${zb})`,
    ]);
  for (const [site, vlan, zones] of found.sharedVlans)
    items.push([
      ctx.t(DAT_TEXTS.sharedVlan(String(vlan), site === '' ? ctx.t(DAT_TEXTS.noSite) : site)),
      ' — ',
      ...ids(zones),
    ]);
  for (const row of found.outside)
    items.push([
      ctx.t(DAT_TEXTS.outsideZone),
      ' ',
      code(row.address),
      ' — ',
      code(row.asset.id),
      ` (${row.asset.zone ?? ''})`,
    ]);
  if (items.length === 0) return [callout('success', ctx.t(DAT_TEXTS.noAddressAnomaly))];
  return [
    callout('warning', ctx.t(DAT_TEXTS.addressAnomalies(num(ctx, items.length)))),
    list(items),
  ];
}

function gapBlocks(ctx: DatContext): Block[] {
  const { graph, model } = ctx.input;
  const offSite = (asset: Asset): boolean =>
    ctx.index
      .zonesOf(asset.id)
      .some((id) => OFF_SITE_ZONE_KINDS.includes(graph.zone(id)?.kind ?? 'other'));
  return [
    ...gapTodos(ctx, model.zones, [
      {
        lacks: (z) =>
          !OFF_SITE_ZONE_KINDS.includes(z.kind) &&
          z.kind !== 'remote-access' &&
          ctx.index.zonesOf(z.id).every((id) => (graph.zone(id)?.subnets ?? []).length === 0),
        what: DAT_TEXTS.todoZoneSubnets,
        where: 'zones.yaml → zones[].subnets, vlans',
      },
    ]),
    ...gapTodos(ctx, model.assets, [
      {
        lacks: (a) =>
          (a.addresses ?? []).length === 0 &&
          !ADDRESSLESS.includes(a.kind) &&
          !(HOSTED_SOFTWARE_KINDS.includes(a.kind) && a.hostedOn !== undefined) &&
          !offSite(a),
        what: DAT_TEXTS.todoAddresses,
        where: 'assets[].addresses, hostname',
      },
    ]),
  ];
}

/** Rows (sorted by address) inside a range: a binary search for its start, then a scan. */
function countIn(rows: readonly AddressRow[], range: IpRange): number {
  const start: IpValue = { family: range.family, value: range.start };
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareIp(rows[mid]?.ip, start) < 0) low = mid + 1;
    else high = mid;
  }
  let count = 0;
  for (let i = low; i < rows.length; i += 1) {
    const ip = rows[i]?.ip;
    if (ip === undefined || !contains(range, ip)) break;
    count += 1;
  }
  return count;
}

export function addressingSection(ctx: DatContext): Block {
  const { model } = ctx.input;
  const subnets = subnetsOf(ctx);
  const rows: AddressRow[] = model.assets
    .flatMap((asset) =>
      (asset.addresses ?? []).map((address) => ({ address, ip: parseIp(address), asset })),
    )
    .sort((a, b) => compareIp(a.ip, b.ip) || compareIds(a.asset.id, b.asset.id));
  const found = findAnomalies(ctx, subnets, rows);
  const inSubnet = new Map<Subnet, number>();
  for (const subnet of subnets) {
    if (subnet.range !== undefined) inSubnet.set(subnet, countIn(rows, subnet.range));
  }
  const outside = new Set(found.outside);
  const remark = (row: AddressRow): string => {
    const notes: string[] = [];
    if (found.duplicates.has(row.address)) notes.push(ctx.t(DAT_TEXTS.duplicateShort));
    if (outside.has(row)) notes.push(ctx.t(DAT_TEXTS.outsideShort));
    return notes.join(', ');
  };
  const planBlocks: Block[] =
    subnets.length === 0
      ? []
      : [
          tableOf(
            ctx,
            {
              id: 'table-subnets',
              caption: DAT_TEXTS.captionSubnets,
              dense: true,
              columns: [
                { title: 'colSubnet', width: 1.3, cell: (n) => [code(n.cidr)] },
                { title: 'colZone', width: 1.5, cell: (n) => [code(n.zone.id)] },
                { title: 'colName', width: 2, cell: (n) => cell(n.zone.name) },
                { title: 'colVlan', width: 0.7, cell: (n) => cell(n.zone.vlans?.join(', ')) },
                {
                  title: 'colSite',
                  width: 1.1,
                  cell: (n) => cell(ctx.index.siteOfZone.get(n.zone.id)),
                },
                {
                  title: 'colAddressesUsed',
                  width: 0.9,
                  align: 'right',
                  cell: (n) => [num(ctx, inSubnet.get(n) ?? 0)],
                },
              ],
            },
            subnets,
          ),
        ];
  const addressBlocks: Block[] =
    rows.length === 0
      ? [callout('info', ctx.t(DAT_TEXTS.noAddresses))]
      : [
          tableOf(
            ctx,
            {
              id: 'table-addresses',
              caption: DAT_TEXTS.captionAddresses,
              dense: true,
              columns: [
                { title: 'colAddress', width: 1.3, cell: (row) => [code(row.address)] },
                { title: 'colAsset', width: 1.8, cell: (row) => [code(row.asset.id)] },
                { title: 'colHostname', width: 1.2, cell: (row) => cell(row.asset.hostname) },
                { title: 'colZone', width: 1.4, cell: (row) => cell(row.asset.zone) },
                { title: 'colRemark', width: 1.3, cell: (row) => cell(remark(row)) },
              ],
            },
            rows,
          ),
        ];
  return section('addressing', ctx.t(DAT_TEXTS.titleAddressing), [
    paragraph(ctx.t(DAT_TEXTS.addressingIntro)),
    section('addressing-subnets', ctx.t(DAT_TEXTS.titleSubnets), [
      ...planBlocks,
      ...gapBlocks(ctx),
    ]),
    section('addressing-assets', ctx.t(DAT_TEXTS.titleAssetAddresses), addressBlocks),
    section('addressing-anomalies', ctx.t(DAT_TEXTS.titleAnomalies), anomalyBlocks(ctx, found)),
  ]);
}
