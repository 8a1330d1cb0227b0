/**
 * One detection item (`field|modifiers: values`, or keywords) → a closure over an event.
 * Values go through the modifiers, then each becomes a scalar test; a group (alternatives) is an
 * OR, groups are linked by OR or AND (`all`); lists in the event match when any element matches.
 */
import { applyModifiers } from '../modifiers/apply-modifiers.js';
import { containsModifier } from '../modifiers/contains.js';
import type { ModifierState, TypedValue } from '../modifiers/types.js';
import type { SigmaFieldMatch } from '../rule/types.js';
import type { SigmaEvent, SigmaText } from '../types.js';
import { batchValues } from './batch.js';
import { anyLiteralTest, simplePattern, type TextTest } from './string-test.js';
import { fieldAccess, JOIN_SEPARATOR, joinedLowerOf, keysOf, lowerOf } from './event-access.js';
import { andGuards, type ClauseKind, type Guard } from './guard.js';
import { timePartOf } from './time-part.js';
import { compileValue, type CompiledValue, type ScalarTest } from './value-test.js';

const POSITIONAL: ReadonlySet<string> = new Set(['contains', 'startswith', 'endswith']);

export type EventTest = (event: SigmaEvent) => boolean;

export interface ItemOptions {
  readonly placeholders: ReadonlyMap<string, readonly string[]>;
  readonly mapField: (field: string) => string;
}

export type CompiledItem =
  | {
      readonly ok: true;
      readonly test: EventTest;
      readonly cost: number;
      /** A necessary condition on literals, when one can be derived (see `guard.ts`). */
      readonly guard?: Guard;
    }
  | { readonly ok: false; readonly error: SigmaText };

interface GroupTest {
  readonly test: ScalarTest;
  readonly needsLower: boolean;
  readonly hasNull: boolean;
  /** Set when the group is only `contains` of lower-cased, non-empty needles: tests for any. */
  readonly needles?: TextTest;
}

function containsNeedles(group: readonly TypedValue[], cased: boolean): TextTest | undefined {
  if (cased || group.length === 0) return undefined;
  const needles: string[] = [];
  for (const value of group) {
    if (value.type !== 'string') return undefined;
    const simple = simplePattern(value.tokens, false);
    if (simple?.kind !== 'contains' || simple.text === '' || simple.text.includes(JOIN_SEPARATOR))
      return undefined;
    needles.push(simple.text);
  }
  return anyLiteralTest(needles);
}

function anyOf(values: readonly CompiledValue[]): ScalarTest {
  const tests = [...values].sort((a, b) => a.cost - b.cost).map((v) => v.test);
  if (tests.length === 1 && tests[0] !== undefined) return tests[0];
  return (s, l, raw, event) => {
    for (const t of tests) if (t(s, l, raw, event)) return true;
    return false;
  };
}

function textOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** Tests one scalar (or each element of a list) against one group. */
type Lower = (event: SigmaEvent, text: string) => string;

function scalarMatches(
  group: GroupTest,
  raw: unknown,
  event: SigmaEvent,
  lower: Lower = lowerOf,
): boolean {
  if (raw === undefined || raw === null) return group.hasNull;
  if (Array.isArray(raw)) {
    if (raw.length === 0) return group.hasNull;
    for (const element of raw) if (scalarMatches(group, element, event, lowerOf)) return true;
    return false;
  }
  const text = textOf(raw);
  if (text === undefined) return false;
  return group.test(text, group.needsLower ? lower(event, text) : text, raw, event);
}

function compileGroups(
  state: ModifierState,
  options: ItemOptions,
): { ok: true; groups: GroupTest[]; cost: number } | { ok: false; error: SigmaText } {
  const groups: GroupTest[] = [];
  let cost = 0;
  // OR of ORs is one OR: a single group reads and lower-cases the field once.
  const source = state.link === 'or' ? [state.groups.flat()] : state.groups;
  for (const group of source) {
    const compiled: CompiledValue[] = [];
    const batch = batchValues(group, state.cased);
    if (batch.test !== undefined) {
      compiled.push({ test: batch.test, needsLower: !state.cased, cost: 1 });
      cost += 1 + batch.covered.size / 8;
    }
    for (const value of group) {
      if (batch.covered.has(value)) continue;
      const c = compileValue(value, state.cased, options.mapField);
      if (!c.ok) return c;
      compiled.push(c.value);
      cost += c.value.cost;
    }
    const needles = containsNeedles(group, state.cased);
    groups.push({
      test: anyOf(compiled),
      needsLower: compiled.some((c) => c.needsLower),
      hasNull: group.some((v) => v.type === 'null'),
      ...(needles === undefined ? {} : { needles }),
    });
  }
  return { ok: true, groups, cost };
}

function linkGroups(
  groups: readonly GroupTest[],
  link: 'or' | 'and',
  read: (event: SigmaEvent) => unknown,
  lower: Lower,
): EventTest {
  const only = groups[0];
  if (groups.length === 1 && only !== undefined)
    return (event) => scalarMatches(only, read(event), event, lower);
  if (link === 'and') {
    return (event) => {
      const raw = read(event);
      for (const g of groups) if (!scalarMatches(g, raw, event, lower)) return false;
      return true;
    };
  }
  return (event) => {
    const raw = read(event);
    for (const g of groups) if (scalarMatches(g, raw, event, lower)) return true;
    return false;
  };
}

function keywordTest(groups: readonly GroupTest[], link: 'or' | 'and'): EventTest {
  const someValue = (g: GroupTest, event: SigmaEvent): boolean => {
    if (g.needles !== undefined) {
      // one scan of the event's joined lower-cased text per needle, instead of one per value
      const joined = joinedLowerOf(event);
      if (joined === undefined) return false;
      return g.needles(joined);
    }
    for (const key of keysOf(event)) {
      const raw = event[key];
      if (raw !== null && raw !== undefined && scalarMatches(g, raw, event)) return true;
    }
    return false;
  };
  if (link === 'and') return (event) => groups.every((g) => someValue(g, event));
  return (event) => groups.some((g) => someValue(g, event));
}

/** The guard of one group of values: each must be a case-insensitive literal pattern. */
function groupGuard(field: string, group: readonly TypedValue[]): Guard | undefined {
  const byKind = new Map<ClauseKind, string[]>();
  for (const value of group) {
    if (value.type !== 'string') return undefined;
    const simple = simplePattern(value.tokens, false);
    if (simple === undefined) return undefined;
    const list = byKind.get(simple.kind) ?? [];
    list.push(simple.text);
    byKind.set(simple.kind, list);
  }
  if (byKind.size === 0) return undefined;
  return [...byKind].map(([kind, needles]) => ({ field, kind, needles }));
}

function itemGuard(field: string, state: ModifierState): Guard | undefined {
  if (state.negate || state.cased || state.timePart !== undefined) return undefined;
  // OR link: any value of any group may match; AND link (`all`): each group is necessary.
  if (state.link === 'or') return groupGuard(field, state.groups.flat());
  return andGuards(state.groups.map((g) => groupGuard(field, g)));
}

export function compileItem(match: SigmaFieldMatch, options: ItemOptions): CompiledItem {
  const isKeyword = match.field === null;
  const applied = applyModifiers(match.values, match.modifiers, isKeyword, options);
  if (!applied.ok) return applied;
  let state = applied.state;
  if (isKeyword && !match.modifiers.some((m) => POSITIONAL.has(m))) {
    // Keywords are searched inside values (full-text search), as other Sigma engines do.
    const wrapped = state.groups.every((g) =>
      g.every((v) => v.type === 'string' || v.type === 'number'),
    )
      ? containsModifier.apply(state, options)
      : undefined;
    if (wrapped?.ok === true) state = wrapped.state;
  }
  if (state.groups.length === 0) return { ok: true, test: () => false, cost: 0 };
  const values = state.groups.flat();
  const field = match.field === null ? null : options.mapField(match.field);
  let test: EventTest;
  let cost: number;
  let guard: Guard | undefined;
  if (values.every((v) => v.type === 'exists') && field !== null) {
    const present = fieldAccess(field).has;
    const wanted = values.map((v) => (v as { readonly value: boolean }).value);
    const all = state.link === 'and';
    test = (event) => {
      const has = present(event);
      return all ? wanted.every((w) => w === has) : wanted.some((w) => w === has);
    };
    cost = 1;
  } else if (values.some((v) => v.type === 'exists')) {
    return {
      ok: false,
      error: {
        en: '"exists" cannot be mixed with other values.',
        fr: '« exists » ne peut pas être mêlé à d’autres valeurs.',
      },
    };
  } else {
    const compiled = compileGroups(state, options);
    if (!compiled.ok) return compiled;
    cost = compiled.cost;
    if (field === null) {
      test = keywordTest(compiled.groups, state.link);
      cost += 20;
    } else {
      guard = itemGuard(field, state);
      const access = fieldAccess(field);
      const get = access.get;
      const part = state.timePart;
      const read = part === undefined ? get : (event: SigmaEvent) => timePartOf(get(event), part);
      test = linkGroups(
        compiled.groups,
        state.link,
        read,
        part === undefined ? access.lower : lowerOf,
      );
    }
  }
  if (state.negate) {
    const positive = test;
    test = (event) => !positive(event);
  }
  return { ok: true, test, cost, ...(guard === undefined ? {} : { guard }) };
}
