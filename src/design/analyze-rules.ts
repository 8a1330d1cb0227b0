import type { Decision } from '../domain/model/index.js';
import type { Locale } from '../i18n/index.js';
import type { ModelGraph } from '../model/graph.js';
import { compareFindings, toFindings, type Finding } from './findings.js';
import { analyseNeeds, type NeedsAnalysis } from './needs.js';
import type { Rule, RuleContext } from './rule.js';

export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

export interface RulesResult {
  readonly needs: NeedsAnalysis;
  /** Sorted: most severe first. */
  readonly findings: readonly Finding[];
  /** Rules that failed while evaluating (custom rules with a runtime problem); others still ran. */
  readonly failures: readonly RuleFailure[];
}

export interface RulesOptions {
  readonly rules: readonly Rule[];
  readonly locale: Locale;
  /** Today's date, ISO (`YYYY-MM-DD`): decisions past their review date resurface. */
  readonly today: string;
  readonly needs?: NeedsAnalysis;
  /** Called after each rule, for progress on large models. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs rules over a model and applies the model's risk decisions to the findings. */
export function evaluateRules(graph: ModelGraph, options: RulesOptions): RulesResult {
  const needs = options.needs ?? analyseNeeds(graph);
  const context: RuleContext = { model: graph.model, graph, needs, today: options.today };
  const decisions = new Map<string, Decision>(graph.model.decisions.map((d) => [d.finding, d]));
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  options.rules.forEach((rule, index) => {
    try {
      findings.push(
        ...toFindings(rule, rule.evaluate(context), context, options.locale, decisions),
      );
    } catch (error) {
      failures.push({
        ruleId: rule.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    options.onProgress?.(index + 1, options.rules.length);
  });
  return { needs, findings: findings.sort(compareFindings), failures };
}
