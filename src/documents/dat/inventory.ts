/**
 * Section 6 of the DAT: the component inventory. Every asset of the model, grouped by zone (in
 * zone-tree order), with its system and support status, its criticality (propagated DICP
 * needs) and its exposure.
 */
import { dicp } from '../../design/cp1/report-needs.js';
import { severityLabel } from '../../design/output/findings-text.js';
import {
  CLOUD_SERVICE_KINDS,
  HOSTED_SOFTWARE_KINDS,
  nameOf,
  type Asset,
  type AssetKind,
} from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { cell, colon, num, paragraph, section, supportStatus, todo } from './common.js';
import type { DatContext } from './context.js';
import { gapTodos, tableOf, type Column } from './tables.js';
import { ASSET_KIND_LABELS, DAT_TEXTS } from './texts.js';

/** Software hosted on a server (the server has the address and the system). */

/** Kinds whose operating system does not matter to the inventory (services, hosted software). */
const NO_OS: readonly AssetKind[] = [...CLOUD_SERVICE_KINDS, ...HOSTED_SOFTWARE_KINDS];

function osCell(asset: Asset): Inlines {
  if (asset.os === undefined) return ['–'];
  return [asset.os.version === undefined ? asset.os.name : `${asset.os.name} ${asset.os.version}`];
}

function supportCell(ctx: DatContext, asset: Asset): Inlines {
  const parts: Inline[] = [];
  if (asset.os !== undefined) {
    const status = supportStatus(ctx, asset.os.supportEnd);
    const ended = asset.os.supportEnd !== undefined && asset.os.supportEnd < ctx.input.today;
    parts.push(ended ? bold(status) : status);
  }
  const ended = (asset.software ?? []).filter(
    (s) => s.supportEnd !== undefined && s.supportEnd < ctx.input.today,
  );
  if (ended.length > 0)
    parts.push(
      `${parts.length > 0 ? '; ' : ''}${ctx.t(DAT_TEXTS.softwareEnded)} ${ended
        .map((s) => (s.version === undefined ? s.name : `${s.name} ${s.version}`))
        .join(', ')}`,
    );
  return parts.length === 0 ? ['–'] : parts;
}

function nameCell(ctx: DatContext, asset: Asset): Inlines {
  const result: Inline[] = [nameOf(asset)];
  if (asset.count !== undefined && asset.count > 1) result.push(` (×${num(ctx, asset.count)})`);
  if (asset.hostedOn !== undefined)
    result.push(` — ${ctx.t(DAT_TEXTS.hostedOn)} `, code(asset.hostedOn));
  return result;
}

function exposureCell(
  ctx: DatContext,
  asset: Asset,
  thirdParties: ReadonlyMap<string, string[]>,
): Inlines {
  if (ctx.index.isInternet(asset.id)) return ['Internet'];
  const parts: string[] = [];
  const internet = ctx.index.internetExposure.get(asset.id);
  if (internet !== undefined) parts.push(`Internet${colon(ctx)}${internet.join(', ')}`);
  const parties = thirdParties.get(asset.id);
  if (parties !== undefined) parts.push(`${ctx.t(DAT_TEXTS.remoteAccessOf)} ${parties.join(', ')}`);
  return parts.length === 0 ? [ctx.t(DAT_TEXTS.internal)] : [parts.join('; ')];
}

function findingsCell(ctx: DatContext, id: string): Inlines {
  const open = (ctx.index.findingsBySubject.get(id) ?? []).filter((f) => f.status === 'open');
  const worst = open[0];
  if (worst === undefined) return ['–'];
  return [`${num(ctx, open.length)} (${severityLabel(worst.severity, ctx.locale)})`];
}

function zoneTitle(name: string | undefined, id: string): string {
  return name === undefined || name === id ? id : `${name} (${id})`;
}

/**
 * The assets of one zone. The site column is left out when every asset is on the same site
 * (the caption names it): the zone table already gives each zone's site.
 */
function assetTable(
  ctx: DatContext,
  id: string,
  caption: string,
  assets: readonly Asset[],
  thirdParties: ReadonlyMap<string, string[]>,
): Block {
  const sites = new Set(assets.map((a) => ctx.index.siteOfAsset.get(a.id)));
  const [only] = sites;
  const oneSite = sites.size === 1;
  const siteColumn: Column<Asset>[] = oneSite
    ? []
    : [{ title: 'colSite', width: 1.1, cell: (a) => cell(ctx.index.siteOfAsset.get(a.id)) }];
  return tableOf(
    ctx,
    {
      id,
      caption:
        oneSite && only !== undefined ? `${caption} — ${ctx.t(DAT_TEXTS.site)} ${only}` : caption,
      dense: true,
      columns: [
        { title: 'colId', width: 1.7, cell: (a) => [code(a.id)] },
        { title: 'colName', width: 1.8, cell: (a) => nameCell(ctx, a) },
        { title: 'colKind', width: 1.3, cell: (a) => [ctx.t(ASSET_KIND_LABELS[a.kind])] },
        ...siteColumn,
        { title: 'colOs', width: 1.5, cell: osCell },
        { title: 'colSupport', width: 1.2, cell: (a) => supportCell(ctx, a) },
        { title: 'colDicp', width: 1.2, cell: (a) => [dicp(ctx.levels(a.id))] },
        { title: 'colExposure', width: 1.2, cell: (a) => exposureCell(ctx, a, thirdParties) },
        { title: 'colOpenFindings', width: 1.1, cell: (a) => findingsCell(ctx, a.id) },
      ],
    },
    assets,
  );
}

function kindSummary(ctx: DatContext): Block {
  const counts = new Map<AssetKind, { assets: number; units: number }>();
  for (const asset of ctx.input.model.assets) {
    const entry = counts.get(asset.kind) ?? { assets: 0, units: 0 };
    entry.assets += 1;
    entry.units += asset.count ?? 1;
    counts.set(asset.kind, entry);
  }
  const rows = [...counts]
    .map(([kind, c]) => ({ label: ctx.t(ASSET_KIND_LABELS[kind]), ...c }))
    .sort((a, b) => b.units - a.units || (a.label < b.label ? -1 : 1));
  return tableOf(
    ctx,
    {
      id: 'table-asset-kinds',
      caption: DAT_TEXTS.captionAssetKinds,
      columns: [
        { title: 'colKind', width: 2, cell: (r) => [r.label] },
        { title: 'colAssets', width: 1, align: 'right', cell: (r) => [num(ctx, r.assets)] },
        { title: 'colUnits', width: 1, align: 'right', cell: (r) => [num(ctx, r.units)] },
      ],
    },
    rows,
  );
}

function gaps(ctx: DatContext): Block[] {
  return gapTodos(ctx, ctx.input.model.assets, [
    {
      lacks: (a) => a.os === undefined && !NO_OS.includes(a.kind),
      what: DAT_TEXTS.todoOs,
      where: 'assets[].os',
    },
    {
      lacks: (a) => a.os !== undefined && a.os.supportEnd === undefined,
      what: DAT_TEXTS.todoSupportEnd,
      where: 'assets[].os.supportEnd',
    },
  ]);
}

export function inventorySection(ctx: DatContext): Block {
  const { model } = ctx.input;
  if (model.assets.length === 0)
    return section('inventory', ctx.t(DAT_TEXTS.titleInventory), [
      todo(ctx, DAT_TEXTS.todoAssets, 'assets'),
    ]);
  const thirdParties = new Map<string, string[]>();
  for (const identity of model.identities) {
    const via = identity.remoteAccess?.via;
    if (via !== undefined) thirdParties.set(via, [...(thirdParties.get(via) ?? []), identity.id]);
  }
  const fleet = model.assets.reduce((sum, a) => sum + (a.count ?? 1), 0);
  const children: Block[] = [
    paragraph(
      ctx.t(
        DAT_TEXTS.inventoryIntro(num(ctx, model.assets.length), num(ctx, fleet), ctx.input.today),
      ),
    ),
    kindSummary(ctx),
    ...gaps(ctx),
  ];
  for (const { zone } of ctx.index.zoneOrder) {
    const assets = ctx.index.assetsByZone.get(zone.id);
    if (assets === undefined) continue;
    const title = zoneTitle(zone.name, zone.id);
    children.push(
      section(`inventory-${zone.id}`, title, [
        assetTable(
          ctx,
          `table-inventory-${zone.id}`,
          ctx.t(DAT_TEXTS.captionInventory(title)),
          assets,
          thirdParties,
        ),
      ]),
    );
  }
  if (ctx.index.unzoned.length > 0)
    children.push(
      section('inventory-unzoned', ctx.t(DAT_TEXTS.titleUnzoned), [
        assetTable(
          ctx,
          'table-inventory-unzoned',
          ctx.t(DAT_TEXTS.titleUnzoned),
          ctx.index.unzoned,
          thirdParties,
        ),
      ]),
    );
  return section('inventory', ctx.t(DAT_TEXTS.titleInventory), children);
}
