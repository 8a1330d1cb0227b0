import { compileCustomRules } from '../design/custom/index.js';
import type { Rule } from '../design/rule.js';
import { BUILTIN_RULES } from '../design/rules/index.js';
import { readRuleFiles } from '../io/model-files.js';
import type { LoadResult } from '../model/load.js';
import type { CommandContext } from './context.js';
import { formatDiagnostic } from './commands/validate.js';
import { loadModelAt } from './load-path.js';

/**
 * Loads a model for analysis, with its custom rules (`<model>/rules/*.yaml`); prints the errors
 * and returns `undefined` when the model or a rule file is invalid: analysing half a model, or
 * with half the rules, would mislead.
 */
export async function loadAnalysable(
  ctx: CommandContext,
  path: string,
): Promise<{ result: LoadResult; rules: readonly Rule[] } | undefined> {
  const { result, readable } = await loadModelAt(ctx, path);
  ctx.adoptModelLocale?.(result.model.organisation?.locale);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!readable || errors.length > 0) {
    for (const d of errors) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
    ctx.stderr(`${ctx.t('cli.analyze.invalid-model', { path, errors: errors.length })}\n`);
    return undefined;
  }
  const ruleFiles = await readRuleFiles(path, ctx.t);
  const custom = compileCustomRules(ruleFiles.sources, ctx.t, {
    reservedIds: BUILTIN_RULES.map((rule) => rule.id),
  });
  const ruleDiagnostics = [...ruleFiles.diagnostics, ...custom.diagnostics];
  for (const d of ruleDiagnostics) ctx.stderr(`${formatDiagnostic(ctx, d)}\n`);
  const ruleErrors = ruleDiagnostics.filter((d) => d.severity === 'error').length;
  if (ruleErrors > 0) {
    ctx.stderr(`${ctx.t('cli.analyze.invalid-rules', { path, errors: ruleErrors })}\n`);
    return undefined;
  }
  return { result, rules: [...BUILTIN_RULES, ...custom.rules] };
}
