/**
 * Rewrites a rule through processing pipelines before it is compiled, as pySigma does: field
 * names are mapped for the rule's logsource (a mapping to several fields means "any of them"),
 * detection items on dropped fields are removed, and the pipelines' added conditions are AND-ed
 * into every condition of the rule. Keyword items (no field) are left as they are. Works for
 * filters too. Pure: returns a new rule, the given one is untouched.
 */
import type { SigmaConditionNode } from '../condition/types.js';
import type {
  SigmaDetection,
  SigmaFieldMatch,
  SigmaLocation,
  SigmaLogsource,
  SigmaSearch,
  SigmaValue,
} from '../rule/types.js';
import type { AppliedPipeline } from './apply.js';

/** Above this many combinations, a multi-field mapping keeps its first field only. */
const MAX_COMBINATIONS = 256;

/** What the transformation reads of a rule or a filter. */
interface Transformable {
  readonly logsource: SigmaLogsource;
  readonly detection: SigmaDetection;
  readonly location: SigmaLocation;
}

/** Identifier prefix of the searches holding added conditions (cannot clash: `|` is not allowed). */
export const ADDED_CONDITION_PREFIX = 'pipeline|condition|';

function transformFields(
  matches: readonly SigmaFieldMatch[],
  rule: Transformable,
  pipeline: AppliedPipeline,
): SigmaSearch {
  const choices: SigmaFieldMatch[][] = [];
  let combinations = 1;
  for (const match of matches) {
    if (match.field === null) {
      choices.push([match]);
      continue;
    }
    if (pipeline.isDropped(match.field, rule.logsource)) continue;
    const targets = pipeline.fieldMappings(match.field, rule.logsource);
    choices.push(targets.map((field) => ({ ...match, field })));
    combinations *= Math.max(1, targets.length);
  }
  if (combinations === 1 || combinations > MAX_COMBINATIONS) {
    return { kind: 'fields', matches: choices.flatMap((c) => (c[0] === undefined ? [] : [c[0]])) };
  }
  // AND of ORs → OR of ANDs (one alternative per combination of target fields)
  let products: SigmaFieldMatch[][] = [[]];
  for (const options of choices)
    products = products.flatMap((prefix) => options.map((m) => [...prefix, m]));
  return {
    kind: 'anyOf',
    alternatives: products.map((p) => ({ kind: 'fields', matches: p })),
  };
}

function transformSearch(
  search: SigmaSearch,
  rule: Transformable,
  pipeline: AppliedPipeline,
): SigmaSearch {
  if (search.kind === 'anyOf') {
    return {
      kind: 'anyOf',
      alternatives: search.alternatives.map((a) => transformSearch(a, rule, pipeline)),
    };
  }
  return transformFields(search.matches, rule, pipeline);
}

function addedSearch(
  conditions: Readonly<Record<string, unknown>>,
  rule: Transformable,
  pipeline: AppliedPipeline,
): SigmaSearch {
  const matches: SigmaFieldMatch[] = Object.entries(conditions).map(([field, value]) => ({
    field,
    modifiers: [],
    values: (Array.isArray(value) ? value : [value]) as SigmaValue[],
    location: rule.location,
  }));
  // added conditions use the names of the events already: no mapping, no drop
  const identity: AppliedPipeline = {
    ...pipeline,
    fieldMappings: (field) => [field],
    isDropped: () => false,
  };
  return transformFields(matches, rule, identity);
}

/** The rule (or filter) as the pipelines make it. */
export function transformRule<T extends Transformable>(rule: T, pipeline: AppliedPipeline): T {
  const searches = new Map<string, SigmaSearch>();
  for (const [name, search] of rule.detection.searches)
    searches.set(name, transformSearch(search, rule, pipeline));
  const added = pipeline.addedConditions(rule.logsource);
  const names: SigmaConditionNode[] = added.map((conditions, index) => {
    const name = `${ADDED_CONDITION_PREFIX}${String(index)}`;
    searches.set(name, addedSearch(conditions, rule, pipeline));
    return { kind: 'identifier', name };
  });
  const conditions =
    names.length === 0
      ? rule.detection.conditions
      : rule.detection.conditions.map((c): SigmaConditionNode => ({
          kind: 'and',
          operands: [c, ...names],
        }));
  return { ...rule, detection: { ...rule.detection, searches, conditions } };
}
