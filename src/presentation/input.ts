/**
 * Everything a document about the organisation's IS is built from: the validated model and its
 * graph, and the analyses run once (needs, Internet exposure, backup coverage, regulations, EBIOS
 * framing, ANSSI baseline, findings with risk decisions applied, attack paths and choke points).
 * Builders (DAT, analysis report) read this and never re-run analyses. Pure: `prepareDocumentInput` only computes.
 */
import { analysesOf, type ModelAnalyses } from '../design/analyses/index.js';
import type { Rule } from '../design/rule.js';
import { evaluateRules, type RuleFailure } from '../design/analyze-rules.js';
import { analyseAttackPaths, type AttackPathAnalysis } from '../design/attack/analyze-paths.js';
import {
  assessBaseline,
  assessRegulations,
  buildNeedsReport,
  frameEbios,
  type Baseline,
  type EbiosFraming,
  type NeedsReport,
  type RegulationAssessment,
} from '../design/cp1/index.js';
import type { Finding } from '../design/findings.js';
import type { NeedsAnalysis } from '../design/needs.js';
import type { Model } from '../domain/model/model.js';
import type { ModelGraph } from '../model/graph.js';
import type { Locale } from '../i18n/index.js';

export interface DocumentInput {
  readonly model: Model;
  readonly graph: ModelGraph;
  /** The rules the findings come from (for titles, references, families). */
  readonly rules: readonly Rule[];
  readonly needs: NeedsAnalysis;
  /** The analyses the rules read too (Internet exposure, backup coverage): the same results. */
  readonly analyses: ModelAnalyses;
  readonly needsReport: NeedsReport;
  readonly regulations: readonly RegulationAssessment[];
  readonly ebios: EbiosFraming;
  readonly baseline: Baseline;
  /** Most severe first, risk decisions applied (status, decision). */
  readonly findings: readonly Finding[];
  readonly ruleFailures: readonly RuleFailure[];
  /** Absent when attack paths were not computed. */
  readonly attack?: AttackPathAnalysis;
  /** ISO date the analyses were run for (decisions past review reopen). */
  readonly today: string;
  readonly locale: Locale;
}

export interface PrepareOptions {
  readonly locale: Locale;
  readonly today: string;
  /** Attack paths per target (default 3); 0 skips attack paths. */
  readonly k?: number;
  /**
   * Attack paths are computed for the most valuable crown jewels only (default 50): beyond that a
   * document cannot present them, and large models would spend minutes on paths nobody reads.
   */
  readonly maxTargets?: number;
  readonly onProgress?: (step: string, done: number, total: number) => void;
}

/** Runs every analysis a document needs, once. */
export function prepareDocumentInput(
  graph: ModelGraph,
  rules: readonly Rule[],
  options: PrepareOptions,
): DocumentInput {
  const { model } = graph;
  const analysis = evaluateRules(graph, {
    rules,
    locale: options.locale,
    today: options.today,
    onProgress: (done, total) => options.onProgress?.('rules', done, total),
  });
  const needs = analysis.needs;
  const baseline = assessBaseline(graph, options.today, needs);
  const k = options.k ?? 3;
  const attack =
    k === 0
      ? undefined
      : analyseAttackPaths(graph, {
          needs,
          k,
          maxTargets: options.maxTargets ?? 50,
          today: options.today,
          onProgress: (done, total) => options.onProgress?.('paths', done, total),
        });
  return {
    model,
    graph,
    rules,
    needs,
    analyses: analysesOf(graph),
    needsReport: buildNeedsReport(graph, needs),
    regulations: assessRegulations({
      organisation: model.organisation,
      data: model.data,
      assets: model.assets,
    }),
    ebios: frameEbios(graph, options.today, needs, baseline),
    baseline,
    findings: analysis.findings,
    ruleFailures: analysis.failures,
    ...(attack === undefined ? {} : { attack }),
    today: options.today,
    locale: options.locale,
  };
}
