/**
 * Section 14 of the DAT: residual risks — accepted risks, decisions past their review date,
 * severe findings still open, the most likely attack paths (with diagrams of the first ones)
 * and the choke points that would cut them.
 */
import type { AttackPath } from '../../design/attack/analyze-paths.js';
import { pathRoute } from '../../design/output/paths-text.js';
import { severityLabel } from '../../design/output/findings-text.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import { code, ref, type Block, type Inline } from '../model.js';
import type { Finding } from '../../design/findings.js';
import { callout, cell, entityRef, figure, list, num, paragraph, section } from './common.js';
import type { DatContext } from './context.js';
import { tableOf, type Column } from './tables.js';
import { DAT_TEXTS } from './texts.js';

/** Attack paths listed, and how many of them get a diagram. */
export const TOP_PATHS = 5;
export const PATH_FIGURES = 3;
const TOP_CHOKE_POINTS = 10;
/** Critical findings listed by name in the residual risks (the others are counted). */
const LISTED_CRITICAL = 15;

/** Columns the tables of findings with a risk decision share. */
interface DecisionColumns {
  readonly finding: Column<Finding>;
  readonly severity: Column<Finding>;
  readonly justification: Column<Finding>;
  readonly review: Column<Finding>;
}

function decisionColumns(ctx: DatContext, justificationWidth: number): DecisionColumns {
  return {
    finding: { title: 'colFinding', width: 2.2, cell: (f) => [f.title, ' ', code(f.id)] },
    severity: {
      title: 'colSeverity',
      width: 0.8,
      cell: (f) => [severityLabel(f.severity, ctx.locale)],
    },
    justification: {
      title: 'colJustification',
      width: justificationWidth,
      cell: (f) => [f.decision?.justification ?? ''],
    },
    review: { title: 'colReview', width: 0.9, cell: (f) => cell(f.decision?.reviewDate) },
  };
}

function acceptedBlocks(ctx: DatContext): Block[] {
  const accepted = ctx.input.findings.filter(
    (f) => f.status === 'accepted' && f.decision !== undefined,
  );
  if (accepted.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noAcceptedRisks))];
  const columns = decisionColumns(ctx, 3.6);
  return [
    tableOf(
      ctx,
      {
        id: 'table-accepted-risks',
        caption: DAT_TEXTS.captionAcceptedRisks,
        dense: true,
        columns: [
          columns.finding,
          columns.severity,
          columns.justification,
          {
            title: 'colOwner',
            width: 1.1,
            cell: (f) => (f.decision?.owner === undefined ? ['–'] : [ctx.nameOf(f.decision.owner)]),
          },
          columns.review,
        ],
      },
      accepted,
    ),
  ];
}

function overdueBlocks(ctx: DatContext): Block[] {
  const overdue = ctx.input.findings.filter((f) => f.decision?.expired === true);
  if (overdue.length === 0) return [callout('success', ctx.t(DAT_TEXTS.noOverdue))];
  const columns = decisionColumns(ctx, 3.2);
  return [
    callout('danger', ctx.t(DAT_TEXTS.overdueText(num(ctx, overdue.length)))),
    tableOf(
      ctx,
      {
        id: 'table-overdue-decisions',
        caption: DAT_TEXTS.captionOverdue,
        dense: true,
        columns: [
          { title: 'colDecision', width: 1.4, cell: (f) => [code(f.decision?.id ?? '')] },
          columns.finding,
          columns.severity,
          columns.justification,
          columns.review,
        ],
      },
      overdue,
    ),
  ];
}

function severeBlocks(ctx: DatContext): Block[] {
  const open = ctx.input.findings.filter((f) => f.status === 'open');
  const critical = open.filter((f) => f.severity === 'critical');
  const high = open.filter((f) => f.severity === 'high');
  if (critical.length + high.length === 0)
    return [callout('success', ctx.t(DAT_TEXTS.noSevereOpen))];
  const blocks: Block[] = [
    callout(
      critical.length > 0 ? 'danger' : 'warning',
      ctx.t(DAT_TEXTS.severeOpen(num(ctx, critical.length), num(ctx, high.length))),
      ' ',
      ref(ctx.t(DAT_TEXTS.openFindingsRef), 'findings-open'),
      '.',
    ),
  ];
  if (critical.length > 0)
    blocks.push(
      list(
        critical
          .slice(0, LISTED_CRITICAL)
          .map((f): Inline[] => [f.title, ' — ', ...entityRef(ctx, f.subjects[0] ?? f.id)]),
      ),
    );
  if (critical.length > LISTED_CRITICAL)
    blocks.push(
      paragraph(ctx.t(DAT_TEXTS.moreFindings(num(ctx, critical.length - LISTED_CRITICAL)))),
    );
  return blocks;
}

function sourceLabel(ctx: DatContext, id: string): string {
  const source = ctx.input.attack?.sources.find((s) => s.id === id);
  return source === undefined ? id : ctx.t(source.label);
}

async function pathBlocks(ctx: DatContext, diagrams: DiagramProvider): Promise<Block[]> {
  const attack = ctx.input.attack;
  if (attack === undefined) return [callout('info', ctx.t(DAT_TEXTS.pathsNotComputedCallout))];
  if (attack.paths.length === 0) return [callout('success', ctx.t(DAT_TEXTS.noPaths))];
  const top = attack.paths.slice(0, TOP_PATHS);
  const blocks: Block[] = [
    paragraph(
      ctx.t(
        DAT_TEXTS.pathsIntro(
          num(ctx, attack.sources.length),
          num(ctx, attack.targets.length),
          num(ctx, attack.paths.length),
        ),
      ),
    ),
    tableOf(
      ctx,
      {
        id: 'table-attack-paths',
        caption: DAT_TEXTS.captionPaths(String(top.length)),
        dense: true,
        columns: [
          { title: 'colNumber', width: 0.3, align: 'right', cell: (_, i) => [String(i + 1)] },
          { title: 'colSource', width: 1.5, cell: (path) => [sourceLabel(ctx, path.source)] },
          { title: 'colTarget', width: 1.3, cell: (path) => entityRef(ctx, path.target) },
          {
            title: 'colProbability',
            width: 1.1,
            align: 'right',
            cell: (path) => [percentText(ctx, path.score)],
          },
          { title: 'colRoute', width: 2.8, cell: (path) => [pathRoute(path)] },
          {
            title: 'colTechniques',
            width: 1.4,
            cell: (path) => [[...new Set(path.steps.map((s) => s.technique.id))].join(', ')],
          },
        ],
      },
      top,
    ),
  ];
  for (const [i, path] of top.slice(0, PATH_FIGURES).entries())
    blocks.push(...(await pathFigure(ctx, diagrams, path, i + 1)));
  return blocks;
}

const percentText = (ctx: DatContext, score: number): string =>
  ctx.fr ? `${(score * 100).toFixed(1).replace('.', ',')} %` : `${(score * 100).toFixed(1)}%`;

async function pathFigure(
  ctx: DatContext,
  diagrams: DiagramProvider,
  path: AttackPath,
  rank: number,
): Promise<Block[]> {
  const diagram = await diagrams.attackPath(path);
  return [
    paragraph(
      ctx.t(DAT_TEXTS.pathStepsIntro(String(rank), sourceLabel(ctx, path.source), path.target)),
    ),
    list(
      path.steps.map((step): Inline[] => [
        ctx.t(step.explanation),
        ` (ATT&CK ${step.technique.id})`,
      ]),
      true,
    ),
    figure(
      `figure-path-${String(rank)}`,
      diagram,
      ctx.t(DAT_TEXTS.captionPathFigure(String(rank), sourceLabel(ctx, path.source), path.target)),
    ),
  ];
}

function chokeBlocks(ctx: DatContext): Block[] {
  const attack = ctx.input.attack;
  if (attack === undefined || attack.chokePoints.length === 0) return [];
  const top = attack.chokePoints.slice(0, TOP_CHOKE_POINTS);
  return [
    section('residual-choke-points', ctx.t(DAT_TEXTS.titleChokePoints), [
      paragraph(ctx.t(DAT_TEXTS.chokeIntro)),
      tableOf(
        ctx,
        {
          id: 'table-choke-points',
          caption: DAT_TEXTS.captionChokePoints,
          dense: true,
          columns: [
            { title: 'colElement', width: 1.8, cell: (point) => entityRef(ctx, point.entity) },
            { title: 'colAction', width: 3.4, cell: (point) => [ctx.t(point.action)] },
            {
              title: 'colPathsCut',
              width: 0.8,
              align: 'right',
              cell: (point) => [num(ctx, point.pathsCut)],
            },
            {
              title: 'colTargets',
              width: 0.8,
              align: 'right',
              cell: (point) => [num(ctx, point.targets.length)],
            },
          ],
        },
        top,
      ),
    ]),
  ];
}

export async function residualSection(ctx: DatContext, diagrams: DiagramProvider): Promise<Block> {
  return section('residual-risks', ctx.t(DAT_TEXTS.titleResidual), [
    paragraph(ctx.t(DAT_TEXTS.residualIntro)),
    section('residual-accepted', ctx.t(DAT_TEXTS.titleAccepted), acceptedBlocks(ctx)),
    section('residual-overdue', ctx.t(DAT_TEXTS.titleOverdue), overdueBlocks(ctx)),
    section('residual-open', ctx.t(DAT_TEXTS.titleSevereOpen), severeBlocks(ctx)),
    section('residual-paths', ctx.t(DAT_TEXTS.titlePaths), await pathBlocks(ctx, diagrams)),
    ...chokeBlocks(ctx),
  ]);
}
