/**
 * Section 6 of the PRA: the recovery order — the schedule of the whole information system, then
 * of each scenario, as a Gantt chart (critical path highlighted, RTO marked per process) with
 * each process's achievable time against its RTO and the chain that decides it.
 */
import type { RecoveryPlan } from '../../continuity/index.js';
import { bold, code, type Block, type Inlines } from '../model.js';
import {
  callout,
  cappedTable,
  column,
  idsCell,
  num,
  paragraph,
  section,
  someIds,
  span,
  spanCell,
} from './common.js';
import type { PraContext } from './context.js';
import { scenarioName } from './scenarios.js';
import { PRA_TEXTS } from './texts.js';

/** The size of an SVG drawing from its viewBox (else its width and height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const box = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(svg);
  if (box?.[1] !== undefined && box[2] !== undefined)
    return { width: Number(box[1]), height: Number(box[2]) };
  const width = /<svg[^>]*\swidth\s*=\s*["']([\d.]+)/.exec(svg)?.[1];
  const height = /<svg[^>]*\sheight\s*=\s*["']([\d.]+)/.exec(svg)?.[1];
  return { width: Number(width ?? 800), height: Number(height ?? 400) };
}

function ganttBlock(
  ctx: PraContext,
  id: string,
  plan: RecoveryPlan,
  caption: string,
  highlight?: readonly string[],
): Block {
  if (plan.tasks.length === 0) return paragraph(ctx.t(PRA_TEXTS.runbookEmpty));
  if (ctx.gantt === undefined) return callout('info', ctx.t(PRA_TEXTS.ganttMissing));
  const names: Record<string, string> = {};
  for (const task of plan.tasks) names[task.asset] = ctx.nameOf(task.asset);
  for (const p of plan.processes) names[p.process] = ctx.nameOf(p.process);
  const svg = ctx.gantt(plan, {
    locale: ctx.locale,
    title: caption,
    processes: true,
    names,
    ...(highlight === undefined ? {} : { highlight }),
  });
  const { width, height } = svgSize(svg);
  return {
    kind: 'figure',
    id,
    svg,
    width,
    height,
    caption: [caption],
    alt: `${caption}: ${String(plan.tasks.length)} / ${span(ctx, plan.makespan)}`,
  };
}

function processRows(ctx: PraContext, plan: RecoveryPlan): Inlines[][] {
  return plan.processes.map((p): Inlines[] => [
    [code(p.process)],
    spanCell(ctx, p.rto),
    [span(ctx, p.achievable)],
    [
      p.status === 'met'
        ? ctx.t(PRA_TEXTS.statusMet)
        : p.status === 'missed'
          ? bold(ctx.t(PRA_TEXTS.statusMissed))
          : ctx.t(PRA_TEXTS.statusNoRto),
    ],
    someIds(p.chain, 8),
  ]);
}

function planBlocks(
  ctx: PraContext,
  id: string,
  plan: RecoveryPlan,
  caption: string,
  tableCaption: string,
  highlight?: readonly string[],
): Block[] {
  const blocks: Block[] = [ganttBlock(ctx, `figure-gantt-${id}`, plan, caption, highlight)];
  if (plan.processes.length > 0)
    blocks.push(
      ...cappedTable(
        ctx,
        `table-order-${id}`,
        tableCaption,
        [
          column(ctx, PRA_TEXTS.colProcess, 1.6),
          column(ctx, PRA_TEXTS.colRto, 0.8),
          column(ctx, PRA_TEXTS.colAchievable, 1),
          column(ctx, PRA_TEXTS.colRtoStatus, 0.8),
          column(ctx, PRA_TEXTS.colChain, 3),
        ],
        processRows(ctx, plan),
      ),
    );
  if (plan.criticalPath.length > 0)
    blocks.push(
      paragraph(
        ctx.t(PRA_TEXTS.criticalPath),
        ' ',
        ...idsCell(plan.criticalPath.slice(0, 40)),
        plan.criticalPath.length > 40 ? ', …' : '',
      ),
    );
  return blocks;
}

export function recoveryOrderSection(ctx: PraContext): Block {
  const children: Block[] = [paragraph(ctx.t(PRA_TEXTS.orderIntro))];
  const { plan } = ctx;
  children.push(
    section('order-whole', ctx.t(PRA_TEXTS.titleWholePlan), [
      paragraph(ctx.t(PRA_TEXTS.wholeIntro(num(ctx, plan.teams), span(ctx, plan.makespan)))),
      ...planBlocks(
        ctx,
        'whole',
        plan,
        ctx.t(PRA_TEXTS.titleWholePlan),
        ctx.t(PRA_TEXTS.captionWholeProcesses),
      ),
    ]),
  );
  for (const s of ctx.scenarios) {
    const result = s.result;
    if (result === undefined || result.error !== undefined) continue;
    const name = scenarioName(ctx, s);
    children.push(
      section(
        `order-${s.id}`,
        name,
        planBlocks(
          ctx,
          s.id,
          result.plan,
          ctx.t(PRA_TEXTS.captionGantt(name)),
          ctx.t(PRA_TEXTS.captionOrder(name)),
          result.lost.map((l) => l.asset),
        ),
      ),
    );
  }
  return section('recovery-order', ctx.t(PRA_TEXTS.titleRecoveryOrder), children);
}
