/**
 * The detection run: rule files are parsed and compiled once, then every input record is routed
 * to the rules whose logsource it can match, tested, and fed to the correlations that refer to
 * the matching rules. Pure: records come in, detections go out; reading files is the caller's.
 */
import { compileRule } from '../compile/compile-rule.js';
import {
  createCorrelator,
  toCorrelationDefinition,
  type CorrelationAlert,
  type Correlator,
} from '../correlation/index.js';
import { applyFilters } from '../filters/apply-filters.js';
import { createRouter } from '../logsource/index.js';
import type { Guard } from '../compile/guard.js';
import { createGuardIndex, type GuardIndex } from '../prefilter/guard-index.js';
import { requiredValues } from '../prefilter/required-values.js';
import { createValueGate, type ValueGate } from '../prefilter/value-gate.js';
import type { AppliedPipeline } from '../pipeline/apply.js';
import { transformRule } from '../pipeline/transform-rule.js';
import { parseSigmaFile } from '../rule/parse-sigma-file.js';
import type { SigmaCorrelation, SigmaFilter, SigmaRule } from '../rule/types.js';
import type { InputRecord, SigmaDiagnostic, SigmaEvent } from '../types.js';
import type { Detection } from './detection.js';

export interface RuleSource {
  readonly file: string;
  readonly text: string;
}

export interface PreparedRule {
  readonly rule: SigmaRule;
  readonly file: string;
  readonly ruleId: string;
  readonly matcher: (event: SigmaEvent) => boolean;
  /** False when the rule did not compile: it stays listed (for reports) but never matches. */
  readonly compiled: boolean;
  /** Lower-cased `EventID` values the rule needs to match (a pre-filter); absent: any. */
  readonly eventIds?: ReadonlySet<string>;
  /** A necessary condition on literal field values (a pre-filter); absent: always run. */
  readonly guard?: Guard;
}

/** The event field the pre-filter reads (rules' fields after `fieldMapping`). */
const GATE_FIELD = 'EventID';

export interface PreparedRules {
  readonly rules: readonly PreparedRule[];
  readonly correlations: readonly { readonly rule: SigmaCorrelation; readonly file: string }[];
  readonly filters: readonly SigmaFilter[];
  readonly diagnostics: readonly SigmaDiagnostic[];
  /** Documents read, compiled and refused, for `sigma check` and reports. */
  readonly counts: {
    readonly documents: number;
    readonly compiled: number;
    readonly failed: number;
  };
}

export interface PrepareOptions {
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
  readonly fieldMapping?: (field: string) => string;
  /** Processing pipelines (field mapping per logsource, added conditions, dropped items). */
  readonly pipeline?: AppliedPipeline;
}

const identify = (meta: { id?: string; name?: string; title: string }): string =>
  meta.id ?? meta.name ?? meta.title;

/** Parses and compiles rule files; a broken document is reported and left out, never fatal. */
export function prepareRules(
  sources: readonly RuleSource[],
  options: PrepareOptions = {},
): PreparedRules {
  const diagnostics: SigmaDiagnostic[] = [];
  const rules: PreparedRule[] = [];
  const correlations: { rule: SigmaCorrelation; file: string }[] = [];
  const filters: SigmaFilter[] = [];
  let documents = 0;
  let failed = 0;
  for (const { file, text } of sources) {
    const parsed = parseSigmaFile(text, file);
    diagnostics.push(...parsed.diagnostics);
    for (const written of parsed.documents) {
      documents += 1;
      let document = written;
      if (options.pipeline !== undefined && written.kind !== 'correlation') {
        const transformed = transformRule(written, options.pipeline);
        diagnostics.push(...transformed.diagnostics);
        document = transformed.rule;
      }
      if (document.kind === 'correlation') {
        correlations.push({ rule: document, file });
      } else if (document.kind === 'filter') {
        filters.push(document);
      } else {
        const compiled = compileRule(document, options);
        diagnostics.push(...compiled.diagnostics);
        const ok = !compiled.diagnostics.some((d) => d.severity === 'error');
        if (!ok) failed += 1;
        const eventIds = ok
          ? requiredValues(document.detection, GATE_FIELD, {
              placeholders: new Map(Object.entries(options.placeholders ?? {})),
              ...(options.fieldMapping === undefined ? {} : { mapField: options.fieldMapping }),
            })
          : undefined;
        rules.push({
          rule: document,
          file,
          ruleId: identify(document.meta),
          matcher: compiled.matcher,
          compiled: ok,
          ...(eventIds === undefined ? {} : { eventIds }),
          ...(ok && compiled.guard !== undefined ? { guard: compiled.guard } : {}),
        });
      }
    }
  }
  const filtered = applyFilters(rules, filters, options);
  return {
    rules: filtered.rules,
    correlations,
    filters,
    diagnostics: [...diagnostics, ...filtered.diagnostics],
    counts: { documents, compiled: documents - failed, failed },
  };
}

/** Runs prepared rules over records; keeps the correlation state between calls. */
export class Hunter {
  readonly #prepared: PreparedRules;
  readonly #route: ReturnType<typeof createRouter>;
  readonly #gate: ValueGate | undefined;
  readonly #guards: GuardIndex;
  readonly #stamps: Int32Array;
  #stamp = 0;
  readonly #correlator: Correlator | undefined;
  readonly #correlated: ReadonlySet<string>;
  readonly #correlationFiles: ReadonlyMap<string, { file: string; tags: readonly string[] }>;

  constructor(prepared: PreparedRules) {
    this.#prepared = prepared;
    this.#route = createRouter(
      prepared.rules.map((r) => ({ id: r.ruleId, logsource: r.rule.logsource })),
    );
    this.#gate = createValueGate(
      GATE_FIELD,
      prepared.rules.map((r) => r.eventIds),
    );
    this.#guards = createGuardIndex(prepared.rules.map((r) => r.guard));
    this.#stamps = new Int32Array(prepared.rules.length);
    const definitions = prepared.correlations.map((c) => toCorrelationDefinition(c.rule));
    // input files are read one after another, so event times go back and forth between them:
    // buffer every detection until the end rather than drop late ones
    this.#correlator =
      definitions.length === 0
        ? undefined
        : createCorrelator(definitions, { reorderToleranceMs: Number.POSITIVE_INFINITY });
    this.#correlated = new Set(prepared.correlations.flatMap((c) => c.rule.rules));
    this.#correlationFiles = new Map(
      prepared.correlations.map((c) => [
        identify(c.rule.meta),
        { file: c.file, tags: c.rule.meta.tags },
      ]),
    );
  }

  /** Detections for one record (correlation alerts included when a window closes on it). */
  process(record: InputRecord): Detection[] {
    const detections: Detection[] = [];
    const routed = this.#route(record.source);
    const candidates = this.#gate === undefined ? routed : this.#gate(routed, record.event);
    if (candidates.length === 0) return detections;
    if (this.#stamp === 0x7fffffff) {
      this.#stamps.fill(0);
      this.#stamp = 0;
    }
    const stamp = ++this.#stamp;
    const stamps = this.#stamps;
    const guards = this.#guards;
    guards.mark(candidates, record.event, stamps, stamp);
    for (const index of candidates) {
      if (stamps[index] !== stamp && guards.guarded(index)) continue;
      const prepared = this.#prepared.rules[index];
      if (prepared === undefined || !prepared.matcher(record.event)) continue;
      const { meta } = prepared.rule;
      const referenced =
        this.#correlated.has(prepared.ruleId) ||
        (meta.name !== undefined && this.#correlated.has(meta.name));
      if (referenced && this.#correlator !== undefined) {
        const alerts = this.#correlator.push({
          ruleId: prepared.ruleId,
          ...(meta.name === undefined ? {} : { ruleName: meta.name }),
          time: record.time ?? 0,
          event: record.event,
          file: record.file,
          line: record.line,
        });
        detections.push(...alerts.map((alert) => this.#correlationDetection(alert)));
        if (this.#correlator.suppressesBaseRule(prepared.ruleId, meta.name)) continue;
      }
      detections.push({
        kind: 'rule',
        ruleId: prepared.ruleId,
        title: meta.title,
        level: meta.level ?? 'medium',
        author: meta.author,
        tags: meta.tags,
        ruleFile: prepared.file,
        file: record.file,
        line: record.line,
        ...(record.time === undefined ? {} : { time: record.time }),
      });
    }
    return detections;
  }

  /** Alerts of correlation windows still open at the end of the input. */
  finish(): Detection[] {
    return (this.#correlator?.flush() ?? []).map((alert) => this.#correlationDetection(alert));
  }

  /** Problems found while correlating (disabled correlations, dropped detections…). */
  diagnostics(): SigmaDiagnostic[] {
    return this.#correlator?.diagnostics() ?? [];
  }

  #correlationDetection(alert: CorrelationAlert): Detection {
    const ruleId = alert.correlationId ?? alert.correlationName ?? alert.title;
    const meta = this.#correlationFiles.get(ruleId);
    const last = alert.lines.at(-1);
    return {
      kind: 'correlation',
      ruleId,
      title: alert.title,
      level: alert.level ?? 'high',
      author: alert.author,
      tags: alert.tags.length > 0 ? alert.tags : (meta?.tags ?? []),
      ruleFile: meta?.file ?? '',
      file: last?.file ?? '',
      line: last?.line ?? 0,
      time: alert.time,
      lines: alert.lines,
      group: alert.group,
    };
  }
}
