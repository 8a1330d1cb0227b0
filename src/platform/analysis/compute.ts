/**
 * The analyses of one model version, computed once per version and read in either language.
 *
 * `computeVersionCore` does the expensive work once (load, rules, attack paths, baseline, needs,
 * regulations, EBIOS framing): none of it depends on the language, because rules return their
 * hits in both languages and the attack and CP1 analyses carry bilingual text. `localizeVersion`
 * then builds the view in one language (findings from the hits, diagnostics), which is cheap:
 * the translation happens at the edge. `computeVersionAnalysis` chains both. Pure.
 */
import { analysesOf } from '../../design/analyses/index.js';
import { evaluateRuleHits, findingsOfHits, type RuleHits } from '../../design/analyze-rules.js';
import { analyseAttackPaths, type AttackPathAnalysis } from '../../design/attack/analyze-paths.js';
import {
  assessBaseline,
  assessRegulations,
  buildNeedsReport,
  frameEbios,
  type Baseline,
  type EbiosFraming,
  type NeedsReport,
  type RegulationAssessment,
} from '../../design/cp1/index.js';
import type { Finding, FindingSeverity } from '../../design/findings.js';
import { severityRank } from '../../design/findings.js';
import type { Rule } from '../../design/rule.js';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import type { DocumentInput } from '../../presentation/input.js';
import { createTranslator, type Locale } from '../../i18n/index.js';
import { loadModel, type LoadResult, type ModelSource } from '../../model/load.js';
import type { DiagnosticView } from '../api/types.js';

/** Attack paths kept per target and targets analysed, as in documents. */
export const ATTACK_PATHS_PER_TARGET = 3;
export const MAX_ATTACK_TARGETS = 50;

export interface VersionAnalysis {
  readonly locale: Locale;
  /** ISO date the analyses were run for (risk decisions past review reopen). */
  readonly today: string;
  readonly load: LoadResult;
  readonly diagnostics: readonly DiagnosticView[];
  readonly errors: number;
  readonly warnings: number;
  /** Absent when the model has errors: analysing half a model would mislead. */
  readonly input: DocumentInput | undefined;
  readonly rules: ReadonlyMap<string, Rule>;
  /** Findings naming each entity (any status), most severe first. */
  readonly findingsOf: ReadonlyMap<string, readonly Finding[]>;
  /** Worst open finding naming each entity. */
  readonly worstOf: ReadonlyMap<string, FindingSeverity>;
  /** Assets the Internet reaches: the Internet exposure analysis the rules read. */
  readonly exposed: ReadonlySet<string>;
}

export interface ComputeOptions {
  readonly today: string;
  readonly rules?: readonly Rule[];
}

/** What a valid model's analyses are, in no language in particular. */
interface CoreAnalyses {
  readonly hits: RuleHits;
  readonly baseline: Baseline;
  readonly attack: AttackPathAnalysis;
  readonly needsReport: NeedsReport;
  readonly regulations: readonly RegulationAssessment[];
  readonly ebios: EbiosFraming;
}

/** The language-independent analyses of one version: computed once, localised on demand. */
export interface VersionCore {
  readonly today: string;
  readonly sources: readonly ModelSource[];
  /** Loaded with English messages; another language reloads only when there are diagnostics. */
  readonly load: LoadResult;
  readonly rules: readonly Rule[];
  readonly analyses: CoreAnalyses | undefined;
  readonly exposed: ReadonlySet<string>;
}

const sourcesOf = (files: Readonly<Record<string, string>>): ModelSource[] =>
  Object.keys(files)
    .sort()
    .map((file) => ({ file, text: files[file] ?? '' }));

/** Loads the files (sorted by name, as validation does) and runs every analysis once. */
export function computeVersionCore(
  files: Readonly<Record<string, string>>,
  options: ComputeOptions,
): VersionCore {
  const sources = sourcesOf(files);
  const load = loadModel(sources, { t: createTranslator('en') });
  const rules = options.rules ?? BUILTIN_RULES;
  let analyses: CoreAnalyses | undefined;
  if (load.valid) {
    const { graph } = load;
    const hits = evaluateRuleHits(graph, { rules, today: options.today });
    const { needs } = hits;
    const baseline = assessBaseline(graph, options.today, needs);
    analyses = {
      hits,
      baseline,
      attack: analyseAttackPaths(graph, {
        needs,
        k: ATTACK_PATHS_PER_TARGET,
        maxTargets: MAX_ATTACK_TARGETS,
        today: options.today,
      }),
      needsReport: buildNeedsReport(graph, needs),
      regulations: assessRegulations({
        organisation: graph.model.organisation,
        data: graph.model.data,
        assets: graph.model.assets,
      }),
      ebios: frameEbios(graph, options.today, needs, baseline),
    };
  }
  // the Internet exposure the rules and documents read (also for a model with errors)
  const exposed = new Set(
    [...analysesOf(load.graph).internetExposure.byTarget.keys()].filter(
      (id) => load.graph.asset(id) !== undefined,
    ),
  );
  return { today: options.today, sources, load, rules, analyses, exposed };
}

/** The analyses of a version in one language (cheap: findings and messages only). */
export function localizeVersion(core: VersionCore, locale: Locale): VersionAnalysis {
  const load =
    locale === 'en' || core.load.diagnostics.length === 0
      ? core.load
      : { ...core.load, diagnostics: diagnosticsIn(core, locale) };
  const diagnostics = load.diagnostics.map((d): DiagnosticView => ({
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.path === '' ? {} : { path: d.path }),
  }));
  const { analyses } = core;
  const input: DocumentInput | undefined =
    analyses === undefined
      ? undefined
      : {
          model: load.model,
          graph: load.graph,
          rules: core.rules,
          needs: analyses.hits.needs,
          analyses: analyses.hits.context.analyses,
          needsReport: analyses.needsReport,
          regulations: analyses.regulations,
          ebios: analyses.ebios,
          baseline: analyses.baseline,
          findings: findingsOfHits(analyses.hits, locale),
          ruleFailures: analyses.hits.failures,
          attack: analyses.attack,
          today: core.today,
          locale,
        };
  const findingsOf = new Map<string, Finding[]>();
  const worstOf = new Map<string, FindingSeverity>();
  for (const finding of input?.findings ?? []) {
    for (const subject of finding.subjects) {
      const list = findingsOf.get(subject);
      if (list === undefined) findingsOf.set(subject, [finding]);
      else list.push(finding);
      if (finding.status !== 'open') continue;
      const known = worstOf.get(subject);
      if (known === undefined || severityRank(finding.severity) > severityRank(known))
        worstOf.set(subject, finding.severity);
    }
  }
  return {
    locale,
    today: core.today,
    load,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    input,
    rules: new Map(core.rules.map((rule) => [rule.id, rule])),
    findingsOf,
    worstOf,
    exposed: core.exposed,
  };
}

/** The diagnostics of the version in another language (the loader writes the messages). */
function diagnosticsIn(core: VersionCore, locale: Locale): LoadResult['diagnostics'] {
  return loadModel(core.sources, { t: createTranslator(locale) }).diagnostics;
}

/** Loads the files and runs the analyses, in one language. */
export function computeVersionAnalysis(
  files: Readonly<Record<string, string>>,
  options: ComputeOptions & { readonly locale: Locale },
): VersionAnalysis {
  return localizeVersion(computeVersionCore(files, options), options.locale);
}
