/**
 * Rewrites a rule through processing pipelines before it is compiled, as pySigma does: field
 * names are mapped for the rule's logsource (a mapping to several fields means "any of them"),
 * detection items on dropped fields are removed, and the pipelines' added conditions are AND-ed
 * into every condition of the rule. Keyword items (no field) are left as they are. Works for
 * filters too. Pure: returns a new rule, the given one is untouched, and located diagnostics.
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
import type { SigmaDiagnostic } from '../types.js';
import type { AppliedPipeline } from './apply.js';

/**
 * Above this many combinations, a multi-field mapping keeps its first field only (and says so):
 * the alternatives are a product, 9 fields mapped to 2 names each already give 512.
 */
export const MAX_COMBINATIONS = 256;

/** The rule as the pipelines make it, and what the pipelines could not do for it. */
export interface TransformResult<T> {
  readonly rule: T;
  readonly diagnostics: readonly SigmaDiagnostic[];
}

/** What the transformation reads of a rule or a filter. */
interface Transformable {
  readonly logsource: SigmaLogsource;
  readonly detection: SigmaDetection;
  readonly location: SigmaLocation;
}

/** Identifier prefix of the searches holding added conditions (cannot clash: `|` is not allowed). */
export const ADDED_CONDITION_PREFIX = 'pipeline|condition|';

function truncated(
  matches: readonly SigmaFieldMatch[],
  choices: readonly (readonly SigmaFieldMatch[])[],
  combinations: number,
): SigmaDiagnostic {
  const first = choices.find((c) => c.length > 1)?.[0] ?? matches[0];
  const location = first?.location ?? { file: '', line: 0, column: 0, path: '' };
  const kept = choices.flatMap((c) => (c.length > 1 && c[0]?.field ? [c[0].field] : [])).join(', ');
  return {
    code: 'pipeline-mapping-truncated',
    severity: 'warning',
    message: {
      en: `The pipelines map the fields of this search to ${String(combinations)} combinations of event fields (more than ${String(MAX_COMBINATIONS)}): each field is read from its first target only (${kept}), so events that name it otherwise are not matched.`,
      fr: `Les pipelines font correspondre les champs de cette recherche à ${String(combinations)} combinaisons de champs d’événement (plus de ${String(MAX_COMBINATIONS)}) : chaque champ n’est lu que dans sa première cible (${kept}), les événements qui le nomment autrement ne sont pas détectés.`,
    },
    file: location.file,
    line: location.line,
    column: location.column,
    path: location.path,
  };
}

function transformFields(
  matches: readonly SigmaFieldMatch[],
  rule: Transformable,
  pipeline: AppliedPipeline,
  diagnostics: SigmaDiagnostic[],
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
  if (combinations > MAX_COMBINATIONS) diagnostics.push(truncated(matches, choices, combinations));
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
  diagnostics: SigmaDiagnostic[],
): SigmaSearch {
  if (search.kind === 'anyOf') {
    return {
      kind: 'anyOf',
      alternatives: search.alternatives.map((a) => transformSearch(a, rule, pipeline, diagnostics)),
    };
  }
  return transformFields(search.matches, rule, pipeline, diagnostics);
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
  // one name per field: never more than one combination, so no diagnostic
  return transformFields(matches, rule, identity, []);
}

/**
 * The rule (or filter) as the pipelines make it; a search whose mapped fields give more than
 * `MAX_COMBINATIONS` alternatives reads each field from its first target, with a warning.
 */
export function transformRule<T extends Transformable>(
  rule: T,
  pipeline: AppliedPipeline,
): TransformResult<T> {
  const diagnostics: SigmaDiagnostic[] = [];
  const searches = new Map<string, SigmaSearch>();
  for (const [name, search] of rule.detection.searches)
    searches.set(name, transformSearch(search, rule, pipeline, diagnostics));
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
  return { rule: { ...rule, detection: { ...rule.detection, searches, conditions } }, diagnostics };
}
