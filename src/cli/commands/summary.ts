import { SECTION_NAMES, type MEASURE_STATUSES } from '../../domain/model/index.js';

type MeasureStatus = (typeof MEASURE_STATUSES)[number];
import { summarise } from '../../model/summary.js';
import { paint, type Command } from '../context.js';
import { loadModelAt } from '../load-path.js';
import { renderTable } from '../table.js';
import { formatDiagnostic } from './validate.js';

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'cli.summary.summary',
  usage: '<path> [--format table|json]',
  positionals: { min: 1, max: 1, names: '<path>' },
  found: 'cli.exit.model-invalid',
  options: {
    format: { type: 'string', description: 'cli.option.format', values: ['table', 'json'] },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const { result, readable } = await loadModelAt(ctx, positionals[0] ?? '.');
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
    if (!readable) return 2;
    const summary = summarise(result.graph);
    if (values.format === 'json') {
      ctx.stdout(`${JSON.stringify({ valid: result.valid, ...summary }, null, 2)}\n`);
      return result.valid ? 0 : 1;
    }
    const out: string[] = [];
    out.push(paint(ctx, 'bold', summary.organisation ?? t('cli.summary.no-organisation')));
    if (!result.valid)
      out.push(paint(ctx, 'red', t('cli.summary.invalid', { errors: errors.length })));
    out.push('');
    out.push(
      renderTable(
        [
          [t('cli.summary.section'), t('cli.summary.count')],
          ...SECTION_NAMES.map((s) => [t(`section.${s}`), t.number(summary.counts[s])]),
        ],
        ['l', 'r'],
      ),
    );
    out.push('');
    const fact = (key: Parameters<typeof t>[0], value: string | number): string =>
      `  ${t(key)}${t('punct.colon')} ${typeof value === 'number' ? t.number(value) : value}`;
    out.push(`${t('cli.summary.key-facts')}${t('punct.colon')}`);
    out.push(fact('cli.summary.ot-assets', summary.otAssets));
    out.push(fact('cli.summary.personal-data', summary.personalDataSets.join(', ') || '—'));
    out.push(fact('cli.summary.special-data', summary.specialCategoryDataSets.join(', ') || '—'));
    out.push(fact('cli.summary.privileged', summary.privilegedIdentities));
    out.push(fact('cli.summary.privileged-no-mfa', summary.privilegedWithoutMfa.join(', ') || '—'));
    out.push(fact('cli.summary.unencrypted-flows', summary.unencryptedFlows));
    out.push(fact('cli.summary.protected-backups', summary.offlineOrImmutableBackups));
    out.push(fact('cli.summary.no-logs', summary.assetsWithoutLogs));
    out.push(
      fact(
        'cli.summary.measures',
        Object.entries(summary.measuresByStatus)
          .map(([k, v]) => `${t(`measure-status.${k as MeasureStatus}`)} ${t.number(v)}`)
          .join(', ') || '—',
      ),
    );
    if (summary.processes.length > 0) {
      out.push('');
      out.push(
        renderTable(
          [
            [t('cli.summary.process'), 'RTO', 'RPO', 'MTPD', t('cli.summary.supporting-assets')],
            ...summary.processes.map((p) => [
              p.name,
              p.rto ?? '—',
              p.rpo ?? '—',
              p.mtpd ?? '—',
              t.number(p.assets),
            ]),
          ],
          ['l', 'r', 'r', 'r', 'r'],
        ),
      );
    }
    ctx.stdout(`${out.join('\n')}\n`);
    return result.valid ? 0 : 1;
  },
};
