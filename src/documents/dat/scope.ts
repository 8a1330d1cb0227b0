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

function sitesBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.sites,
    { what: DAT_TEXTS.todoSites, where: 'organisation.yaml → sites' },
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
          ? ctx.t(DAT_TEXTS.notStated)
          : `${ctx.t(DAT_TEXTS.ups)} ${yesNo(ctx, site.power.ups)}, ${ctx.t(DAT_TEXTS.generator)} ${yesNo(ctx, site.power.generator)}`;
      const network = (site: Site): string =>
        site.network === undefined
          ? ctx.t(DAT_TEXTS.notStated)
          : [
              `${ctx.t(DAT_TEXTS.redundant)} ${yesNo(ctx, site.network.redundant)}`,
              ...(site.network.providers ?? []),
            ].join('; ');
      return table(
        'table-sites',
        ctx.t(DAT_TEXTS.captionSites),
        [
          col(ctx.t(DAT_TEXTS.colId), 1.2),
          col(ctx.t(DAT_TEXTS.colName), 1.6),
          col(ctx.t(DAT_TEXTS.colKind), 0.9),
          col(ctx.t(DAT_TEXTS.colAddress), 2),
          col(ctx.t(DAT_TEXTS.colPower), 1.4),
          col(ctx.t(DAT_TEXTS.colNetwork), 2),
          col(ctx.t(DAT_TEXTS.colZones), 0.6, 'right'),
          col(ctx.t(DAT_TEXTS.colAssets), 0.6, 'right'),
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
        what: DAT_TEXTS.todoSiteFields,
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
    row(ctx.t(DAT_TEXTS.countSites), model.sites.length, 'table-sites'),
    row(ctx.t(DAT_TEXTS.countZones), model.zones.length, 'table-zones'),
    row(ctx.t(DAT_TEXTS.countAssets(num(ctx, fleet))), model.assets.length, 'inventory'),
    row(ctx.t(DAT_TEXTS.countFlows), model.flows.length, 'table-flows'),
    row(ctx.t(DAT_TEXTS.countData), model.data.length, 'table-data'),
    row(ctx.t(DAT_TEXTS.countProcesses), model.processes.length, 'table-processes'),
    row(ctx.t(DAT_TEXTS.countIdentities), model.identities.length, 'table-identities'),
    row(ctx.t(DAT_TEXTS.countBackups), model.backups.length, 'backups'),
    row(ctx.t(DAT_TEXTS.countMeasures), model.measures.length, 'table-baseline'),
    row(ctx.t(DAT_TEXTS.countDecisions), model.decisions.length, 'decisions'),
    row(ctx.t(DAT_TEXTS.countFindings), findings.length, 'findings'),
  ];
  return [
    paragraph(ctx.t(DAT_TEXTS.coverageIntro)),
    table(
      'table-counts',
      ctx.t(DAT_TEXTS.captionCounts),
      [
        col(ctx.t(DAT_TEXTS.colElement), 3),
        col(ctx.t(DAT_TEXTS.colCount), 1, 'right'),
        col(ctx.t(DAT_TEXTS.colWhere), 2),
      ],
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
