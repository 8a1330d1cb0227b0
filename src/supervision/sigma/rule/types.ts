/**
 * Parsed Sigma documents: detection rules, correlation rules and filters. Every type is readonly;
 * the parser builds them once and nothing mutates them afterwards (compile and correlation
 * evaluation read them). Field names follow the specification, camelCased (`group-by` → `groupBy`).
 */
import type { SigmaConditionNode } from '../condition/types.js';

/** A scalar as written in a detection: YAML strings, numbers, booleans and null. */
export type SigmaValue = string | number | boolean | null;

/** Where a piece of a rule was written (1-based line and column; 0 when unknown). */
export interface SigmaLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Path inside the YAML document, e.g. `detection.selection.Image|endswith`. */
  readonly path: string;
}

export const SIGMA_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];

export const SIGMA_STATUSES = [
  'stable',
  'test',
  'experimental',
  'deprecated',
  'unsupported',
] as const;
export type SigmaStatus = (typeof SIGMA_STATUSES)[number];

export const SIGMA_RELATION_TYPES = [
  'derived',
  'obsolete',
  'merged',
  'renamed',
  'similar',
] as const;
export type SigmaRelationType = (typeof SIGMA_RELATION_TYPES)[number];

export interface SigmaRelated {
  readonly id: string;
  readonly type: SigmaRelationType;
}

export interface SigmaLogsource {
  readonly category?: string;
  readonly product?: string;
  readonly service?: string;
  readonly definition?: string;
}

/** Metadata shared by the three kinds of documents (absent attributes are left out). */
export interface SigmaMeta {
  readonly title: string;
  readonly id?: string;
  readonly name?: string;
  readonly status?: SigmaStatus;
  readonly description?: string;
  readonly license?: string;
  readonly author?: string;
  readonly references: readonly string[];
  readonly date?: string;
  readonly modified?: string;
  readonly tags: readonly string[];
  readonly level?: SigmaLevel;
  readonly falsepositives: readonly string[];
  readonly fields: readonly string[];
  readonly related: readonly SigmaRelated[];
  readonly scope: readonly string[];
  readonly taxonomy?: string;
  /** Top-level keys the specification does not define (custom attributes), as parsed. */
  readonly custom: Readonly<Record<string, unknown>>;
}

/**
 * One `field|mod1|mod2: values` entry of a search identifier. `field` is null for keywords
 * (values searched anywhere in the event). Values are OR-ed unless `all` is among the modifiers.
 */
export interface SigmaFieldMatch {
  readonly field: string | null;
  readonly modifiers: readonly string[];
  readonly values: readonly SigmaValue[];
  readonly location: SigmaLocation;
}

/**
 * A search identifier's body: `fields` is a map (AND of its entries), `anyOf` a list of maps
 * or a list mixing maps and keywords (OR of the alternatives).
 */
export type SigmaSearch =
  | { readonly kind: 'fields'; readonly matches: readonly SigmaFieldMatch[] }
  | { readonly kind: 'anyOf'; readonly alternatives: readonly SigmaSearch[] };

export interface SigmaDetection {
  /** Search identifiers in the order they were written. */
  readonly searches: ReadonlyMap<string, SigmaSearch>;
  /** One tree per condition (a list of conditions is an OR, as the specification says). */
  readonly conditions: readonly SigmaConditionNode[];
  /** The condition text(s) as written, for display. */
  readonly conditionText: readonly string[];
}

export interface SigmaRule {
  readonly kind: 'rule';
  readonly meta: SigmaMeta;
  readonly logsource: SigmaLogsource;
  readonly detection: SigmaDetection;
  readonly location: SigmaLocation;
}

export const SIGMA_CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;
export type SigmaCorrelationType = (typeof SIGMA_CORRELATION_TYPES)[number];

/**
 * A correlation's condition: every present bound must hold (they are AND-ed).
 * For `temporal`/`temporal_ordered` without a condition the parser sets `gte` to the number of
 * referenced rules (all of them must be seen), as pySigma does.
 */
export interface SigmaCorrelationCondition {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly eq?: number;
  readonly neq?: number;
  /** Field(s) for value_count (distinct values, AND-ed when several), value_sum/avg/percentile. */
  readonly field?: readonly string[];
  /** For value_percentile: the percentile rank (0–100) when the rule gives one. */
  readonly percentile?: number;
}

export interface SigmaCorrelation {
  readonly kind: 'correlation';
  readonly meta: SigmaMeta;
  readonly type: SigmaCorrelationType;
  /** Referenced rules, by `id` or `name`, in the order written (the order matters for temporal_ordered). */
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  /** As written, e.g. `90m`. */
  readonly timespan: string;
  /** The timespan in milliseconds. */
  readonly timespanMs: number;
  readonly condition: SigmaCorrelationCondition;
  /** alias → (rule name → field name in that rule's events). */
  readonly aliases: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Whether the referenced rules also alert on their own (default false). */
  readonly generate: boolean;
  readonly location: SigmaLocation;
}

/** A global filter: when its condition matches an event, the named rules do not alert on it. */
export interface SigmaFilter {
  readonly kind: 'filter';
  readonly meta: SigmaMeta;
  readonly logsource: SigmaLogsource;
  /** Rules the filter applies to, by `id` or `name`. */
  readonly rules: readonly string[];
  readonly detection: SigmaDetection;
  readonly location: SigmaLocation;
}

export type SigmaDocument = SigmaRule | SigmaCorrelation | SigmaFilter;
