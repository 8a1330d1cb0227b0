import { evaluateRules } from '../../design/analyze-rules.js';
import { analyseAttackPaths } from '../../design/attack/index.js';
import { chokeRows, pathRows, pathsToMarkdown } from '../../design/output/paths-text.js';
import { SEVERITIES, severityRank, type FindingSeverity } from '../../design/findings.js';
import { toSarif } from '../../design/output/sarif.js';
import {
  countBySeverity,
  findingsToCsv,
  findingsToMarkdown,
  severityLabel,
  statusLabel,
} from '../../design/output/findings-text.js';
import { paint, UsageError, type Command, type CommandContext } from '../context.js';
import { EXIT } from '../failure.js';
import { loadAnalysable } from '../load-rules.js';
import { withCommandOutput } from '../output.js';
import { renderTable } from '../table.js';
import { VERSION } from '../version.js';

const SEVERITY_COLOUR = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan' } as const;

/** Today's date in ISO form, from the clock (the CLI is the edge where the clock is read). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function progress(ctx: CommandContext, label: string): (done: number, total: number) => void {
  if (!ctx.isTTY) return () => undefined;
  return (done, total) => {
    ctx.stderr(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'cli.analyze.summary',
  usage: '<path> [--format table|json|sarif|csv|markdown] [--fail-on critical|high|medium|low]',
  positionals: { min: 1, max: 1, names: '<path>' },
  found: 'cli.exit.fail-on',
  options: {
    format: {
      type: 'string',
      description: 'cli.option.format',
      values: ['table', 'json', 'sarif', 'csv', 'markdown'],
    },
    'fail-on': { type: 'string', description: 'cli.option.fail-on', values: SEVERITIES },
    today: { type: 'string', description: 'cli.option.today', placeholder: 'YYYY-MM-DD' },
    output: { type: 'string', short: 'o', description: 'cli.option.output', placeholder: 'file' },
    k: { type: 'string', description: 'cli.option.k', placeholder: 'n' },
    'no-paths': { type: 'boolean', description: 'cli.option.no-paths' },
  },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const today = typeof values.today === 'string' ? values.today : todayIso();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
      throw new UsageError(t('cli.error.bad-date', { value: today }));
    }
    return withCommandOutput(ctx, values.output, async (out) => {
      const path = positionals[0] ?? '.';
      const loaded = await loadAnalysable(ctx, path);
      if (loaded === undefined) return EXIT.bad;
      const { result, rules } = loaded;
      const analysis = evaluateRules(result.graph, {
        rules,
        locale: ctx.locale,
        today,
        onProgress: progress(ctx, t('cli.analyze.progress-rules')),
      });
      for (const failure of analysis.failures) {
        ctx.stderr(
          `${paint(ctx, 'yellow', t('severity.warning'))}: ${t('cli.analyze.rule-failed', { rule: failure.ruleId, detail: failure.message })}\n`,
        );
      }
      const findings = analysis.findings;
      const k = values.k === undefined ? 3 : Number(values.k);
      if (!Number.isInteger(k) || k < 1 || k > 20) throw new UsageError(t('cli.error.k'));
      const attack =
        values['no-paths'] === true
          ? undefined
          : analyseAttackPaths(result.graph, {
              needs: analysis.needs,
              k,
              today,
              onProgress: progress(ctx, t('cli.analyze.progress-paths')),
            });
      let text: string;
      switch (values.format) {
        case 'json':
          text = `${JSON.stringify(
            {
              findings,
              attackPaths: attack?.paths ?? [],
              chokePoints: attack?.chokePoints ?? [],
              sources: attack?.sources ?? [],
              targets: attack?.targets ?? [],
            },
            null,
            2,
          )}\n`;
          break;
        case 'sarif':
          text = `${JSON.stringify(toSarif({ rules, findings, locale: ctx.locale, version: VERSION, locate: (id) => result.locate(id) }), null, 2)}\n`;
          break;
        case 'csv':
          text = findingsToCsv(findings, ctx.locale);
          break;
        case 'markdown':
          text = `# ${t('cli.analyze.title', { organisation: result.model.organisation?.name ?? path })}\n\n${findingsToMarkdown(findings, ctx.locale)}\n${attack === undefined ? '' : pathsToMarkdown(attack, ctx.locale)}`;
          break;
        default: {
          const counts = countBySeverity(findings);
          const rows = findings.map((f) => [
            paint(ctx, SEVERITY_COLOUR[f.severity], severityLabel(f.severity, ctx.locale)),
            f.id,
            f.title,
            statusLabel(f, ctx.locale),
          ]);
          text = [
            renderTable([
              [
                t('cli.analyze.severity'),
                t('cli.analyze.finding'),
                t('cli.analyze.title-column'),
                t('cli.analyze.status'),
              ],
              ...rows,
            ]),
            '',
            t('cli.analyze.totals', {
              total: findings.length,
              critical: counts.critical,
              high: counts.high,
              medium: counts.medium,
              low: counts.low,
              rules: rules.length,
            }),
            '',
            ...(attack === undefined
              ? []
              : [
                  paint(
                    ctx,
                    'bold',
                    t('cli.analyze.paths-heading', {
                      paths: attack.paths.length,
                      sources: attack.sources.length,
                      targets: attack.targets.length,
                    }),
                  ),
                  renderTable([
                    [
                      t('cli.analyze.score'),
                      t('cli.analyze.target'),
                      t('cli.analyze.route'),
                      'ATT&CK',
                    ],
                    ...pathRows(attack.paths, 15),
                  ]),
                  '',
                  paint(ctx, 'bold', t('cli.analyze.choke-heading')),
                  renderTable([
                    [
                      t('cli.analyze.paths-cut'),
                      t('cli.analyze.element'),
                      t('cli.analyze.action'),
                      t('cli.analyze.targets'),
                    ],
                    ...chokeRows(attack.chokePoints, 10, ctx.locale),
                  ]),
                  '',
                ]),
          ].join('\n');
        }
      }
      await out.write(text);
      await out.commit();
      if (out.file !== undefined) ctx.stderr(`${t('cli.written', { file: out.file })}\n`);
      const failOn = values['fail-on'];
      if (typeof failOn === 'string') {
        const threshold = severityRank(failOn as FindingSeverity);
        const failing = findings.some(
          (f) => f.status === 'open' && severityRank(f.severity) >= threshold,
        );
        return failing ? EXIT.found : EXIT.ok;
      }
      return EXIT.ok;
    });
  },
};
