/**
 * Section 6 of the DAT: the component inventory. Every asset of the model, grouped by zone (in
 * zone-tree order), with its system and support status, its criticality (propagated DICP
 * needs) and its exposure.
 */
import { dicp } from '../../design/cp1/report-needs.js';
import { severityLabel } from '../../design/output/findings-text.js';
import type { Asset, AssetKind } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { cell, col, colon, num, paragraph, section, supportStatus, table, todo } from './common.js';
import type { DatContext } from './context.js';
import { ASSET_KIND_LABELS, DAT_TEXTS } from './texts.js';

/** Kinds whose operating system does not matter to the inventory (services, hosted software). */
const NO_OS: readonly AssetKind[] = [
  'saas',
  'cloud-service',
  'application',
  'web-application',
  'service',
  'database',
];

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
  const result: Inline[] = [asset.name ?? asset.id];
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
  const siteColumn = oneSite ? [] : [col(ctx.t(DAT_TEXTS.colSite), 1.1)];
  return table(
    id,
    oneSite && only !== undefined ? `${caption} — ${ctx.t(DAT_TEXTS.site)} ${only}` : caption,
    [
      col(ctx.t(DAT_TEXTS.colId), 1.7),
      col(ctx.t(DAT_TEXTS.colName), 1.8),
      col(ctx.t(DAT_TEXTS.colKind), 1.3),
      ...siteColumn,
      col(ctx.t(DAT_TEXTS.colOs), 1.5),
      col(ctx.t(DAT_TEXTS.colSupport), 1.2),
      col('DICP', 1.2),
      col(ctx.t(DAT_TEXTS.colExposure), 1.2),
      col(ctx.t(DAT_TEXTS.colOpenFindings), 1.1),
    ],
    assets.map((asset) => [
      [code(asset.id)],
      nameCell(ctx, asset),
      [ctx.t(ASSET_KIND_LABELS[asset.kind])],
      ...(oneSite ? [] : [cell(ctx.index.siteOfAsset.get(asset.id))]),
      osCell(asset),
      supportCell(ctx, asset),
      [dicp(ctx.levels(asset.id))],
      exposureCell(ctx, asset, thirdParties),
      findingsCell(ctx, asset.id),
    ]),
    true,
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
  return table(
    'table-asset-kinds',
    ctx.t(DAT_TEXTS.captionAssetKinds),
    [
      col(ctx.t(DAT_TEXTS.colKind), 2),
      col(ctx.t(DAT_TEXTS.colAssets), 1, 'right'),
      col(ctx.t(DAT_TEXTS.colUnits), 1, 'right'),
    ],
    rows.map((r) => [[r.label], [num(ctx, r.assets)], [num(ctx, r.units)]]),
  );
}

function gaps(ctx: DatContext): Block[] {
  const { assets } = ctx.input.model;
  const blocks: Block[] = [];
  const noOs = assets.filter((a) => a.os === undefined && !NO_OS.includes(a.kind)).map((a) => a.id);
  if (noOs.length > 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoOs(num(ctx, noOs.length)), 'assets[].os', noOs));
  const noEnd = assets
    .filter((a) => a.os !== undefined && a.os.supportEnd === undefined)
    .map((a) => a.id);
  if (noEnd.length > 0)
    blocks.push(
      todo(ctx, DAT_TEXTS.todoSupportEnd(num(ctx, noEnd.length)), 'assets[].os.supportEnd', noEnd),
    );
  return blocks;
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
