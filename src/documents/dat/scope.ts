/** Section 1 of the DAT: purpose, organisation and sites, what the model covers, sources. */
import type { Site } from '../../domain/model/index.js';
import { longDate } from '../labels.js';
import { bold, code, ref, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cell,
  col,
  list,
  num,
  paragraph,
  section,
  table,
  tableOrTodo,
  todo,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { SITE_KIND_LABELS, W } from './texts.js';

function organisationBlocks(ctx: DatContext): Block[] {
  const org = ctx.input.model.organisation;
  if (org === undefined) return [todo(ctx, W.todoOrganisation, 'organisation.yaml → organisation')];
  const facts: Inlines[] = [[bold(ctx.t(W.factName)), ` ${org.legalName ?? org.name}`]];
  if (org.sector !== undefined) facts.push([bold(ctx.t(W.factSector)), ` ${org.sector}`]);
  if (org.employees !== undefined)
    facts.push([bold(ctx.t(W.factEmployees)), ` ${num(ctx, org.employees)}`]);
  if (org.country !== undefined) facts.push([bold(ctx.t(W.factCountry)), ` ${org.country}`]);
  if (org.securityReferent !== undefined)
    facts.push([
      bold(ctx.t(W.factReferent)),
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
    blocks.push(todo(ctx, W.todoOrganisationFields, 'organisation.yaml → organisation', missing));
  return blocks;
}

function siteAddress(site: Site): string | undefined {
  const parts = [site.address, site.address === undefined ? site.city : undefined, site.country];
  const kept = parts.filter((p): p is string => p !== undefined);
  return kept.length === 0 ? undefined : kept.join(', ');
}

function sitesBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.sites,
    { what: W.todoSites, where: 'organisation.yaml → sites' },
    (sites) => {
      const zonesPerSite = new Map<string, number>();
      for (const [zone, site] of ctx.index.siteOfZone)
        if (site !== undefined && ctx.input.graph.zone(zone) !== undefined)
          zonesPerSite.set(site, (zonesPerSite.get(site) ?? 0) + 1);
      const assetsPerSite = new Map<string, number>();
      for (const site of ctx.index.siteOfAsset.values())
        if (site !== undefined) assetsPerSite.set(site, (assetsPerSite.get(site) ?? 0) + 1);
      const power = (site: Site): string =>
        site.power === undefined
          ? ctx.t(W.notStated)
          : `${ctx.t(W.ups)} ${yesNo(ctx, site.power.ups)}, ${ctx.t(W.generator)} ${yesNo(ctx, site.power.generator)}`;
      const network = (site: Site): string =>
        site.network === undefined
          ? ctx.t(W.notStated)
          : [
              `${ctx.t(W.redundant)} ${yesNo(ctx, site.network.redundant)}`,
              ...(site.network.providers ?? []),
            ].join('; ');
      return table(
        'table-sites',
        ctx.t(W.captionSites),
        [
          col(ctx.t(W.colId), 1.2),
          col(ctx.t(W.colName), 1.6),
          col(ctx.t(W.colKind), 0.9),
          col(ctx.t(W.colAddress), 2),
          col(ctx.t(W.colPower), 1.4),
          col(ctx.t(W.colNetwork), 2),
          col(ctx.t(W.colZones), 0.6, 'right'),
          col(ctx.t(W.colAssets), 0.6, 'right'),
        ],
        sites.map((site) => [
          [code(site.id)],
          cell(site.name),
          cell(site.kind === undefined ? undefined : ctx.t(SITE_KIND_LABELS[site.kind])),
          cell(siteAddress(site)),
          [power(site)],
          [network(site)],
          [num(ctx, zonesPerSite.get(site.id) ?? 0)],
          [num(ctx, assetsPerSite.get(site.id) ?? 0)],
        ]),
      );
    },
    [
      {
        lacks: (s) => s.power === undefined || s.network === undefined || s.kind === undefined,
        what: W.todoSiteFields,
        where: 'organisation.yaml → sites[].kind, power, network',
      },
    ],
  );
}

function coverageBlocks(ctx: DatContext): Block[] {
  const { model, findings } = ctx.input;
  const fleet = model.assets.reduce((sum, a) => sum + (a.count ?? 1), 0);
  const row = (label: string, count: number, target: string): Inlines[] => [
    [label],
    [num(ctx, count)],
    [ref('', target)],
  ];
  const rows: Inlines[][] = [
    row(ctx.t(W.countSites), model.sites.length, 'table-sites'),
    row(ctx.t(W.countZones), model.zones.length, 'table-zones'),
    row(ctx.t(W.countAssets(num(ctx, fleet))), model.assets.length, 'inventory'),
    row(ctx.t(W.countFlows), model.flows.length, 'table-flows'),
    row(ctx.t(W.countData), model.data.length, 'table-data'),
    row(ctx.t(W.countProcesses), model.processes.length, 'table-processes'),
    row(ctx.t(W.countIdentities), model.identities.length, 'table-identities'),
    row(ctx.t(W.countBackups), model.backups.length, 'backups'),
    row(ctx.t(W.countMeasures), model.measures.length, 'table-baseline'),
    row(ctx.t(W.countDecisions), model.decisions.length, 'decisions'),
    row(ctx.t(W.countFindings), findings.length, 'findings'),
  ];
  return [
    paragraph(ctx.t(W.coverageIntro)),
    table(
      'table-counts',
      ctx.t(W.captionCounts),
      [col(ctx.t(W.colElement), 3), col(ctx.t(W.colCount), 1, 'right'), col(ctx.t(W.colWhere), 2)],
      rows,
    ),
  ];
}

function sourcesBlocks(ctx: DatContext): Block[] {
  const { input } = ctx;
  const items: Inline[][] = [
    [bold(ctx.t(W.analysisDate)), ` ${longDate(ctx.locale, input.today)}`],
    [bold(ctx.t(W.sourceModel)), ` ${ctx.t(W.sourceModelText)}`],
    [bold(ctx.t(W.sourceRules)), ` ${ctx.t(W.sourceRulesText(num(ctx, input.rules.length)))}`],
    [bold(ctx.t(W.sourceNeeds)), ` ${ctx.t(W.sourceNeedsText)}`],
    [bold(ctx.t(W.sourceBaseline)), ` ${ctx.t(W.sourceBaselineText)}`],
    [
      bold(ctx.t(W.sourcePaths)),
      ` ${input.attack === undefined ? ctx.t(W.pathsNotComputed) : ctx.t(W.sourcePathsText(num(ctx, input.attack.paths.length)))}`,
    ],
  ];
  const blocks: Block[] = [list(items), paragraph(ctx.t(W.readingConventions))];
  if (input.ruleFailures.length > 0)
    blocks.push(
      callout(
        'warning',
        ctx.t(W.ruleFailures(num(ctx, input.ruleFailures.length))),
        ' ',
        ...input.ruleFailures.flatMap((f, i): Inline[] => [i === 0 ? '' : ', ', code(f.ruleId)]),
      ),
    );
  return blocks;
}

export function scopeSection(ctx: DatContext): Block {
  const org = ctx.input.model.organisation?.name ?? ctx.t(W.theOrganisation);
  return section('scope', ctx.t(W.titleScope), [
    section('scope-purpose', ctx.t(W.titlePurpose), [
      paragraph(ctx.t(W.purpose1(org))),
      paragraph(ctx.t(W.purpose2)),
    ]),
    section('scope-organisation', ctx.t(W.titleOrganisation), [
      ...organisationBlocks(ctx),
      ...sitesBlocks(ctx),
    ]),
    section('scope-coverage', ctx.t(W.titleCoverage), coverageBlocks(ctx)),
    section('scope-sources', ctx.t(W.titleSources), sourcesBlocks(ctx)),
  ]);
}
