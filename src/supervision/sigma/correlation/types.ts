/**
 * Types of the correlation engine (Sigma correlation rules, specification v2.1.0).
 *
 * The engine takes its own input type, `CorrelationDefinition`, so that it does not depend on the
 * rule parser: a small adapter maps the parser's correlation rule to this shape (see
 * `timespan.ts` for the `timespan` string → milliseconds conversion).
 */
import type { SigmaDiagnostic, SigmaEvent } from '../types.js';

/** The seven correlation types of the specification, in the order it lists them. */
export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;

export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/** Comparison operators of a condition; several are joined by AND (`gt: 100` + `lte: 200`). */
export const CONDITION_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;

export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface CorrelationCondition {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly eq?: number;
  readonly neq?: number;
  /**
   * Field read by value_count (several fields: distinct tuples), value_sum, value_avg and
   * value_percentile. Aliases apply to it as they do to `group-by`.
   */
  readonly field?: string | readonly string[];
  /** value_percentile only (pySigma's `percentile` key): 0–100, default 50 (the median). */
  readonly percentile?: number;
}

/** Where a definition was written, for diagnostics. */
export interface DefinitionSource {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type CorrelationLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';

/** One correlation rule, as the engine needs it. */
export interface CorrelationDefinition {
  readonly id?: string;
  readonly name?: string;
  readonly title: string;
  readonly type: CorrelationType;
  /** Referenced rules by `id` or `name`; may name other correlations (chaining). */
  readonly rules: readonly string[];
  /** Field names or alias names; empty means one group for everything. */
  readonly groupBy: readonly string[];
  /** `timespan` in milliseconds (> 0). */
  readonly timespanMs: number;
  /** For temporal types an empty condition means "all referenced rules" (gte rules.length). */
  readonly condition: CorrelationCondition;
  /** alias name → (rule reference, by id or name → field name in that rule's events). */
  readonly aliases?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** false (the spec's default): the referenced rules emit no stand-alone alerts. */
  readonly generate: boolean;
  readonly level?: CorrelationLevel;
  readonly tags?: readonly string[];
  readonly author?: string;
  readonly source?: DefinitionSource;
}

/** A match of a base (non-correlation) rule, as the detection engine reports it. */
export interface DetectionInput {
  readonly ruleId: string;
  readonly ruleName?: string;
  /** Event time, milliseconds since the epoch. */
  readonly time: number;
  readonly event: SigmaEvent;
  readonly file: string;
  /** 1-based record number in `file`. */
  readonly line: number;
}

/** A record that contributed to an alert. */
export interface RecordRef {
  readonly file: string;
  readonly line: number;
}

export interface CorrelationAlert {
  readonly correlationId: string | undefined;
  readonly correlationName: string | undefined;
  readonly title: string;
  readonly type: CorrelationType;
  readonly level: CorrelationLevel | undefined;
  readonly tags: readonly string[];
  readonly author: string | undefined;
  /** Event time at which the alert fired (see README.md: early or at window completion). */
  readonly time: number;
  /** Evaluated window, inclusive at both ends. */
  readonly window: { readonly start: number; readonly end: number };
  /** group-by field (or alias) → value, in group-by order. */
  readonly group: Readonly<Record<string, unknown>>;
  /**
   * The computed value: event count, distinct value count, number of referenced rules matched
   * (temporal), length of the in-order prefix matched (temporal_ordered), sum, average, percentile.
   */
  readonly value: number;
  /** Contributing records in event-time order, without duplicates (chained alerts flattened). */
  readonly lines: readonly RecordRef[];
}

export interface CorrelatorOptions {
  /**
   * How far back in event time a detection may arrive after a later one and still be handled
   * exactly (default 300,000 ms). `Infinity` buffers everything until `flush()`.
   */
  readonly reorderToleranceMs?: number;
  /** Live groups per correlation (default 100,000); further groups are ignored with a diagnostic. */
  readonly maxGroups?: number;
  /** Detections waiting in the reorder buffer (default 1,000,000); the oldest are then released. */
  readonly maxPending?: number;
}

/** Counters of what the correlator ignored; each non-zero one is also a diagnostic. */
export interface CorrelatorStats {
  readonly pushed: number;
  /** Arrived more than the reorder tolerance behind the newest time seen: dropped. */
  readonly late: number;
  /** Time not a finite number: dropped. */
  readonly badTime: number;
  /** Released before their turn because the reorder buffer was full. */
  readonly forcedReleases: number;
  /** Detections ignored because a correlation had `maxGroups` live groups. */
  readonly groupCapHits: number;
  /** Detections ignored by a correlation because a group-by field was missing. */
  readonly missingGroupField: number;
  /** Detections ignored by a value_* correlation because its field was missing or not numeric. */
  readonly missingValueField: number;
  /** Groups currently holding detections, over all correlations (memory in use). */
  readonly liveGroups: number;
  /** Detections waiting in the reorder buffer. */
  readonly pending: number;
}

export interface Correlator {
  /** Feeds one base-rule detection; returns the alerts that became final. */
  push(detection: DetectionInput): CorrelationAlert[];
  /** End of input: releases every buffered detection, completes every window. */
  flush(): CorrelationAlert[];
  /** True when a correlation with `generate: false` refers to this rule (by id or name). */
  suppressesBaseRule(ruleId: string, ruleName?: string): boolean;
  /** Definition problems (those correlations are disabled) and summaries of the counters. */
  diagnostics(): SigmaDiagnostic[];
  stats(): CorrelatorStats;
}
