/**
 * Applies processing pipelines to rules at compile time: a field-name mapping for the compiler,
 * the conditions to add and the detection items to drop, each depending on the rule's
 * logsource. Pipelines run in ascending priority (then in the order given), transformations in
 * their written order, each one seeing the names produced by the previous ones. Pure.
 */
import type { LogsourceLike } from '../logsource/applies.js';
import type { LogsourceCondition, PipelineTransformation, ProcessingPipeline } from './schema.js';

/** What the compiler needs from the pipelines. */
export interface AppliedPipeline {
  /** The event field a rule field is read from (the first target when a mapping gives several). */
  readonly fieldMapping: (field: string, logsource: LogsourceLike) => string;
  /** Every event field a rule field maps to (a list means: any of them). */
  readonly fieldMappings: (field: string, logsource: LogsourceLike) => readonly string[];
  /** Conditions (field → value or list) to AND into the rules of this logsource. */
  readonly addedConditions: (
    logsource: LogsourceLike,
  ) => readonly Readonly<Record<string, unknown>>[];
  /** True when detection items on this (rule) field are to be dropped. */
  readonly isDropped: (field: string, logsource: LogsourceLike) => boolean;
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || (b !== undefined && a.toLowerCase() === b.toLowerCase());
}

function logsourceMatches(condition: LogsourceCondition, logsource: LogsourceLike): boolean {
  return (
    same(condition.product, logsource.product) &&
    same(condition.category, logsource.category) &&
    same(condition.service, logsource.service)
  );
}

function appliesToRule(t: PipelineTransformation, logsource: LogsourceLike): boolean {
  const conditions = t.rule_conditions;
  if (conditions === undefined || conditions.length === 0) return true;
  return t.rule_cond_op === 'or'
    ? conditions.some((c) => logsourceMatches(c, logsource))
    : conditions.every((c) => logsourceMatches(c, logsource));
}

function appliesToField(t: PipelineTransformation, field: string): boolean {
  const conditions = t.field_name_conditions;
  if (conditions === undefined || conditions.length === 0) return true;
  const result = conditions.every(
    (c) => (c.type === 'include_fields') === c.fields.includes(field),
  );
  return t.field_name_cond_not === true ? !result : result;
}

function renamed(t: PipelineTransformation, name: string): readonly string[] {
  switch (t.type) {
    case 'field_name_mapping': {
      const target = t.mapping[name];
      if (target === undefined) return [name];
      return typeof target === 'string' ? [target] : target;
    }
    case 'field_name_prefix':
      return [`${t.prefix}${name}`];
    case 'field_name_suffix':
      return [`${name}${t.suffix}`];
    case 'add_condition':
    case 'drop_detection_item':
      return [name];
  }
}

/** Sorts pipelines by priority, keeping the given order among equals. */
function ordered(pipelines: readonly ProcessingPipeline[]): readonly PipelineTransformation[] {
  return pipelines
    .map((pipeline, index) => ({ pipeline, index }))
    .sort((a, b) => a.pipeline.priority - b.pipeline.priority || a.index - b.index)
    .flatMap(({ pipeline }) => pipeline.transformations);
}

/** Combines `pipelines` into the functions the compiler calls. */
export function applyPipeline(
  pipelines: ProcessingPipeline | readonly ProcessingPipeline[],
): AppliedPipeline {
  const transformations = ordered(
    Array.isArray(pipelines) ? pipelines : [pipelines as ProcessingPipeline],
  );

  function fieldMappings(field: string, logsource: LogsourceLike): readonly string[] {
    let names: readonly string[] = [field];
    for (const t of transformations) {
      if (
        t.type === 'add_condition' ||
        t.type === 'drop_detection_item' ||
        !appliesToRule(t, logsource)
      )
        continue;
      names = names.flatMap((name) => (appliesToField(t, name) ? renamed(t, name) : [name]));
    }
    return [...new Set(names)];
  }

  return {
    fieldMappings,
    fieldMapping: (field, logsource) => fieldMappings(field, logsource)[0] ?? field,
    addedConditions: (logsource) =>
      transformations.flatMap((t) =>
        t.type === 'add_condition' && appliesToRule(t, logsource) ? [t.conditions] : [],
      ),
    isDropped: (field, logsource) =>
      transformations.some(
        (t) =>
          t.type === 'drop_detection_item' &&
          appliesToRule(t, logsource) &&
          appliesToField(t, field),
      ),
  };
}
