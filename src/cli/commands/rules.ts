import { compareIds } from '../../domain/compare.js';
import { loadAnalysable } from '../load-rules.js';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import type { Rule } from '../../design/rule.js';
import type { Command } from '../context.js';
import { renderTable } from '../table.js';

/** A rule's metadata as plain data (everything but its `evaluate` function). */
function describeRule(rule: Rule, origin: 'builtin' | 'custom'): Record<string, unknown> {
  return {
    id: rule.id,
    family: rule.family,
    title: rule.title,
    description: rule.description,
    rationale: rule.rationale,
    remediation: rule.remediation,
    falsePositives: rule.falsePositives,
    likelihood: rule.likelihood,
    impact: rule.impact,
    references: rule.references,
    origin,
  };
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'cli.rules.summary',
  usage: '[--model <path>] [--format table|json]',
  positionals: { min: 0, max: 0, names: '' },
  options: {
    format: { type: 'string', description: 'cli.option.format', values: ['table', 'json'] },
    model: { type: 'string', description: 'cli.option.model-rules', placeholder: 'path' },
  },
  async run(ctx, { values }) {
    let rules: readonly Rule[] = BUILTIN_RULES;
    if (typeof values.model === 'string') {
      const loaded = await loadAnalysable(ctx, values.model);
      if (loaded === undefined) return 2;
      rules = loaded.rules;
    }
    const builtin = new Set(BUILTIN_RULES);
    const origin = (rule: Rule): 'builtin' | 'custom' => (builtin.has(rule) ? 'builtin' : 'custom');
    if (values.format === 'json') {
      ctx.stdout(
        `${JSON.stringify(
          rules.map((rule) => describeRule(rule, origin(rule))),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const { t } = ctx;
    const rows = [...rules]
      .sort((a, b) => compareIds(a.family, b.family) || compareIds(a.id, b.id))
      .map((rule) => [
        rule.id,
        rule.family,
        String(rule.likelihood),
        rule.title[ctx.locale],
        rule.references.anssi.join(' '),
      ]);
    ctx.stdout(
      `${renderTable([[t('cli.rules.id'), t('cli.rules.family'), t('cli.rules.likelihood'), t('cli.analyze.title-column'), 'ANSSI'], ...rows])}\n\n${t('cli.rules.count', { count: rules.length })}\n`,
    );
    return 0;
  },
};
