import { basename } from 'node:path';
import { analyseBia, assessBackups, planRecovery } from '../../../continuity/index.js';
import type { LocalizedText } from '../../../design/text.js';
import { ganttDuration, ganttSvg } from '../../../diagrams/gantt.js';
import type { ModelGraph } from '../../../model/graph.js';
import { label } from '../../../model/predicates.js';
import { svgToPng } from '../../../presentation/raster.js';
import type { CommandContext, ParsedArgs } from '../../context.js';
import { EXIT } from '../../failure.js';
import { loadAnalysable } from '../../load-rules.js';
import { withCommandOutput } from '../../output.js';
import { renderTable } from '../../table.js';
import { recoveryOf } from '../../../continuity/recovery-time.js';
import { CLOUD_SERVICE_KINDS } from '../../../domain/model/vocabulary.js';
import type { Locale, Translator } from '../../../i18n/index.js';
import { renderMarkdown } from './markdown.js';
import { refuse, teamsOf, todayOf } from './options.js';

/** `: ` in English, ` : ` in French (a space before the colon). */
export const colon = (locale: Locale): string => (locale === 'fr' ? ' : ' : ': ');

/** `Name (id)`, or the id alone when the model gives no other name. */
export function named(graph: ModelGraph, id: string): string {
  const name = label(graph, id);
  return name === id ? id : `${name} (${id})`;
}

/**
 * The teams of the plan in words: forced by `--teams`, declared by the model (with their slots),
 * or assumed (one team, the model declaring none).
 */
export function teamsPhrase(
  t: Translator,
  graph: ModelGraph,
  plan: { readonly teams: number },
  forced: number | undefined,
): string {
  if (forced !== undefined) return t('cli.pra.teams.forced', { count: plan.teams });
  const declared = graph.model.organisation?.continuity?.teams ?? [];
  if (declared.length === 0) return t('cli.pra.teams.assumed', { count: plan.teams });
  const list = declared
    .map((team) => ((team.parallel ?? 1) > 1 ? `${team.id} ×${String(team.parallel)}` : team.id))
    .join(', ');
  return t('cli.pra.teams.declared', { count: plan.teams, list });
}

/** The headline of a whole-system schedule: the hypothesis, the teams, when all is back. */
export function scheduleHeadline(
  t: Translator,
  graph: ModelGraph,
  plan: { readonly teams: number; readonly makespan: number },
  forced: number | undefined,
): string {
  return t('cli.pra.schedule-heading', {
    teams: teamsPhrase(t, graph, plan, forced),
    makespan: ganttDuration(plan.makespan, t.locale),
  });
}

/**
 * The planned assets that their provider or supplier brings back (SaaS, cloud services, supplier
 * recovery), not the organisation's teams: `Name (id)` each.
 */
export function providerDependent(
  graph: ModelGraph,
  plan: { readonly tasks: readonly { readonly asset: string }[] },
): string[] {
  return plan.tasks
    .map((task) => graph.asset(task.asset))
    .filter(
      (asset) =>
        asset !== undefined &&
        (CLOUD_SERVICE_KINDS.includes(asset.kind) || recoveryOf(asset).method === 'supplier'),
    )
    .map((asset) => named(graph, asset?.id ?? ''));
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
async function outputKind(
  ctx: CommandContext,
  action: 'analyze' | 'schedule',
  modelPath: string,
  values: ParsedArgs['values'],
): Promise<OutputKind> {
  const file = values.output;
  if (typeof file !== 'string') return 'text';
  const ext = /\.([A-Za-z0-9]+)$/.exec(basename(file))?.[1]?.toLowerCase();
  if (ext === 'svg' || ext === 'png') {
    if (action === 'analyze')
      return refuse(ctx, modelPath, (t) => t('cli.pra.gantt-analyze', { file }));
    const format = values.format;
    if (typeof format === 'string')
      return refuse(ctx, modelPath, (t) => t('cli.pra.gantt-format', { format, file }));
    return ext;
  }
  if (ext !== undefined && REFUSED.has(ext))
    return refuse(ctx, modelPath, (t) => t('cli.pra.bad-output', { file, ext: `.${ext}` }));
  return 'text';
}

/** The Gantt chart of the plan, as SVG or PNG bytes. */
function gantt(
  ctx: CommandContext,
  graph: ModelGraph,
  plan: ReturnType<typeof planRecovery>,
  kind: 'svg' | 'png',
  forced: number | undefined,
): Buffer {
  const names = Object.fromEntries(
    [...plan.tasks.map((task) => task.asset), ...plan.processes.map((p) => p.process)].map((id) => [
      id,
      label(graph, id),
    ]),
  );
  const slots = Object.fromEntries(
    (graph.model.organisation?.continuity?.teams ?? []).map((team) => [
      team.id,
      team.parallel ?? 1,
    ]),
  );
  const svg = ganttSvg(plan, {
    locale: ctx.locale,
    title: ctx.t('cli.pra.gantt-title', {
      name: graph.model.organisation?.name ?? '',
    }),
    processes: true,
    names,
    ...(forced === undefined ? { slots } : {}),
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
  const today = await todayOf(ctx, modelPath, values);
  const teams = await teamsOf(ctx, modelPath, values);
  const kind = await outputKind(ctx, action, modelPath, values);
  return withCommandOutput(ctx, values.output, async (out) => {
    const loaded = await loadAnalysable(ctx, modelPath);
    if (loaded === undefined) return EXIT.bad;
    const { graph } = loaded.result;
    const { t, locale } = ctx;
    const plan = planRecovery(graph, teams === undefined ? {} : { teams });
    const bia = action === 'analyze' ? analyseBia(graph) : undefined;
    const backups = action === 'analyze' ? assessBackups(graph, { today }) : undefined;
    if (kind !== 'text') {
      await out.write(gantt(ctx, graph, plan, kind, teams));
      await out.commit();
      if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
      return EXIT.ok;
    }
    const flags: Flag[] = [
      ...(bia?.flags ?? []),
      ...(backups?.flags ?? []),
      ...(action === 'analyze' || values.format === 'markdown' ? plan.issues : []),
    ].sort(bySeverity);
    const headline = scheduleHeadline(t, graph, plan, teams);
    const external = providerDependent(graph, plan);
    let text: string;
    if (values.format === 'json') {
      text = `${JSON.stringify(action === 'analyze' ? { bia, backups, schedule: plan } : plan, null, 2)}\n`;
    } else if (values.format === 'markdown') {
      text = renderMarkdown(t, {
        name: graph.model.organisation?.name ?? modelPath,
        headline,
        external,
        named: (id) => named(graph, id),
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
      const processes =
        plan.processes.length === 0
          ? t('cli.pra.no-process')
          : renderTable([
              [
                t('cli.pra.col.process'),
                'RTO',
                t('cli.pra.col.achievable'),
                t('cli.pra.col.status'),
              ],
              ...plan.processes.map((p) => [
                named(graph, p.process),
                p.rto === undefined ? '—' : ganttDuration(p.rto, locale),
                ganttDuration(p.achievable, locale),
                t(`cli.pra.status.${p.status}`),
              ]),
            ]);
      const flagLines = flags.map(
        (f) =>
          `${t(`cli.pra.severity.${f.severity}` as never)} ${f.code}${colon(locale)}${f.message[locale]}`,
      );
      const assumptions =
        (bia?.assumptions.length ?? 0) +
        (backups?.assumptions.length ?? 0) +
        plan.assumptions.length;
      text = [
        ...(plan.processes.length === 0 ? [] : [headline]),
        processes,
        ...(external.length === 0 || plan.processes.length === 0
          ? []
          : [t('cli.pra.provider-dependent', { list: external.join(', ') })]),
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
