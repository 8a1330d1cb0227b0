/**
 * The analyses of one model version, computed once: the loaded model (whatever loaded), and for a
 * valid model every analysis documents use (`prepareDocumentInput`: findings with decisions
 * applied, attack paths, baseline, needs) plus the indexes the API views read. Pure.
 */
import type { Finding, FindingSeverity } from '../../design/findings.js';
import { severityRank } from '../../design/findings.js';
import type { Rule } from '../../design/rule.js';
import { BUILTIN_RULES } from '../../design/rules/index.js';
import { flowsFromInternet } from '../../design/rules/support.js';
import { prepareDocumentInput, type DocumentInput } from '../../documents/input.js';
import { createTranslator, type Locale } from '../../i18n/index.js';
import { loadModel, type LoadResult } from '../../model/load.js';
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
  /** Assets a flow from the Internet reaches directly. */
  readonly exposed: ReadonlySet<string>;
}

export interface ComputeOptions {
  readonly locale: Locale;
  readonly today: string;
  readonly rules?: readonly Rule[];
}

/** Loads the files (sorted by name, as validation does) and runs the analyses. */
export function computeVersionAnalysis(
  files: Readonly<Record<string, string>>,
  options: ComputeOptions,
): VersionAnalysis {
  const sources = Object.keys(files)
    .sort()
    .map((file) => ({ file, text: files[file] ?? '' }));
  const load = loadModel(sources, { t: createTranslator(options.locale) });
  const diagnostics = load.diagnostics.map((d): DiagnosticView => ({
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  const rules = options.rules ?? BUILTIN_RULES;
  const input = load.valid
    ? prepareDocumentInput(load.graph, rules, {
        locale: options.locale,
        today: options.today,
        k: ATTACK_PATHS_PER_TARGET,
        maxTargets: MAX_ATTACK_TARGETS,
      })
    : undefined;
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
  const exposed = new Set<string>();
  for (const flow of flowsFromInternet(load.graph)) {
    if (load.graph.asset(flow.to) !== undefined) exposed.add(flow.to);
  }
  return {
    locale: options.locale,
    today: options.today,
    load,
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    input,
    rules: new Map(rules.map((rule) => [rule.id, rule])),
    findingsOf,
    worstOf,
    exposed,
  };
}
