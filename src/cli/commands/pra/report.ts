import { basename } from 'node:path';
import { analyseBia, assessBackups, planRecovery } from '../../../continuity/index.js';
import type { LocalizedText } from '../../../design/text.js';
import { ganttSvg } from '../../../diagrams/gantt.js';
import type { ModelGraph } from '../../../model/graph.js';
import { label } from '../../../model/predicates.js';
import { svgToPng } from '../../../presentation/raster.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { EXIT } from '../../failure.js';
import { loadAnalysable } from '../../load-rules.js';
import { withCommandOutput } from '../../output.js';
import { renderTable } from '../../table.js';
import { todayIso } from '../analyze.js';
import { renderMarkdown } from './markdown.js';

/** `14d 21h 30min` from minutes: days, hours and minutes, the zero parts left out. */
function span(minutes: number): string {
  const rounded = Math.round(minutes);
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const rest = rounded % 60;
  const parts = [
    days > 0 ? `${String(days)}d` : '',
    hours > 0 ? `${String(hours)}h` : '',
    rest > 0 ? `${String(rest)}min` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '0min' : parts.join(' ');
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

interface Flag {
  readonly code: string;
  readonly severity: string;
  readonly subjects: readonly string[];
  readonly message: LocalizedText;
}

const bySeverity = (a: Flag, b: Flag): number =>
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
  (a.subjects[0] ?? '').localeCompare(b.subjects[0] ?? '') ||
  a.code.localeCompare(b.code);

/** Extensions of formats pra cannot write (documents and other images): refused before any work. */
const REFUSED = new Set([
  'pdf',
  'html',
  'htm',
  'docx',
  'doc',
  'odt',
  'rtf',
  'xlsx',
  'xls',
  'ods',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'eps',
  'emf',
]);

type OutputKind = 'svg' | 'png' | 'text';

/**
 * What `-o` asks for: the Gantt chart (`.svg`, `.png`, schedule only, without `--format`), or the
 * text output in any other file; formats pra does not write are refused with a usage error.
 */
function outputKind(
  ctx: CommandContext,
  action: 'analyze' | 'schedule',
  values: ParsedArgs['values'],
): OutputKind {
  const file = values.output;
  if (typeof file !== 'string') return 'text';
  const ext = /\.([A-Za-z0-9]+)$/.exec(basename(file))?.[1]?.toLowerCase();
  if (ext === 'svg' || ext === 'png') {
    if (action === 'analyze') throw new UsageError(ctx.t('cli.pra.gantt-analyze', { file }));
    if (typeof values.format === 'string')
      throw new UsageError(ctx.t('cli.pra.gantt-format', { format: values.format, file }));
    return ext;
  }
  if (ext !== undefined && REFUSED.has(ext))
    throw new UsageError(ctx.t('cli.pra.bad-output', { file, ext: `.${ext}` }));
  return 'text';
}

/** The Gantt chart of the plan, as SVG or PNG bytes. */
function gantt(
  ctx: CommandContext,
  graph: ModelGraph,
  plan: ReturnType<typeof planRecovery>,
  kind: 'svg' | 'png',
): Buffer {
  const names = Object.fromEntries(
    [...plan.tasks.map((task) => task.asset), ...plan.processes.map((p) => p.process)].map((id) => [
      id,
      label(graph, id),
    ]),
  );
  const svg = ganttSvg(plan, {
    locale: ctx.locale,
    title: ctx.t('cli.pra.gantt-title', {
      name: graph.model.organisation?.name ?? '',
    }),
    processes: true,
    names,
  });
  return kind === 'png' ? svgToPng(svg) : Buffer.from(svg, 'utf8');
}

/**
 * `vigie pra analyze|schedule <model>`: the disaster recovery plan's business impact analysis,
 * backup assessment and recovery schedule (CP4), as a table, JSON or Markdown; `schedule -o
 * file.svg|file.png` draws the schedule as a Gantt chart instead.
 */
export async function runReport(
  ctx: CommandContext,
  action: 'analyze' | 'schedule',
  modelPath: string,
  values: ParsedArgs['values'],
): Promise<number> {
  const today = typeof values.today === 'string' ? values.today : todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError(ctx.t('cli.error.bad-date', { value: today }));
  let teams: number | undefined;
  if (typeof values.teams === 'string') {
    teams = Number(values.teams);
    if (!/^\d{1,3}$/.test(values.teams) || teams < 1)
      throw new UsageError(ctx.t('cli.pra.bad-teams', { value: values.teams }));
  }
  const kind = outputKind(ctx, action, values);
  return withCommandOutput(ctx, values.output, async (out) => {
    const loaded = await loadAnalysable(ctx, modelPath);
    if (loaded === undefined) return EXIT.bad;
    const { graph } = loaded.result;
    const { t, locale } = ctx;
    const plan = planRecovery(graph, teams === undefined ? {} : { teams });
    const bia = action === 'analyze' ? analyseBia(graph) : undefined;
    const backups = action === 'analyze' ? assessBackups(graph, { today }) : undefined;
    if (kind !== 'text') {
      await out.write(gantt(ctx, graph, plan, kind));
      await out.commit();
      if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
      return EXIT.ok;
    }
    const flags: Flag[] = [
      ...(bia?.flags ?? []),
      ...(backups?.flags ?? []),
      ...(action === 'analyze' || values.format === 'markdown' ? plan.issues : []),
    ].sort(bySeverity);
    let text: string;
    if (values.format === 'json') {
      text = `${JSON.stringify(action === 'analyze' ? { bia, backups, schedule: plan } : plan, null, 2)}\n`;
    } else if (values.format === 'markdown') {
      text = renderMarkdown(t, {
        name: graph.model.organisation?.name ?? modelPath,
        ...(bia === undefined ? {} : { bia }),
        ...(backups === undefined ? {} : { backups }),
        plan,
        flags,
        assumptions: [
          ...(bia?.assumptions ?? []),
          ...(backups?.assumptions ?? []),
          ...plan.assumptions,
        ],
      });
    } else {
      const processes = renderTable([
        [t('cli.pra.col.process'), 'RTO', t('cli.pra.col.achievable'), t('cli.pra.col.status')],
        ...plan.processes.map((p) => [
          p.process,
          p.rto === undefined ? '—' : span(p.rto),
          span(p.achievable),
          t(`cli.pra.status.${p.status}`),
        ]),
      ]);
      const flagLines = flags.map(
        (f) => `${t(`cli.pra.severity.${f.severity}` as never)} ${f.code}: ${f.message[locale]}`,
      );
      const assumptions =
        (bia?.assumptions.length ?? 0) +
        (backups?.assumptions.length ?? 0) +
        plan.assumptions.length;
      text = [
        t('cli.pra.schedule-heading', {
          teams: plan.teams,
          makespan: span(plan.makespan),
        }),
        processes,
        '',
        ...(action === 'analyze'
          ? [t('cli.pra.flags-heading', { count: flags.length }), ...flagLines, '']
          : []),
        t('cli.pra.assumptions', { count: assumptions }),
        '',
      ].join('\n');
    }
    await out.write(text);
    await out.commit();
    if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
    return EXIT.ok;
  });
}
