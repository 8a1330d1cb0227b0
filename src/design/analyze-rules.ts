import type { Decision } from '../domain/model/index.js';
import type { Locale } from '../i18n/index.js';
import type { ModelGraph } from '../model/graph.js';
import { analysesOf } from './analyses/index.js';
import { compareFindings, toFindings, type Finding } from './findings.js';
import { analyseNeeds, type NeedsAnalysis } from './needs.js';
import type { Rule, RuleContext, RuleHit } from './rule.js';

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

/** The hits of every rule, before translation: what the rules found, in both languages. */
export interface RuleHits {
  readonly needs: NeedsAnalysis;
  readonly context: RuleContext;
  readonly results: readonly { readonly rule: Rule; readonly hits: readonly RuleHit[] }[];
  readonly failures: readonly RuleFailure[];
}

/**
 * Runs the rules once (the expensive part); {@link findingsOfHits} then turns the hits into
 * findings in either language without evaluating again.
 */
export function evaluateRuleHits(
  graph: ModelGraph,
  options: Omit<RulesOptions, 'locale'>,
): RuleHits {
  const needs = options.needs ?? analyseNeeds(graph);
  const context: RuleContext = {
    model: graph.model,
    graph,
    needs,
    analyses: analysesOf(graph),
    today: options.today,
  };
  const results: { rule: Rule; hits: readonly RuleHit[] }[] = [];
  const failures: RuleFailure[] = [];
  options.rules.forEach((rule, index) => {
    try {
      results.push({ rule, hits: rule.evaluate(context) });
    } catch (error) {
      failures.push({
        ruleId: rule.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    options.onProgress?.(index + 1, options.rules.length);
  });
  return { needs, context, results, failures };
}

/** The findings of evaluated rules in one language, the model's risk decisions applied. */
export function findingsOfHits(evaluated: RuleHits, locale: Locale): Finding[] {
  const { context } = evaluated;
  const decisions = new Map<string, Decision>(context.model.decisions.map((d) => [d.finding, d]));
  const findings: Finding[] = [];
  for (const { rule, hits } of evaluated.results) {
    findings.push(...toFindings(rule, hits, context, locale, decisions));
  }
  return findings.sort(compareFindings);
}

/** Runs rules over a model and applies the model's risk decisions to the findings. */
export function evaluateRules(graph: ModelGraph, options: RulesOptions): RulesResult {
  const evaluated = evaluateRuleHits(graph, options);
  return {
    needs: evaluated.needs,
    findings: findingsOfHits(evaluated, options.locale),
    failures: evaluated.failures,
  };
}
