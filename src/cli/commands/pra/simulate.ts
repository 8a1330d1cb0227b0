import { parseScenario, simulateScenario, type ScenarioResult } from '../../../continuity/index.js';
import type { ModelGraph } from '../../../model/graph.js';
import { label } from '../../../model/predicates.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { EXIT } from '../../failure.js';
import { loadAnalysable } from '../../load-rules.js';
import { withCommandOutput } from '../../output.js';
import { renderTable } from '../../table.js';
import { ganttDuration } from '../../../diagrams/gantt.js';
import { teamLabel } from '../../../diagrams/gantt-rows.js';
import { isCloud } from '../../../continuity/scenarios/provider.js';
import type { ScenarioSpec } from '../../../continuity/index.js';
import { refuse, teamsOf, todayOf } from './options.js';
import { colon, named } from './report.js';

const SHOWN_TARGETS = 20;
/** Contacts a supplier scenario may strike (as the supplier engine reads them). */
const CONTACT_KINDS: readonly string[] = ['supplier', 'contractor', 'provider'];

/**
 * The targets a scenario kind accepts on this model (sites, providers, suppliers, assets), to
 * name them when the one given is unknown; none for the directory (its engine lists them).
 */
export function validTargets(graph: ModelGraph, kind: ScenarioSpec['kind']): string[] {
  const model = graph.model;
  const providers = model.assets.flatMap((a) => (a.provider === undefined ? [] : [a.provider]));
  const all = ((): string[] => {
    switch (kind) {
      case 'site-loss':
      case 'link':
        return model.sites.map((site) => site.id);
      case 'provider':
        return [...providers, ...model.assets.filter(isCloud).map((a) => a.id)];
      case 'supplier':
        return [
          ...model.identities.filter((i) => i.kind === 'third-party').map((i) => i.id),
          ...(model.organisation?.continuity?.contacts ?? [])
            .filter((c) => CONTACT_KINDS.includes(c.kind))
            .map((c) => c.name),
          ...providers,
        ];
      case 'ransomware':
        return model.assets.map((a) => a.id);
      case 'directory':
        return [];
    }
  })();
  return [...new Set(all)];
}

/** `Valid targets: a, b, c … (+n).`, or nothing when there is none to name. */
function targetsHint(
  t: CommandContext['t'],
  graph: ModelGraph,
  kind: ScenarioSpec['kind'],
): string {
  const targets = validTargets(graph, kind);
  if (targets.length === 0) return '';
  const shown = targets.slice(0, SHOWN_TARGETS).join(', ');
  const more =
    targets.length > SHOWN_TARGETS ? ` … (+${String(targets.length - SHOWN_TARGETS)})` : '';
  return ` ${t('cli.pra.valid-targets', { list: `${shown}${more}` })}`;
}

const SHOWN_LOST = 12;
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

/** The scenario result as the table output: summary, processes, data loss, missing, runbook. */
export function renderSimulation(
  ctx: Pick<CommandContext, 't' | 'locale'>,
  graph: ModelGraph,
  result: ScenarioResult,
  forcedTeams = false,
): string {
  const { t, locale } = ctx;
  // the declared teams' slots, as the plan numbers them (none when --teams replaced them)
  const slots = forcedTeams
    ? undefined
    : Object.fromEntries(
        (graph.model.organisation?.continuity?.teams ?? []).map((team) => [
          team.id,
          team.parallel ?? 1,
        ]),
      );
  const span = (minutes: number): string => ganttDuration(minutes, locale);
  const lines: string[] = [result.title[locale], ''];
  const lost = result.lost.map((l) => {
    const name = label(graph, l.asset);
    const cause = t(`cli.pra.sim.cause.${l.cause}`);
    return name === l.asset ? `${l.asset} (${cause})` : `${name} (${l.asset}, ${cause})`;
  });
  lines.push(
    t('cli.pra.sim.lost', { count: result.lost.length }) +
      (lost.length === 0
        ? ''
        : ` ${lost.slice(0, SHOWN_LOST).join(', ')}${lost.length > SHOWN_LOST ? ` … (+${String(lost.length - SHOWN_LOST)})` : ''}`),
  );
  const surviving = result.backups.filter((b) => b.survives);
  lines.push(
    t('cli.pra.sim.backups', {
      lost: result.backups.length - surviving.length,
      surviving: surviving.length,
    }),
  );
  for (const backup of result.backups)
    lines.push(
      `  ${backup.survives ? '+' : '-'} ${named(graph, backup.backup)}${colon(locale)}${backup.reason[locale]}`,
    );
  lines.push('');
  const impacted = result.processes.filter((p) => p.impacted);
  lines.push(t('cli.pra.sim.processes', { count: impacted.length }));
  if (impacted.length > 0)
    lines.push(
      renderTable([
        [
          t('cli.pra.col.process'),
          'RTO',
          t('cli.pra.col.achievable'),
          t('cli.pra.col.status'),
          'RPO',
          t('cli.pra.sim.col.data'),
        ],
        ...impacted.map((p) => [
          named(graph, p.process),
          p.rto === undefined ? '—' : span(p.rto),
          p.achievable === null ? '—' : span(p.achievable),
          t(`cli.pra.status.${p.rtoStatus}`),
          p.rpo === undefined ? '—' : span(p.rpo),
          t(`cli.pra.sim.rpo.${p.rpoStatus}`),
        ]),
      ]),
    );
  lines.push('');
  lines.push(t('cli.pra.sim.data-loss', { count: result.dataLoss.length }));
  if (result.dataLoss.length > 0)
    lines.push(
      renderTable([
        [t('cli.pra.col.entity'), t('cli.pra.sim.col.window'), 'RPO', t('cli.pra.col.status')],
        ...result.dataLoss.map((d) => [
          named(graph, d.entity),
          d.windowMinutes === null ? t('cli.pra.sim.no-copy') : span(d.windowMinutes),
          d.rpo === undefined ? '—' : span(d.rpo),
          t(`cli.pra.sim.rpo.${d.status}`),
        ]),
      ]),
    );
  lines.push('');
  const missing = [...result.missing].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  lines.push(t('cli.pra.sim.missing', { count: missing.length }));
  for (const item of missing)
    lines.push(
      `  ${t(`cli.pra.severity.${item.severity}` as never)} ${item.code}${colon(locale)}${item.message[locale]}`,
    );
  lines.push('');
  lines.push(
    t('cli.pra.sim.runbook', {
      count: result.runbook.length,
      teams: result.plan.teams,
      makespan: span(result.plan.makespan),
    }),
  );
  if (result.runbook.length > 0)
    lines.push(
      renderTable([
        [
          '#',
          t('cli.pra.sim.col.start'),
          t('cli.pra.sim.col.end'),
          t('cli.pra.sim.col.team'),
          t('cli.pra.sim.col.action'),
          t('cli.pra.sim.col.after'),
          t('cli.pra.sim.col.procedure'),
        ],
        ...result.runbook.map((step) => [
          String(step.step),
          span(step.start),
          span(step.end),
          teamLabel(result.plan, step.team, step.teamId, locale, slots),
          step.action[locale],
          step.after.map((id) => label(graph, id)).join(', ') || '—',
          step.procedure ?? '—',
        ]),
      ]),
    );
  lines.push('');
  lines.push(t('cli.pra.assumptions', { count: result.assumptions.length }));
  return `${lines.join('\n')}\n`;
}

/**
 * `vigie pra simulate <model> --scenario <kind>:<target>`: a disaster scenario on the model —
 * what is lost, which backups survive, the processes against their RTO and RPO, what is missing
 * and the runbook — as a table or JSON. A bad or unknown scenario exits 2 naming it.
 */
export async function runSimulate(
  ctx: CommandContext,
  modelPath: string,
  values: ParsedArgs['values'],
): Promise<number> {
  const format = typeof values.format === 'string' ? values.format : 'table';
  if (format !== 'table' && format !== 'json')
    await refuse(ctx, modelPath, (t) => t('cli.pra.simulate-format', { format }));
  const raw = values.scenario;
  if (typeof raw !== 'string') return refuse(ctx, modelPath, (t) => t('cli.pra.scenario-missing'));
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    const reason = parsed.message;
    return refuse(ctx, modelPath, (t) =>
      t('cli.pra.bad-scenario', { value: raw, reason: reason[t.locale] }),
    );
  }
  const today = await todayOf(ctx, modelPath, values);
  const teams = await teamsOf(ctx, modelPath, values);
  return withCommandOutput(ctx, values.output, async (out) => {
    const loaded = await loadAnalysable(ctx, modelPath);
    if (loaded === undefined) return EXIT.bad;
    const { graph } = loaded.result;
    const { t, locale } = ctx;
    const result = simulateScenario(graph, parsed.spec, {
      today,
      ...(teams === undefined ? {} : { teams }),
    });
    if (result.error !== undefined)
      throw new UsageError(
        t('cli.pra.bad-scenario', {
          value: raw,
          reason: result.error[locale] + targetsHint(t, graph, parsed.spec.kind),
        }),
      );
    await out.write(
      format === 'json'
        ? `${JSON.stringify(result, null, 2)}\n`
        : renderSimulation(ctx, graph, result, teams !== undefined),
    );
    await out.commit();
    if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
    return EXIT.ok;
  });
}
