import { analyseBia, assessBackups, planRecovery } from '../../../continuity/index.js';
import type { LocalizedText } from '../../../design/text.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { EXIT } from '../../failure.js';
import { loadAnalysable } from '../../load-rules.js';
import { withCommandOutput } from '../../output.js';
import { renderTable } from '../../table.js';
import { todayIso } from '../analyze.js';

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

/**
 * `vigie pra analyze|schedule <model>`: the disaster recovery plan's business impact analysis,
 * backup assessment and recovery schedule (CP4), as a table or JSON.
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
  return withCommandOutput(ctx, values.output, async (out) => {
    const loaded = await loadAnalysable(ctx, modelPath);
    if (loaded === undefined) return EXIT.bad;
    const { graph } = loaded.result;
    const { t, locale } = ctx;
    const plan = planRecovery(graph, teams === undefined ? {} : { teams });
    const bia = action === 'analyze' ? analyseBia(graph) : undefined;
    const backups = action === 'analyze' ? assessBackups(graph, { today }) : undefined;
    let text: string;
    if (values.format === 'json') {
      text = `${JSON.stringify(action === 'analyze' ? { bia, backups, schedule: plan } : plan, null, 2)}\n`;
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
      const flags: Flag[] = [...(bia?.flags ?? []), ...(backups?.flags ?? []), ...plan.issues].sort(
        bySeverity,
      );
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
