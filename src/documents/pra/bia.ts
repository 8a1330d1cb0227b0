/**
 * Section 2 of the PRA: the business impact analysis — objectives per process (RTO, RPO, MTPD,
 * MBCO, dependencies), impact over time at 4 h, 1 d, 3 d, 1 w and 1 month, and the
 * inconsistencies the analysis flags.
 */
import { code, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cappedTable,
  column,
  flagColumns,
  flagRows,
  idsCell,
  paragraph,
  section,
  todo,
} from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

const IMPACT_HEADINGS: Readonly<Record<string, { en: string; fr: string }>> = {
  '4h': { en: '4 h', fr: '4 h' },
  '1d': { en: '1 day', fr: '1 jour' },
  '3d': { en: '3 days', fr: '3 jours' },
  '1w': { en: '1 week', fr: '1 semaine' },
  '1mo': { en: '1 month', fr: '1 mois' },
};
const IMPACT_AT = ['4h', '1d', '3d', '1w', '1mo'] as const;

function processCell(ctx: PraContext, id: string): Inlines {
  const name = ctx.nameOf(id);
  return name === id ? [code(id)] : [code(id), ` — ${name}`];
}

function dependsCell(direct: readonly string[], all: readonly string[]): Inlines {
  if (all.length === 0) return ['–'];
  const indirect = all.filter((id) => !direct.includes(id));
  const cell: Inline[] = [];
  if (direct.length > 0) cell.push(...idsCell(direct));
  if (indirect.length > 0) {
    if (cell.length > 0) cell.push(' ');
    cell.push('(', ...idsCell(indirect), ')');
  }
  return cell;
}

function objectives(ctx: PraContext): Block[] {
  const { processes } = ctx.graph.model;
  if (processes.length === 0)
    return [todo(ctx, PRA_TEXTS.todoProcesses, 'processes.yaml → processes')];
  const dash = (value: { text: { en: string; fr: string } } | undefined): Inlines => [
    value === undefined ? ctx.t(PRA_TEXTS.toComplete) : ctx.t(value.text),
  ];
  const rows = ctx.bia.processes.map((p): Inlines[] => [
    processCell(ctx, p.process),
    dash(p.rto),
    dash(p.rpo),
    dash(p.mtpd),
    [p.mbco ?? ctx.t(PRA_TEXTS.toComplete)],
    dependsCell(p.dependsOn, p.dependencies),
  ]);
  const blocks: Block[] = [
    paragraph(ctx.t(PRA_TEXTS.biaIntro)),
    ...cappedTable(
      ctx,
      'table-bia-objectives',
      ctx.t(PRA_TEXTS.captionObjectives),
      [
        column(ctx, PRA_TEXTS.colProcess, 2),
        column(ctx, PRA_TEXTS.colRto, 0.8),
        column(ctx, PRA_TEXTS.colRpo, 0.8),
        column(ctx, PRA_TEXTS.colMtpd, 0.8),
        column(ctx, PRA_TEXTS.colMbco, 2.6),
        column(ctx, PRA_TEXTS.colDependsOn, 1.4),
      ],
      rows,
    ),
  ];
  const lacking = processes
    .filter((p) => p.rto === undefined || p.rpo === undefined || p.mtpd === undefined)
    .map((p) => p.id);
  if (lacking.length > 0)
    blocks.push(
      todo(ctx, PRA_TEXTS.todoObjectives, 'processes.yaml → processes[].rto, rpo, mtpd', lacking),
    );
  const noMbco = processes.filter((p) => p.mbco === undefined).map((p) => p.id);
  if (noMbco.length > 0)
    blocks.push(todo(ctx, PRA_TEXTS.todoMbco, 'processes.yaml → processes[].mbco', noMbco));
  return blocks;
}

function impact(ctx: PraContext): Block[] {
  if (ctx.bia.processes.length === 0) return [];
  const rows = ctx.bia.processes.map((p): Inlines[] => [
    processCell(ctx, p.process),
    ...IMPACT_AT.map((at): Inlines => {
      const level = p.impact.find((point) => point.at === at)?.level;
      return [level === undefined ? '–' : String(level)];
    }),
  ]);
  return [
    paragraph(ctx.t(PRA_TEXTS.impactIntro)),
    ...cappedTable(
      ctx,
      'table-bia-impact',
      ctx.t(PRA_TEXTS.captionImpact),
      [
        column(ctx, PRA_TEXTS.colProcess, 3),
        ...IMPACT_AT.map((at) =>
          column(ctx, IMPACT_HEADINGS[at] ?? { en: at, fr: at }, 0.8, 'center'),
        ),
      ],
      rows,
    ),
  ];
}

function flags(ctx: PraContext): Block[] {
  if (ctx.bia.flags.length === 0) return [callout('success', ctx.t(PRA_TEXTS.noBiaFlags))];
  return cappedTable(
    ctx,
    'table-bia-flags',
    ctx.t(PRA_TEXTS.captionBiaFlags),
    flagColumns(ctx),
    flagRows(ctx, ctx.bia.flags),
  );
}

export function biaSection(ctx: PraContext): Block {
  const children: Block[] = [
    section('bia-objectives', ctx.t(PRA_TEXTS.titleBiaObjectives), objectives(ctx)),
  ];
  if (ctx.bia.processes.length > 0) {
    children.push(section('bia-impact', ctx.t(PRA_TEXTS.titleBiaImpact), impact(ctx)));
    children.push(section('bia-flags', ctx.t(PRA_TEXTS.titleBiaFlags), flags(ctx)));
  }
  return section('bia', ctx.t(PRA_TEXTS.titleBia), children);
}
