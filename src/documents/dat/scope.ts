/** Section 1 of the DAT: purpose, organisation and sites, what the model covers, sources. */
import type { LocalizedText } from '../../design/text.js';
import type { Site } from '../../domain/model/index.js';
import { longDate } from '../labels.js';
import { bold, code, ref, type Block, type Inline, type Inlines } from '../model.js';
import { callout, cell, list, num, paragraph, section, todo, yesNo } from './common.js';
import type { DatContext } from './context.js';
import { idAndNameColumns, tableOf, tableOrTodo } from './tables.js';
import { SITE_KIND_LABELS, DAT_TEXTS } from './texts.js';

function organisationBlocks(ctx: DatContext): Block[] {
  const org = ctx.input.model.organisation;
  if (org === undefined)
    return [todo(ctx, DAT_TEXTS.todoOrganisation, 'organisation.yaml → organisation')];
  const facts: Inlines[] = [[bold(ctx.t(DAT_TEXTS.factName)), ` ${org.legalName ?? org.name}`]];
  if (org.sector !== undefined) facts.push([bold(ctx.t(DAT_TEXTS.factSector)), ` ${org.sector}`]);
  if (org.employees !== undefined)
    facts.push([bold(ctx.t(DAT_TEXTS.factEmployees)), ` ${num(ctx, org.employees)}`]);
  if (org.country !== undefined)
    facts.push([bold(ctx.t(DAT_TEXTS.factCountry)), ` ${org.country}`]);
  if (org.securityReferent !== undefined)
    facts.push([
      bold(ctx.t(DAT_TEXTS.factReferent)),
      ` ${ctx.nameOf(org.securityReferent)} (`,
      code(org.securityReferent),
      ')',
    ]);
  const blocks: Block[] = [];
  if (org.description !== undefined) blocks.push(paragraph(org.description));
  blocks.push(list(facts));
  const missing = [
    org.sector === undefined ? 'sector' : undefined,
    org.employees === undefined ? 'employees' : undefined,
    org.securityReferent === undefined ? 'securityReferent' : undefined,
    org.regulatory === undefined ? 'regulatory' : undefined,
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0)
    blocks.push(
      todo(ctx, DAT_TEXTS.todoOrganisationFields, 'organisation.yaml → organisation', missing),
    );
  return blocks;
}

function siteAddress(site: Site): string | undefined {
  const parts = [site.address, site.address === undefined ? site.city : undefined, site.country];
  const kept = parts.filter((p): p is string => p !== undefined);
  return kept.length === 0 ? undefined : kept.join(', ');
}

function powerText(ctx: DatContext, site: Site): string {
  if (site.power === undefined) return ctx.t(DAT_TEXTS.notStated);
  return `${ctx.t(DAT_TEXTS.ups)} ${yesNo(ctx, site.power.ups)}, ${ctx.t(DAT_TEXTS.generator)} ${yesNo(ctx, site.power.generator)}`;
}

function networkText(ctx: DatContext, site: Site): string {
  if (site.network === undefined) return ctx.t(DAT_TEXTS.notStated);
  return [
    `${ctx.t(DAT_TEXTS.redundant)} ${yesNo(ctx, site.network.redundant)}`,
    ...(site.network.providers ?? []),
  ].join('; ');
}

/** How many of the values are each key. */
function tally(values: Iterable<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values)
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function sitesBlocks(ctx: DatContext): Block[] {
  const { graph } = ctx.input;
  const zonesPerSite = tally(
    [...ctx.index.siteOfZone].map(([zone, site]) =>
      graph.zone(zone) === undefined ? undefined : site,
    ),
  );
  const assetsPerSite = tally(ctx.index.siteOfAsset.values());
  return tableOrTodo(ctx, ctx.input.model.sites, {
    id: 'table-sites',
    caption: DAT_TEXTS.captionSites,
    columns: [
      ...idAndNameColumns(1.2, 1.6),
      {
        title: 'colKind',
        width: 0.9,
        cell: (site) =>
          cell(site.kind === undefined ? undefined : ctx.t(SITE_KIND_LABELS[site.kind])),
      },
      { title: 'colAddress', width: 2, cell: (site) => cell(siteAddress(site)) },
      { title: 'colPower', width: 1.4, cell: (site) => [powerText(ctx, site)] },
      { title: 'colNetwork', width: 2, cell: (site) => [networkText(ctx, site)] },
      {
        title: 'colZones',
        width: 0.6,
        align: 'right',
        cell: (site) => [num(ctx, zonesPerSite.get(site.id) ?? 0)],
      },
      {
        title: 'colAssets',
        width: 0.6,
        align: 'right',
        cell: (site) => [num(ctx, assetsPerSite.get(site.id) ?? 0)],
      },
    ],
    none: { what: DAT_TEXTS.todoSites, where: 'organisation.yaml → sites' },
    gaps: [
      {
        lacks: (s) => s.power === undefined || s.network === undefined || s.kind === undefined,
        what: DAT_TEXTS.todoSiteFields,
        where: 'organisation.yaml → sites[].kind, power, network',
      },
    ],
  });
}

/** A line of the coverage table: what the model declares, how many, where the DAT shows it. */
interface CoverageRow {
  readonly label: LocalizedText;
  readonly count: number;
  readonly target: string;
}

function coverageBlocks(ctx: DatContext): Block[] {
  const { model, findings } = ctx.input;
  const fleet = model.assets.reduce((sum, a) => sum + (a.count ?? 1), 0);
  const rows: CoverageRow[] = [
    { label: DAT_TEXTS.countSites, count: model.sites.length, target: 'table-sites' },
    { label: DAT_TEXTS.countZones, count: model.zones.length, target: 'table-zones' },
    {
      label: DAT_TEXTS.countAssets(num(ctx, fleet)),
      count: model.assets.length,
      target: 'inventory',
    },
    { label: DAT_TEXTS.countFlows, count: model.flows.length, target: 'table-flows' },
    { label: DAT_TEXTS.countData, count: model.data.length, target: 'table-data' },
    { label: DAT_TEXTS.countProcesses, count: model.processes.length, target: 'table-processes' },
    {
      label: DAT_TEXTS.countIdentities,
      count: model.identities.length,
      target: 'table-identities',
    },
    { label: DAT_TEXTS.countBackups, count: model.backups.length, target: 'backups' },
    { label: DAT_TEXTS.countMeasures, count: model.measures.length, target: 'table-baseline' },
    { label: DAT_TEXTS.countDecisions, count: model.decisions.length, target: 'decisions' },
    { label: DAT_TEXTS.countFindings, count: findings.length, target: 'findings' },
  ];
  return [
    paragraph(ctx.t(DAT_TEXTS.coverageIntro)),
    tableOf(
      ctx,
      {
        id: 'table-counts',
        caption: DAT_TEXTS.captionCounts,
        columns: [
          { title: 'colElement', width: 3, cell: (r) => [ctx.t(r.label)] },
          { title: 'colCount', width: 1, align: 'right', cell: (r) => [num(ctx, r.count)] },
          { title: 'colWhere', width: 2, cell: (r) => [ref('', r.target)] },
        ],
      },
      rows,
    ),
  ];
}

function sourcesBlocks(ctx: DatContext): Block[] {
  const { input } = ctx;
  const items: Inline[][] = [
    [bold(ctx.t(DAT_TEXTS.analysisDate)), ` ${longDate(ctx.locale, input.today)}`],
    [bold(ctx.t(DAT_TEXTS.sourceModel)), ` ${ctx.t(DAT_TEXTS.sourceModelText)}`],
    [
      bold(ctx.t(DAT_TEXTS.sourceRules)),
      ` ${ctx.t(DAT_TEXTS.sourceRulesText(num(ctx, input.rules.length)))}`,
    ],
    [bold(ctx.t(DAT_TEXTS.sourceNeeds)), ` ${ctx.t(DAT_TEXTS.sourceNeedsText)}`],
    [bold(ctx.t(DAT_TEXTS.sourceBaseline)), ` ${ctx.t(DAT_TEXTS.sourceBaselineText)}`],
    [
      bold(ctx.t(DAT_TEXTS.sourcePaths)),
      ` ${input.attack === undefined ? ctx.t(DAT_TEXTS.pathsNotComputed) : ctx.t(DAT_TEXTS.sourcePathsText(num(ctx, input.attack.paths.length)))}`,
    ],
  ];
  const blocks: Block[] = [list(items), paragraph(ctx.t(DAT_TEXTS.readingConventions))];
  if (input.ruleFailures.length > 0)
    blocks.push(
      callout(
        'warning',
        ctx.t(DAT_TEXTS.ruleFailures(num(ctx, input.ruleFailures.length))),
        ' ',
        ...input.ruleFailures.flatMap((f, i): Inline[] => [i === 0 ? '' : ', ', code(f.ruleId)]),
      ),
    );
  return blocks;
}

export function scopeSection(ctx: DatContext): Block {
  const org = ctx.input.model.organisation?.name ?? ctx.t(DAT_TEXTS.theOrganisation);
  return section('scope', ctx.t(DAT_TEXTS.titleScope), [
    section('scope-purpose', ctx.t(DAT_TEXTS.titlePurpose), [
      paragraph(ctx.t(DAT_TEXTS.purpose1(org))),
      paragraph(ctx.t(DAT_TEXTS.purpose2)),
    ]),
    section('scope-organisation', ctx.t(DAT_TEXTS.titleOrganisation), [
      ...organisationBlocks(ctx),
      ...sitesBlocks(ctx),
    ]),
    section('scope-coverage', ctx.t(DAT_TEXTS.titleCoverage), coverageBlocks(ctx)),
    section('scope-sources', ctx.t(DAT_TEXTS.titleSources), sourcesBlocks(ctx)),
  ]);
}
