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
import { callout, cell, col, entityRef, list, num, paragraph, section, table } from './common.js';
import type { DatContext } from './context.js';
import { DAT_TEXTS } from './texts.js';

/** Attack paths listed, and how many of them get a diagram. */
export const TOP_PATHS = 5;
export const PATH_FIGURES = 3;
const TOP_CHOKE_POINTS = 10;
/** Critical findings listed by name in the residual risks (the others are counted). */
const LISTED_CRITICAL = 15;

function acceptedBlocks(ctx: DatContext): Block[] {
  const accepted = ctx.input.findings.filter(
    (f) => f.status === 'accepted' && f.decision !== undefined,
  );
  if (accepted.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noAcceptedRisks))];
  return [
    table(
      'table-accepted-risks',
      ctx.t(DAT_TEXTS.captionAcceptedRisks),
      [
        col(ctx.t(DAT_TEXTS.colFinding), 2.2),
        col(ctx.t(DAT_TEXTS.colSeverity), 0.8),
        col(ctx.t(DAT_TEXTS.colJustification), 3.6),
        col(ctx.t(DAT_TEXTS.colOwner), 1.1),
        col(ctx.t(DAT_TEXTS.colReview), 0.9),
      ],
      accepted.map((f) => [
        [f.title, ' ', code(f.id)],
        [severityLabel(f.severity, ctx.locale)],
        [f.decision?.justification ?? ''],
        f.decision?.owner === undefined ? ['–'] : [ctx.nameOf(f.decision.owner)],
        cell(f.decision?.reviewDate),
      ]),
      true,
    ),
  ];
}

function overdueBlocks(ctx: DatContext): Block[] {
  const overdue = ctx.input.findings.filter((f) => f.decision?.expired === true);
  if (overdue.length === 0) return [callout('success', ctx.t(DAT_TEXTS.noOverdue))];
  return [
    callout('danger', ctx.t(DAT_TEXTS.overdueText(num(ctx, overdue.length)))),
    table(
      'table-overdue-decisions',
      ctx.t(DAT_TEXTS.captionOverdue),
      [
        col(ctx.t(DAT_TEXTS.colDecision), 1.4),
        col(ctx.t(DAT_TEXTS.colFinding), 2.2),
        col(ctx.t(DAT_TEXTS.colSeverity), 0.8),
        col(ctx.t(DAT_TEXTS.colJustification), 3.2),
        col(ctx.t(DAT_TEXTS.colReview), 0.9),
      ],
      overdue.map((f) => [
        [code(f.decision?.id ?? '')],
        [f.title, ' ', code(f.id)],
        [severityLabel(f.severity, ctx.locale)],
        [f.decision?.justification ?? ''],
        cell(f.decision?.reviewDate),
      ]),
      true,
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
    table(
      'table-attack-paths',
      ctx.t(DAT_TEXTS.captionPaths(String(top.length))),
      [
        col('#', 0.3, 'right'),
        col(ctx.t(DAT_TEXTS.colSource), 1.5),
        col(ctx.t(DAT_TEXTS.colTarget), 1.3),
        col(ctx.t(DAT_TEXTS.colProbability), 1.1, 'right'),
        col(ctx.t(DAT_TEXTS.colRoute), 2.8),
        col(ctx.t(DAT_TEXTS.colTechniques), 1.4),
      ],
      top.map((path, i) => [
        [String(i + 1)],
        [sourceLabel(ctx, path.source)],
        entityRef(ctx, path.target),
        [percentText(ctx, path.score)],
        [pathRoute(path)],
        [[...new Set(path.steps.map((s) => s.technique.id))].join(', ')],
      ]),
      true,
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
    {
      kind: 'figure',
      id: `figure-path-${String(rank)}`,
      svg: diagram.svg,
      width: diagram.width,
      height: diagram.height,
      caption: [
        ctx.t(
          DAT_TEXTS.captionPathFigure(String(rank), sourceLabel(ctx, path.source), path.target),
        ),
      ],
      alt: diagram.alt,
    },
  ];
}

function chokeBlocks(ctx: DatContext): Block[] {
  const attack = ctx.input.attack;
  if (attack === undefined || attack.chokePoints.length === 0) return [];
  const top = attack.chokePoints.slice(0, TOP_CHOKE_POINTS);
  return [
    section('residual-choke-points', ctx.t(DAT_TEXTS.titleChokePoints), [
      paragraph(ctx.t(DAT_TEXTS.chokeIntro)),
      table(
        'table-choke-points',
        ctx.t(DAT_TEXTS.captionChokePoints),
        [
          col(ctx.t(DAT_TEXTS.colElement), 1.8),
          col(ctx.t(DAT_TEXTS.colAction), 3.4),
          col(ctx.t(DAT_TEXTS.colPathsCut), 0.8, 'right'),
          col(ctx.t(DAT_TEXTS.colTargets), 0.8, 'right'),
        ],
        top.map((point) => [
          entityRef(ctx, point.entity),
          [ctx.t(point.action)],
          [num(ctx, point.pathsCut)],
          [num(ctx, point.targets.length)],
        ]),
        true,
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
