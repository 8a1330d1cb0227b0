/** Section 4 of the DAT: sites and zones, with the network diagrams and the zone table. */
import { dicp } from '../../design/cp1/report-needs.js';
import type { Diagram, DiagramProvider } from '../../presentation/diagram-provider.js';
import { code, type Block } from '../model.js';
import { callout, cell, col, num, paragraph, section, table, todo } from './common.js';
import type { DatContext } from './context.js';
import { TRUST_LABELS, DAT_TEXTS, ZONE_KIND_LABELS } from './texts.js';

/** Above this many assets, the DAT adds one diagram per site to the zone-level overview. */
export const LARGE_MODEL_ASSETS = 80;

/** Zone kinds that need no site, subnets or addresses (outside the organisation's premises). */
export const OFF_SITE_ZONE_KINDS: readonly string[] = ['internet', 'cloud', 'partner'];

const figure = (id: string, diagram: Diagram, caption: string): Block => ({
  kind: 'figure',
  id,
  svg: diagram.svg,
  width: diagram.width,
  height: diagram.height,
  caption: [caption],
  alt: diagram.alt,
});

async function figures(ctx: DatContext, diagrams: DiagramProvider): Promise<Block[]> {
  const { model } = ctx.input;
  const large = model.assets.length > LARGE_MODEL_ASSETS;
  // one page cannot show every asset legibly: the overview is drawn at zone level, and each site
  // gets its own diagram (at asset level up to LARGE_MODEL_ASSETS assets in the site)
  const single = model.sites.length <= 1 && !large;
  const overview = single ? await diagrams.zones() : await diagrams.zones({ maxAssets: 0 });
  const blocks: Block[] = [
    paragraph(
      ctx.t(
        single
          ? DAT_TEXTS.diagramIntroSingle
          : large
            ? DAT_TEXTS.diagramIntroLarge
            : DAT_TEXTS.diagramIntro,
      ),
    ),
    figure(
      'figure-zones',
      overview,
      ctx.t(single ? DAT_TEXTS.captionZonesFigure : DAT_TEXTS.captionZoneLevelFigure),
    ),
  ];
  if (single) return blocks;
  for (const site of model.sites) {
    const diagram = await diagrams.zones({ siteId: site.id });
    blocks.push(
      section(`zones-site-${site.id}`, ctx.t(DAT_TEXTS.titleSiteDiagram(site.name ?? site.id)), [
        figure(
          `figure-site-${site.id}`,
          diagram,
          ctx.t(DAT_TEXTS.captionSiteFigure(site.name ?? site.id)),
        ),
      ]),
    );
  }
  return blocks;
}

function zoneTable(ctx: DatContext): Block {
  const { index } = ctx;
  return table(
    'table-zones',
    ctx.t(DAT_TEXTS.captionZones),
    [
      col(ctx.t(DAT_TEXTS.colId), 1.4),
      col(ctx.t(DAT_TEXTS.colName), 1.8),
      col(ctx.t(DAT_TEXTS.colKind), 0.9),
      col(ctx.t(DAT_TEXTS.colTrust), 0.8),
      col(ctx.t(DAT_TEXTS.colSubnets), 1.4),
      col('VLAN', 0.6),
      col(ctx.t(DAT_TEXTS.colSite), 1),
      col(ctx.t(DAT_TEXTS.colParent), 1.2),
      col(ctx.t(DAT_TEXTS.colAssets), 0.8, 'right'),
      col('DICP', 1.3),
    ],
    index.zoneOrder.map(({ zone, depth }) => {
      const direct = index.assetsByZone.get(zone.id)?.length ?? 0;
      const deep = index.assetCountDeep.get(zone.id) ?? 0;
      return [
        [depth > 0 ? `${'·'.repeat(depth)} ` : '', code(zone.id)],
        cell(zone.name),
        [ctx.t(ZONE_KIND_LABELS[zone.kind])],
        cell(zone.trust === undefined ? undefined : ctx.t(TRUST_LABELS[zone.trust])),
        cell(zone.subnets?.join(', ')),
        cell(zone.vlans?.join(', ')),
        cell(index.siteOfZone.get(zone.id)),
        zone.parent === undefined ? ['–'] : [code(zone.parent)],
        [deep === direct ? num(ctx, direct) : `${num(ctx, direct)} (${num(ctx, deep)})`],
        [dicp(ctx.levels(zone.id))],
      ];
    }),
    true,
  );
}

function zoneGaps(ctx: DatContext): Block[] {
  const { zones } = ctx.input.model;
  const onSite = zones.filter((z) => !OFF_SITE_ZONE_KINDS.includes(z.kind));
  const blocks: Block[] = [];
  const noTrust = zones.filter((z) => z.trust === undefined).map((z) => z.id);
  if (noTrust.length > 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoZoneTrust, 'zones.yaml → zones[].trust', noTrust));
  const noSite = onSite
    .filter((z) => ctx.index.siteOfZone.get(z.id) === undefined)
    .map((z) => z.id);
  if (noSite.length > 0 && ctx.input.model.sites.length > 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoZoneSite, 'zones.yaml → zones[].site', noSite));
  const empty = zones
    .filter((z) => (ctx.index.assetCountDeep.get(z.id) ?? 0) === 0 && z.kind !== 'internet')
    .map((z) => z.id);
  if (empty.length > 0)
    blocks.push(
      callout(
        'info',
        ctx.t(DAT_TEXTS.emptyZones),
        ...empty.flatMap((id, i) => [i === 0 ? '' : ', ', code(id)]),
      ),
    );
  if (ctx.index.unzoned.length > 0)
    blocks.push(
      todo(
        ctx,
        DAT_TEXTS.todoUnzoned(num(ctx, ctx.index.unzoned.length)),
        'assets[].zone',
        ctx.index.unzoned.map((a) => a.id),
      ),
    );
  return blocks;
}

export async function zonesSection(ctx: DatContext, diagrams: DiagramProvider): Promise<Block> {
  const { model } = ctx.input;
  if (model.zones.length === 0)
    return section('zones', ctx.t(DAT_TEXTS.titleZones), [
      todo(ctx, DAT_TEXTS.todoZones, 'zones.yaml → zones'),
      ...(await figures(ctx, diagrams)),
    ]);
  return section('zones', ctx.t(DAT_TEXTS.titleZones), [
    paragraph(
      ctx.t(DAT_TEXTS.zonesIntro(num(ctx, model.zones.length), num(ctx, model.sites.length))),
    ),
    ...(await figures(ctx, diagrams)),
    section('zones-table', ctx.t(DAT_TEXTS.titleZoneTable), [zoneTable(ctx), ...zoneGaps(ctx)]),
  ]);
}
