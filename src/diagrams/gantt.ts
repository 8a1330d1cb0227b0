/**
 * The Gantt chart of a recovery plan (`planRecovery`): one row per asset brought back, grouped by
 * team slot and ordered by start, on a time axis in minutes, hours and days; the critical path in
 * its own colour; optionally, per process, the time it is back against an RTO marker. Large plans
 * are cut to a bounded number of rows (critical path, highlighted assets and the chains deciding
 * each process first), with a note saying how many are left out.
 */
import type { PlannedTask, ProcessRecovery, RecoveryPlan } from '../continuity/schedule/index.js';
import type { RecoveryMethod } from '../domain/model/index.js';
import type { Locale } from '../i18n/index.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { fitText, textWidth } from './metrics.js';
import { COLOUR, FONT, SEVERITY_COLOUR, SPACING } from './styles.js';
import { svgDocument, SvgWriter } from './svg.js';
import {
  ganttDuration,
  ganttTicks,
  METHOD_TEXT,
  processLine,
  rowsOf,
  teamLabel,
  TEXT,
  type Row,
} from './gantt-rows.js';
import { count, say } from './texts.js';

export { ganttDuration, ganttTicks } from './gantt-rows.js';

export interface GanttOptions {
  readonly locale: Locale;
  /** Heading and accessible title; default "Recovery schedule". */
  readonly title?: string;
  /** Adds a row per process: when it is back, against its RTO. */
  readonly processes?: boolean;
  /** Assets whose rows are marked (e.g. those a scenario loses); kept when rows are cut. */
  readonly highlight?: readonly string[];
  /** Display names by asset or process id (default: the id). */
  readonly names?: Readonly<Record<string, string>>;
  /** Recovery method by asset id: bars are coloured by method instead of by team. */
  readonly methods?: Readonly<Record<string, RecoveryMethod>>;
  /** Most task rows drawn (default 60); the rest are counted in a note. */
  readonly maxRows?: number;
  /** Most process rows drawn (default 40). */
  readonly maxProcessRows?: number;
  /**
   * The declared teams' parallel slots by team id, in declaration order: a team's slots are then
   * named "equipe-si, slot 1/2" even when one of them has no task.
   */
  readonly slots?: Readonly<Record<string, number>>;
}

/** Team colours, none of them red (the critical path's). */
const TEAM_COLOURS = [
  '#4e79a7',
  '#59a14f',
  '#9c755f',
  '#76b7b2',
  '#b07aa1',
  '#edc948',
  '#bab0ac',
  '#f28e2b',
];
/** The colour of a team slot (from 1); work without a team (0 or less) is grey. */
function teamColour(team: number): string {
  return team < 1 ? COLOUR.muted : (TEAM_COLOURS[(team - 1) % TEAM_COLOURS.length] as string);
}
const METHOD_COLOUR: Readonly<Record<RecoveryMethod, string>> = {
  restore: '#4e79a7',
  rebuild: '#f28e2b',
  failover: '#59a14f',
  supplier: '#b07aa1',
};
const CRITICAL = SEVERITY_COLOUR.critical;
const HIGHLIGHT_FILL = '#fff3c4';
const MET = '#2e7d32';
const GRID = '#e2e2e2';

const ROW = 18;
const BAR = 12;
const PLOT_WIDTH = 640;
const LABEL_MIN = 90;
const LABEL_MAX = 220;
interface Frame {
  readonly locale: Locale;
  readonly plan: RecoveryPlan;
  readonly slots: Readonly<Record<string, number>> | undefined;
  readonly left: number;
  readonly scale: number;
  readonly names: Readonly<Record<string, string>>;
  readonly labelWidth: number;
  readonly critical: ReadonlySet<string>;
  readonly highlight: ReadonlySet<string>;
  readonly colourOf: (task: PlannedTask) => string;
  readonly width: number;
}

const nameOf = (frame: Frame, id: string): string => frame.names[id] ?? id;

function drawTask(svg: SvgWriter, frame: Frame, task: PlannedTask, y: number): void {
  const { locale } = frame;
  const name = nameOf(frame, task.asset);
  const critical = frame.critical.has(task.asset);
  const highlighted = frame.highlight.has(task.asset);
  const classes = ['row', highlighted ? 'highlight' : ''].filter((c) => c !== '').join(' ');
  svg.open('g', { class: classes, 'data-id': task.asset, 'data-team': task.team });
  if (highlighted)
    svg.element('rect', {
      x: SPACING.margin,
      y,
      width: frame.width - 2 * SPACING.margin,
      height: ROW,
      fill: HIGHLIGHT_FILL,
    });
  svg.element(
    'text',
    {
      x: SPACING.margin + 8,
      y: y + ROW / 2 + FONT.detail * 0.35,
      'font-size': FONT.detail,
      fill: COLOUR.text,
    },
    fitText(name, frame.labelWidth - 8, FONT.detail),
  );
  svg.open('rect', {
    class: critical ? 'bar critical' : 'bar',
    'data-id': task.asset,
    x: frame.left + task.start * frame.scale,
    y: y + (ROW - BAR) / 2,
    width: Math.max(2, task.duration * frame.scale),
    height: BAR,
    rx: 2,
    fill: critical ? CRITICAL : frame.colourOf(task),
    stroke: critical ? '#7f0000' : 'none',
  });
  svg.element(
    'title',
    {},
    say(TEXT.taskTip, locale, {
      name,
      start: ganttDuration(task.start, locale),
      end: ganttDuration(task.end, locale),
      duration: ganttDuration(task.duration, locale),
      team: teamLabel(frame.plan, task.team, task.teamId, locale, frame.slots),
    }),
  );
  svg.close('rect');
  svg.close('g');
}

function drawProcess(svg: SvgWriter, frame: Frame, process: ProcessRecovery, y: number): void {
  const { locale } = frame;
  const colour =
    process.status === 'met' ? MET : process.status === 'missed' ? CRITICAL : COLOUR.muted;
  svg.open('g', {
    class: `process ${process.status}`,
    'data-process': process.process,
  });
  svg.element(
    'text',
    {
      x: SPACING.margin + 8,
      y: y + ROW / 2 + FONT.detail * 0.35,
      'font-size': FONT.detail,
      fill: COLOUR.text,
    },
    fitText(nameOf(frame, process.process), frame.labelWidth - 8, FONT.detail),
  );
  svg.element('rect', {
    class: 'achievable',
    x: frame.left,
    y: y + ROW / 2 - 3,
    width: Math.max(2, process.achievable * frame.scale),
    height: 6,
    fill: colour,
  });
  if (process.rto !== undefined) {
    const x = frame.left + process.rto * frame.scale;
    svg.element('path', {
      class: 'rto',
      'data-minutes': process.rto,
      d: `M${String(x)} ${String(y)} V${String(y + ROW)}`,
      stroke: COLOUR.text,
      'stroke-width': 2,
      'stroke-dasharray': '4 2',
      fill: 'none',
    });
  }
  svg.element(
    'text',
    {
      x: frame.left + PLOT_WIDTH + 8,
      y: y + ROW / 2 + FONT.detail * 0.35,
      'font-size': FONT.detail,
      fill: colour,
    },
    processLine(process, locale),
  );
  svg.close('g');
}

function legendItems(
  plan: RecoveryPlan,
  options: GanttOptions,
  rows: readonly Row[],
  processes: readonly ProcessRecovery[],
  highlighted: boolean,
): LegendItem[] {
  const { locale } = options;
  const critical = new Set(plan.criticalPath);
  const drawn = rows.flatMap((row) => (row.kind === 'task' ? [row.task] : []));
  const items: LegendItem[] = [
    { kind: 'box', label: say(TEXT.critical, locale), fill: CRITICAL, stroke: '#7f0000' },
  ];
  if (options.methods !== undefined) {
    const methods = options.methods;
    const used = new Set(
      drawn.filter((task) => !critical.has(task.asset)).map((task) => methods[task.asset]),
    );
    for (const method of ['restore', 'rebuild', 'failover', 'supplier'] as const) {
      if (used.has(method))
        items.push({
          kind: 'box',
          label: say(METHOD_TEXT[method], locale),
          fill: METHOD_COLOUR[method],
          stroke: METHOD_COLOUR[method],
        });
    }
  } else {
    // only the teams whose colour shows: a drawn bar off the critical path (drawn red)
    const shown = new Map<number, string | undefined>();
    for (const task of drawn)
      if (!critical.has(task.asset) && !shown.has(task.team)) shown.set(task.team, task.teamId);
    const teams = [...shown.keys()].sort((a, b) => a - b);
    const listed = teams.slice(0, TEAM_COLOURS.length);
    for (const [i, team] of listed.entries()) {
      const colour = teamColour(team);
      items.push({
        kind: 'box',
        label:
          teamLabel(plan, team, shown.get(team), locale, options.slots) +
          (i === listed.length - 1 && teams.length > listed.length
            ? ` (+${String(teams.length - listed.length)})`
            : ''),
        fill: colour,
        stroke: colour,
      });
    }
  }
  if (highlighted)
    items.push({
      kind: 'box',
      label: say(TEXT.highlighted, locale),
      fill: HIGHLIGHT_FILL,
      stroke: COLOUR.legendStroke,
    });
  if (processes.length > 0) {
    items.push(
      { kind: 'line', label: say(TEXT.rtoMarker, locale), colour: COLOUR.text, dashed: true },
      { kind: 'box', label: say(TEXT.back, locale), fill: MET, stroke: MET },
      { kind: 'box', label: say(TEXT.late, locale), fill: CRITICAL, stroke: CRITICAL },
    );
  }
  return items;
}

function drawAxis(
  svg: SvgWriter,
  frame: Frame,
  top: number,
  bottom: number,
  end: number,
  step: number,
): void {
  svg.open('g', { class: 'axis' });
  for (let at = 0; at <= end; at += step) {
    const x = frame.left + at * frame.scale;
    svg.element('path', {
      d: `M${String(x)} ${String(top)} V${String(bottom)}`,
      stroke: GRID,
      'stroke-width': 0.8,
      fill: 'none',
    });
    svg.element(
      'text',
      {
        class: 'tick',
        x,
        y: top - 4,
        'font-size': FONT.detail,
        'text-anchor': 'middle',
        fill: COLOUR.muted,
      },
      ganttDuration(at, frame.locale),
    );
  }
  svg.close('g');
}

/** The Gantt chart of a recovery plan as a standalone SVG document. */
export function ganttSvg(plan: RecoveryPlan, options: GanttOptions): string {
  const { locale } = options;
  const names = options.names ?? {};
  const highlight = new Set(options.highlight ?? []);
  const { rows, processes } = rowsOf(plan, options, highlight);
  const labels = rows.flatMap((row) =>
    row.kind === 'task'
      ? [names[row.task.asset] ?? row.task.asset]
      : row.kind === 'process'
        ? [names[row.process.process] ?? row.process.process]
        : [],
  );
  const labelWidth = Math.min(
    LABEL_MAX,
    Math.max(LABEL_MIN, ...labels.map((l) => textWidth(l, FONT.detail) + 16)),
  );
  const span = Math.max(plan.makespan, ...processes.map((p) => p.rto ?? 0));
  const { step, end } = ganttTicks(span);
  const left = SPACING.margin + labelWidth;
  const right = Math.max(
    24,
    ...processes.map((p) => textWidth(processLine(p, locale), FONT.detail) + 16),
  );
  const width = left + PLOT_WIDTH + right + SPACING.margin;
  const palette = (task: PlannedTask): string => teamColour(task.team);
  const methods = options.methods;
  const frame: Frame = {
    locale,
    plan,
    slots: options.slots,
    left,
    scale: PLOT_WIDTH / end,
    names,
    labelWidth,
    critical: new Set(plan.criticalPath),
    highlight,
    colourOf:
      methods === undefined
        ? palette
        : (task) => {
            const method = methods[task.asset];
            return method === undefined ? palette(task) : METHOD_COLOUR[method];
          },
    width,
  };
  const title = options.title ?? say(TEXT.title, locale);
  const summary = say(TEXT.summary, locale, {
    tasks: count(plan.tasks.length, locale),
    teams: plan.teams,
    makespan: ganttDuration(plan.makespan, locale),
  });
  const svg = new SvgWriter();
  let y = SPACING.margin;
  svg.element(
    'text',
    {
      x: SPACING.margin,
      y: y + FONT.heading,
      'font-size': FONT.heading,
      'font-weight': 'bold',
      fill: COLOUR.text,
    },
    title,
  );
  y += FONT.heading + 8;
  svg.element(
    'text',
    { x: SPACING.margin, y: y + FONT.detail, 'font-size': FONT.detail, fill: COLOUR.muted },
    summary,
  );
  y += FONT.detail + 22;
  const axisTop = y;
  const bottom = axisTop + rows.length * ROW;
  drawAxis(svg, frame, axisTop, bottom, end, step);
  for (const row of rows) {
    const text = (content: string, weight: 'bold' | undefined, colour: string): void => {
      svg.element(
        'text',
        {
          x: SPACING.margin,
          y: y + ROW / 2 + FONT.detail * 0.35,
          'font-size': FONT.detail,
          'font-weight': weight,
          fill: colour,
          class: row.kind,
        },
        content,
      );
    };
    switch (row.kind) {
      case 'team':
        text(teamLabel(plan, row.team, row.teamId, locale, options.slots), 'bold', COLOUR.text);
        break;
      case 'heading':
        text(row.text, 'bold', COLOUR.text);
        break;
      case 'note':
        text(row.text, undefined, COLOUR.muted);
        break;
      case 'task':
        drawTask(svg, frame, row.task, y);
        break;
      case 'process':
        drawProcess(svg, frame, row.process, y);
        break;
    }
    y += ROW;
  }
  const drawn = rows.some((row) => row.kind === 'task' && highlight.has(row.task.asset));
  const legend = legendItems(plan, options, rows, processes, drawn);
  drawLegend(svg, legend, y + 4, width);
  const height = y + 4 + legendHeight(legend, width);
  const path = plan.criticalPath.slice(0, 20).map((id) => names[id] ?? id);
  const missed = plan.processes.filter((p) => p.status === 'missed').length;
  const description = say(TEXT.alt, locale, {
    summary,
    path:
      (path.length === 0 ? '—' : path.join(' → ')) + (plan.criticalPath.length > 20 ? ' → …' : ''),
    missed,
    processes: plan.processes.length,
  });
  return svgDocument({ width, height, title, description, body: svg });
}
