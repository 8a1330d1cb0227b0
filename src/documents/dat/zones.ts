/** Section 4 of the DAT: sites and zones, with the network diagrams and the zone table. */
import { dicp } from '../../design/cp1/report-needs.js';
import { nameOf, OFF_SITE_ZONE_KINDS, type Zone } from '../../domain/model/index.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import { code, type Block } from '../model.js';
import { callout, cell, figure, num, paragraph, section, todo } from './common.js';
import type { DatContext } from './context.js';
import { gapTodos, tableOf } from './tables.js';
import { TRUST_LABELS, DAT_TEXTS, ZONE_KIND_LABELS } from './texts.js';

/** Above this many assets, the DAT adds one diagram per site to the zone-level overview. */
export const LARGE_MODEL_ASSETS = 80;

/** Zone kinds that need no site, subnets or addresses (outside the organisation's premises). */

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
      section(`zones-site-${site.id}`, ctx.t(DAT_TEXTS.titleSiteDiagram(nameOf(site))), [
        figure(`figure-site-${site.id}`, diagram, ctx.t(DAT_TEXTS.captionSiteFigure(nameOf(site)))),
      ]),
    );
  }
  return blocks;
}

function zoneTable(ctx: DatContext): Block {
  const { index } = ctx;
  const assetsCell = (id: string): string => {
    const direct = index.assetsByZone.get(id)?.length ?? 0;
    const deep = index.assetCountDeep.get(id) ?? 0;
    return deep === direct ? num(ctx, direct) : `${num(ctx, direct)} (${num(ctx, deep)})`;
  };
  return tableOf(
    ctx,
    {
      id: 'table-zones',
      caption: DAT_TEXTS.captionZones,
      dense: true,
      columns: [
        {
          title: 'colId',
          width: 1.4,
          cell: ({ zone, depth }) => [depth > 0 ? `${'·'.repeat(depth)} ` : '', code(zone.id)],
        },
        { title: 'colName', width: 1.8, cell: ({ zone }) => cell(zone.name) },
        { title: 'colKind', width: 0.9, cell: ({ zone }) => [ctx.t(ZONE_KIND_LABELS[zone.kind])] },
        {
          title: 'colTrust',
          width: 0.8,
          cell: ({ zone }) =>
            cell(zone.trust === undefined ? undefined : ctx.t(TRUST_LABELS[zone.trust])),
        },
        { title: 'colSubnets', width: 1.4, cell: ({ zone }) => cell(zone.subnets?.join(', ')) },
        { title: 'colVlan', width: 0.6, cell: ({ zone }) => cell(zone.vlans?.join(', ')) },
        { title: 'colSite', width: 1, cell: ({ zone }) => cell(index.siteOfZone.get(zone.id)) },
        {
          title: 'colParent',
          width: 1.2,
          cell: ({ zone }) => (zone.parent === undefined ? ['–'] : [code(zone.parent)]),
        },
        {
          title: 'colAssets',
          width: 0.8,
          align: 'right',
          cell: ({ zone }) => [assetsCell(zone.id)],
        },
        { title: 'colDicp', width: 1.3, cell: ({ zone }) => [dicp(ctx.levels(zone.id))] },
      ],
    },
    index.zoneOrder,
  );
}

function zoneGaps(ctx: DatContext): Block[] {
  const { zones, sites } = ctx.input.model;
  const blocks = gapTodos(ctx, zones, [
    {
      lacks: (z) => z.trust === undefined,
      what: DAT_TEXTS.todoZoneTrust,
      where: 'zones.yaml → zones[].trust',
    },
    // without sites, no zone can be attached to one
    ...(sites.length === 0
      ? []
      : [
          {
            lacks: (z: Zone) =>
              !OFF_SITE_ZONE_KINDS.includes(z.kind) && ctx.index.siteOfZone.get(z.id) === undefined,
            what: DAT_TEXTS.todoZoneSite,
            where: 'zones.yaml → zones[].site',
          },
        ]),
  ]);
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
