/**
 * Section 9 of the PRA: exercises — the results of past exercises (measured recovery time per
 * process against its RTO, problems found) and the plan of the next ones: every process without
 * an exercise in the last twelve months, or that missed its RTO at its last one, gets a
 * recommended exercise, sooner for a tighter RTO.
 */
import { durationMinutes } from '../../domain/duration.js';
import { addMonths } from '../dat/common.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { cappedTable, column, list, paragraph, section, span, todo } from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

/** An exercise older than this many months is not recent. */
export const RECENT_EXERCISE_MONTHS = 12;

/** The next exercise of a process is due within this many months, by RTO. */
export function exerciseDueMonths(rtoMinutes: number | undefined): number {
  if (rtoMinutes === undefined) return 6;
  if (rtoMinutes <= 8 * 60) return 1;
  if (rtoMinutes <= 3 * 1440) return 3;
  return 6;
}

interface Measure {
  readonly date: string;
  readonly kind: string;
  readonly scenario: string;
  readonly process: string;
  readonly minutes: number;
}

function measures(ctx: PraContext): Measure[] {
  const exercises = ctx.graph.model.organisation?.continuity?.exercises ?? [];
  return exercises
    .flatMap((e) =>
      (e.measured ?? []).map((m) => ({
        date: e.date,
        kind: e.kind,
        scenario: e.scenario,
        process: m.process,
        minutes: durationMinutes(m.time),
      })),
    )
    .sort((a, b) => b.date.localeCompare(a.date) || a.process.localeCompare(b.process));
}

function rtoOf(ctx: PraContext, process: string): number | undefined {
  return ctx.bia.processes.find((p) => p.process === process)?.rto?.minutes;
}

function verdict(ctx: PraContext, minutes: number, rto: number | undefined): Inline {
  if (rto === undefined) return ctx.t(PRA_TEXTS.statusNoRto);
  return minutes <= rto ? ctx.t(PRA_TEXTS.statusMet) : bold(ctx.t(PRA_TEXTS.statusMissed));
}

function results(ctx: PraContext): Block[] {
  const exercises = ctx.graph.model.organisation?.continuity?.exercises ?? [];
  if (exercises.length === 0)
    return [
      todo(ctx, PRA_TEXTS.todoExercises, 'organisation.yaml → organisation.continuity.exercises'),
    ];
  const kind = (k: string): string => ctx.t(PRA_TEXTS.exerciseKinds[k] ?? { en: k, fr: k });
  const rows: Inlines[][] = measures(ctx).map((m) => {
    const rto = rtoOf(ctx, m.process);
    return [
      [m.date],
      [kind(m.kind)],
      [m.scenario],
      [code(m.process)],
      [span(ctx, m.minutes)],
      [rto === undefined ? '–' : span(ctx, rto)],
      [verdict(ctx, m.minutes, rto)],
    ];
  });
  for (const e of exercises)
    if ((e.measured ?? []).length === 0)
      rows.push([
        [e.date],
        [kind(e.kind)],
        [e.scenario],
        ['–'],
        [ctx.t(PRA_TEXTS.notMeasured)],
        ['–'],
        ['–'],
      ]);
  const blocks: Block[] = [
    paragraph(ctx.t(PRA_TEXTS.exercisesIntro)),
    ...cappedTable(
      ctx,
      'table-exercise-results',
      ctx.t(PRA_TEXTS.captionExerciseResults),
      [
        column(ctx, PRA_TEXTS.colDate, 0.9),
        column(ctx, PRA_TEXTS.colKind, 1),
        column(ctx, PRA_TEXTS.colScenario, 2),
        column(ctx, PRA_TEXTS.colProcess, 1.4),
        column(ctx, PRA_TEXTS.colMeasured, 0.9),
        column(ctx, PRA_TEXTS.colRto, 0.8),
        column(ctx, PRA_TEXTS.colVerdict, 0.8),
      ],
      rows,
    ),
  ];
  for (const e of [...exercises].sort((a, b) => b.date.localeCompare(a.date))) {
    if (e.problems === undefined || e.problems.length === 0) continue;
    blocks.push(paragraph(ctx.t(PRA_TEXTS.problemsFound(e.date, e.scenario))));
    blocks.push(list(e.problems.map((p) => [p])));
  }
  return blocks;
}

function recommendation(ctx: PraContext, process: string, rto: number | undefined): string {
  const usesData = (ctx.graph.process(process)?.data ?? []).length > 0;
  if (rto !== undefined && rto <= 8 * 60) return ctx.t(PRA_TEXTS.recommendFailover);
  if (usesData) return ctx.t(PRA_TEXTS.recommendRestore);
  return ctx.t(PRA_TEXTS.recommendTabletop);
}

function plan(ctx: PraContext): Block[] {
  if (ctx.bia.processes.length === 0) return [];
  const recentFrom = addMonths(ctx.today, -RECENT_EXERCISE_MONTHS);
  const all = measures(ctx);
  const rows: Inlines[][] = [];
  const ordered = [...ctx.bia.processes].sort(
    (a, b) =>
      (a.rto?.minutes ?? Number.POSITIVE_INFINITY) - (b.rto?.minutes ?? Number.POSITIVE_INFINITY) ||
      a.process.localeCompare(b.process),
  );
  for (const p of ordered) {
    const rto = p.rto?.minutes;
    const last = all.find((m) => m.process === p.process);
    const recent = last !== undefined && last.date >= recentFrom;
    const missed = last !== undefined && rto !== undefined && last.minutes > rto;
    if (recent && !missed) continue;
    rows.push([
      [code(p.process), ` — ${ctx.nameOf(p.process)}`],
      [rto === undefined ? ctx.t(PRA_TEXTS.toComplete) : span(ctx, rto)],
      [
        last === undefined ? ctx.t(PRA_TEXTS.never) : last.date,
        ...(missed ? [ctx.t(PRA_TEXTS.missedLast)] : []),
      ],
      [recommendation(ctx, p.process, rto)],
      [addMonths(ctx.today, exerciseDueMonths(rto))],
    ]);
  }
  if (rows.length === 0) return [paragraph(ctx.t(PRA_TEXTS.planAllRecent))];
  return [
    paragraph(ctx.t(PRA_TEXTS.planIntro)),
    ...cappedTable(
      ctx,
      'table-exercise-plan',
      ctx.t(PRA_TEXTS.captionExercisePlan),
      [
        column(ctx, PRA_TEXTS.colProcess, 2.2),
        column(ctx, PRA_TEXTS.colRto, 0.8),
        column(ctx, PRA_TEXTS.colLastExercise, 1.2),
        column(ctx, PRA_TEXTS.colRecommended, 2.2),
        column(ctx, PRA_TEXTS.colBefore, 0.9),
      ],
      rows,
    ),
  ];
}

export function exercisesSection(ctx: PraContext): Block {
  const children: Block[] = [
    section('exercises-results', ctx.t(PRA_TEXTS.titleExerciseResults), results(ctx)),
  ];
  const planned = plan(ctx);
  if (planned.length > 0)
    children.push(section('exercises-plan', ctx.t(PRA_TEXTS.titleExercisePlan), planned));
  return section('exercises', ctx.t(PRA_TEXTS.titleExercises), children);
}
