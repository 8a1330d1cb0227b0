/**
 * Compile-time analysis of a detection: the set of values one field must take for the condition
 * to possibly hold (e.g. the `EventID`s a Security rule tests). Sound, never complete: when the
 * condition does not guarantee such a set (negation, keywords, wildcards, modifiers…), the answer
 * is `undefined` and the rule is never skipped. Values are the field's text, lower-cased (numbers
 * as `String(n)`), to compare with the event's value read the same way. Pure.
 */
import type { SigmaConditionNode } from '../condition/types.js';
import { applyModifiers } from '../modifiers/apply-modifiers.js';
import type { SigmaDetection, SigmaFieldMatch, SigmaSearch } from '../rule/types.js';
import { simplePattern } from '../compile/string-test.js';

type Values = ReadonlySet<string> | undefined;

export interface RequiredOptions {
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
  readonly mapField?: (field: string) => string;
}

function union(parts: readonly Values[]): Values {
  if (parts.length === 0) return undefined;
  const out = new Set<string>();
  for (const p of parts) {
    if (p === undefined) return undefined;
    for (const v of p) out.add(v);
  }
  return out;
}

function smallest(parts: readonly Values[]): Values {
  let best: Values;
  for (const p of parts)
    if (p !== undefined && (best === undefined || p.size < best.size)) best = p;
  return best;
}

function itemValues(match: SigmaFieldMatch, field: string, options: RequiredOptions): Values {
  if (match.field === null || match.modifiers.length > 0) return undefined;
  const mapField = options.mapField ?? ((f: string) => f);
  if (mapField(match.field) !== field) return undefined;
  const applied = applyModifiers(match.values, match.modifiers, false, {
    placeholders: options.placeholders ?? new Map<string, readonly string[]>(),
  });
  if (!applied.ok) return undefined;
  const { state } = applied;
  if (state.negate || state.cased || state.timePart !== undefined || state.isKeyword)
    return undefined;
  if (state.link !== 'or' && state.groups.length !== 1) return undefined;
  const out = new Set<string>();
  for (const value of state.groups.flat()) {
    if (value.type === 'number') out.add(String(value.value));
    else if (value.type === 'string') {
      const simple = simplePattern(value.tokens, false);
      if (simple?.kind !== 'exact') return undefined;
      out.add(simple.text);
    } else return undefined;
  }
  return out.size === 0 ? undefined : out;
}

function searchValues(search: SigmaSearch, field: string, options: RequiredOptions): Values {
  if (search.kind === 'anyOf')
    return union(search.alternatives.map((a) => searchValues(a, field, options)));
  return smallest(search.matches.map((m) => itemValues(m, field, options)));
}

function nodeValues(node: SigmaConditionNode, searches: ReadonlyMap<string, Values>): Values {
  switch (node.kind) {
    case 'and':
      return smallest(node.operands.map((o) => nodeValues(o, searches)));
    case 'or':
      return union(node.operands.map((o) => nodeValues(o, searches)));
    case 'not':
      return undefined;
    case 'identifier':
      return searches.get(node.name);
    case 'quantified': {
      const parts = node.names.map((n) => searches.get(n));
      if (node.count === 'all') return smallest(parts);
      return union(parts);
    }
  }
}

/** The values `field` must take for `detection` to match, or undefined when unconstrained. */
export function requiredValues(
  detection: SigmaDetection,
  field: string,
  options: RequiredOptions = {},
): Values {
  const searches = new Map<string, Values>();
  for (const [name, search] of detection.searches)
    searches.set(name, searchValues(search, field, options));
  return union(detection.conditions.map((c) => nodeValues(c, searches)));
}
